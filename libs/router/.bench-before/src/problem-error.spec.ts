import { ProblemError, problemType } from './problem-error.js';

describe('ProblemError', () => {
  it('fills type and title from the status', () => {
    const error = new ProblemError({ status: 404, detail: 'resource not found' });
    expect(error.problem).toEqual({
      type: 'https://tollgate.dev/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'resource not found',
    });
    expect(error.message).toBe('resource not found');
    expect(error.headers).toEqual({});
  });

  it('keeps a given slug, title and extension members', () => {
    const error = new ProblemError({ status: 409, type: 'name-taken', title: 'Name taken', name: 'x' });
    expect(error.problem).toEqual({ type: 'https://tollgate.dev/problems/name-taken', title: 'Name taken', status: 409, name: 'x' });
  });

  it('uses about:blank for a status without a platform slug', () => {
    expect(new ProblemError({ status: 418 }).problem).toMatchObject({ type: 'about:blank', title: 'Error' });
  });

  it('lists members in RFC 9457 order, extensions last', () => {
    const { problem } = new ProblemError({ extra: 1, detail: 'd', status: 409, title: 't', type: 'x' });
    expect(Object.keys(problem)).toEqual(['type', 'title', 'status', 'detail', 'extra']);
  });

  it('passes absolute type URIs through', () => {
    expect(problemType('urn:example:oops')).toBe('urn:example:oops');
  });

  it.each([200, 302, 600, 404.5])('refuses status %s', (status) => {
    expect(() => new ProblemError({ status })).toThrow(RangeError);
  });
});
