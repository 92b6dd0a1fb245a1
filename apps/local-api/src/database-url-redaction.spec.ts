import { redactDatabaseUrl } from './database-url-redaction.js';

describe('redactDatabaseUrl', () => {
  it('hides a password in the user info', () => {
    expect(redactDatabaseUrl('postgres://app:hunter2@db:5432/x')).toBe('postgres://app:***@db:5432/x');
  });

  it('hides a password given as a query parameter, in any casing, and keeps the rest', () => {
    const printed = redactDatabaseUrl(
      'postgresql://app@db/x?sslmode=require&password=hunter2&SSLPASSWORD=pw2&password=again',
    );
    expect(printed).not.toMatch(/hunter2|pw2|again/);
    expect(printed).toBe('postgresql://app@db/x?sslmode=require&password=***&SSLPASSWORD=***');
  });

  it('leaves a URL without a password as it is', () => {
    expect(redactDatabaseUrl('postgres://postgres@127.0.0.1:5432/test')).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
  });

  it('prints nothing of a URL it cannot parse', () => {
    expect(redactDatabaseUrl('postgres://u:hunter2@[bad')).not.toContain('hunter2');
  });
});
