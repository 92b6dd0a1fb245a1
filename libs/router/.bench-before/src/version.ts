const VERSION_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An API version is a real calendar date written `YYYY-MM-DD` (so 2024-02-30 is not one). */
export function isValidVersion(version: string): boolean {
  const parts = VERSION_PATTERN.exec(version);
  if (parts === null) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

/** Newest first; `YYYY-MM-DD` strings order like the dates they name. */
export function newestFirst(versions: Iterable<string>): string[] {
  return [...versions].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** Midnight UTC of a valid version date. */
export function versionDate(version: string): Date {
  return new Date(`${version}T00:00:00Z`);
}
