import {
  gatewayFallbackBody,
  gatewayFallbackProblems,
  gatewayProblemBody,
  gatewayProblems,
} from './gateway-problems.js';

describe('gateway problem catalogue', () => {
  it('types each problem https://tollgate.dev/problems/<slug> with an error status', () => {
    for (const [slug, problem] of Object.entries(gatewayProblems)) {
      expect(problem.type).toBe(`https://tollgate.dev/problems/${slug}`);
      expect(problem.status).toBeGreaterThanOrEqual(400);
      expect(problem.status).toBeLessThan(600);
      expect(problem.title).not.toBe('');
      expect(problem.detail).not.toBe('');
    }
  });

  it('answers each gateway response type with one problem only', () => {
    const responseTypes = [
      ...Object.values(gatewayProblems).flatMap((problem) => problem.responseTypes),
      ...Object.values(gatewayFallbackProblems).map((fallback) => fallback.responseType),
    ];
    expect(new Set(responseTypes).size).toBe(responseTypes.length);
  });

  it('maps integration failures to 502 and timeouts to 504, the same locally and in AWS', () => {
    expect(gatewayProblems['bad-gateway']).toMatchObject({
      status: 502,
      responseTypes: ['INTEGRATION_FAILURE'],
    });
    expect(gatewayProblems['gateway-timeout']).toMatchObject({
      status: 504,
      responseTypes: ['INTEGRATION_TIMEOUT'],
    });
  });

  it('renders a body with the request id', () => {
    expect(gatewayProblemBody(gatewayProblems.unauthorized, 'req-1')).toEqual({
      type: 'https://tollgate.dev/problems/unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'the API key is missing or unknown',
      requestId: 'req-1',
    });
  });

  it('renders fallbacks without a status, with API Gateway’s message where they fix none', () => {
    expect(
      gatewayFallbackBody(gatewayFallbackProblems.clientError, 'req-1', 'Too Many Requests'),
    ).toEqual({
      type: 'about:blank',
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
      requestId: 'req-1',
    });
    expect(gatewayFallbackBody(gatewayFallbackProblems.serverError, 'req-1', 'x')).toEqual({
      type: 'https://tollgate.dev/problems/internal-error',
      title: 'Internal Server Error',
      detail: 'the gateway could not complete the request',
      requestId: 'req-1',
    });
  });
});
