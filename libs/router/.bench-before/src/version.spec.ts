import { isValidVersion, newestFirst } from './version.js';

describe('API versions', () => {
  it.each(['2025-03-01', '2024-02-29', '2000-02-29', '1999-12-31', '2025-01-31'])('%s is a version', (version) => {
    expect(isValidVersion(version)).toBe(true);
  });

  it.each(['2024-02-30', '1900-02-29', '2023-02-29', '2025-04-31', '2025-00-01', '2025-13-01', '2025-01-00', '2025-1-01', '2025-01-01T00:00', 'v1', ''])(
    '%j is not a version',
    (version) => {
      expect(isValidVersion(version)).toBe(false);
    },
  );

  it('orders versions newest first', () => {
    expect(newestFirst(['2024-12-01', '2025-03-01', '2023-01-15'])).toEqual(['2025-03-01', '2024-12-01', '2023-01-15']);
  });
});
