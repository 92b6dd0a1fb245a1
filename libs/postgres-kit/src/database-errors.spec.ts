import { asDatabaseError, DatabaseUnavailableError, unavailableReason } from './database-errors.js';

const withCode = (code: string) => Object.assign(new Error('boom'), { code });

describe('unavailableReason', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'ENOTFOUND',
    '08006',
    '57P01',
    '57P03',
    '53300',
    '57014',
  ])('treats %s as the database being unavailable', (code) =>
    expect(unavailableReason(withCode(code))).toBe(code),
  );

  it.each(['Connection terminated unexpectedly', 'timeout exceeded when trying to connect'])(
    "treats pg's %p as a lost connection",
    (message) => expect(unavailableReason(new Error(message))).toBe('connection-lost'),
  );

  it("treats pg's client-side query timeout as unavailable", () => {
    expect(unavailableReason(new Error('Query read timeout'))).toBe('query-timeout');
  });

  it('looks inside an AggregateError from a multi-address connect', () => {
    expect(unavailableReason(new AggregateError([withCode('ECONNREFUSED')]))).toBe('ECONNREFUSED');
  });

  it.each([withCode('42P01'), withCode('23505'), new Error('syntax error'), 'text', undefined])(
    'leaves other failures (%p) alone',
    (error) => expect(unavailableReason(error)).toBeUndefined(),
  );
});

describe('asDatabaseError', () => {
  it('wraps unavailability, keeping the cause, and passes anything else through', () => {
    const cause = withCode('ECONNREFUSED');
    const wrapped = asDatabaseError(cause);
    expect(wrapped).toEqual(new DatabaseUnavailableError('ECONNREFUSED'));
    expect((wrapped as Error).cause).toBe(cause);
    const other = withCode('42P01');
    expect(asDatabaseError(other)).toBe(other);
  });
});
