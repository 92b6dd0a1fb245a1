import { ConfigError } from '@tollgate/runtime-kit';
import { analyticsConfigFromEnv } from './analytics-config.js';

const url = 'https://data.example.com/v1';

function errorLine(env: Record<string, string | undefined>): string {
  try {
    analyticsConfigFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('analyticsConfigFromEnv', () => {
  it('takes the token from ANALYTICS_API_TOKEN locally, with a 3 s default timeout and a 10 s default deadline', () => {
    expect(analyticsConfigFromEnv({ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't0k' })).toEqual({
      apiUrl: url,
      token: { source: 'env', token: 't0k' },
      timeoutMs: 3000,
      deadlineMs: 10_000,
    });
  });

  it('takes the token from the secret named by ANALYTICS_API_SECRET_ID in AWS, and a configured timeout and deadline', () => {
    expect(
      analyticsConfigFromEnv({
        ANALYTICS_API_URL: url,
        ANALYTICS_API_SECRET_ID: 'analytics/token',
        ANALYTICS_API_TIMEOUT_MS: '1500',
        ANALYTICS_API_DEADLINE_MS: '6000',
      }),
    ).toEqual({ apiUrl: url, token: { source: 'secrets-manager', secretId: 'analytics/token' }, timeoutMs: 1500, deadlineMs: 6000 });
  });

  it('accepts a per-attempt timeout up to 4000 ms and a deadline up to 12000 ms, well within the Lambda’s 15 s', () => {
    const config = analyticsConfigFromEnv({
      ANALYTICS_API_URL: url,
      ANALYTICS_API_TOKEN: 't',
      ANALYTICS_API_TIMEOUT_MS: '4000',
      ANALYTICS_API_DEADLINE_MS: '12000',
    });
    expect(config).toMatchObject({ timeoutMs: 4000, deadlineMs: 12_000 });
  });

  it.each([
    [{ ANALYTICS_API_TOKEN: 't' }, 'ANALYTICS_API_URL is required'],
    [{ ANALYTICS_API_URL: 'not a url', ANALYTICS_API_TOKEN: 't' }, 'ANALYTICS_API_URL must be an http(s) URL'],
    [{ ANALYTICS_API_URL: 'ftp://data.example.com', ANALYTICS_API_TOKEN: 't' }, 'ANALYTICS_API_URL must be an http(s) URL'],
    [{ ANALYTICS_API_URL: url }, 'set exactly one of ANALYTICS_API_TOKEN (local) and ANALYTICS_API_SECRET_ID (AWS)'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't', ANALYTICS_API_SECRET_ID: 's' }, 'set exactly one of'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: '' }, 'ANALYTICS_API_TOKEN the token must not be empty'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't', ANALYTICS_API_TIMEOUT_MS: 'soon' }, 'ANALYTICS_API_TIMEOUT_MS must be a number'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't', ANALYTICS_API_TIMEOUT_MS: '2.5' }, 'ANALYTICS_API_TIMEOUT_MS must be a whole number'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't', ANALYTICS_API_TIMEOUT_MS: '0' }, 'ANALYTICS_API_TIMEOUT_MS must be at least 1'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't', ANALYTICS_API_TIMEOUT_MS: '4001' }, 'ANALYTICS_API_TIMEOUT_MS must be at most 4000'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't', ANALYTICS_API_DEADLINE_MS: 'later' }, 'ANALYTICS_API_DEADLINE_MS must be a number'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't', ANALYTICS_API_DEADLINE_MS: '9999.5' }, 'ANALYTICS_API_DEADLINE_MS must be a whole number'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't', ANALYTICS_API_DEADLINE_MS: '0' }, 'ANALYTICS_API_DEADLINE_MS must be at least 1'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't', ANALYTICS_API_DEADLINE_MS: '12001' }, 'ANALYTICS_API_DEADLINE_MS must be at most 12000'],
    [{ ANALYTICS_API_URL: url, ANALYTICS_API_TOKEN: 't', ANALYTICS_API_DEADLINE_MS: '15000' }, "the analytics Lambda's 15 s timeout"],
  ])('rejects %j with one line naming the variable', (env, expected) => {
    const line = errorLine(env);
    expect(line).toContain(expected);
    expect(line).toMatch(/^invalid configuration: /);
    expect(line).not.toContain('\n');
  });

  it('never echoes a token in the error', () => {
    expect(errorLine({ ANALYTICS_API_URL: 'nope', ANALYTICS_API_TOKEN: 'sk_secret_value' })).not.toContain('sk_secret_value');
  });
});
