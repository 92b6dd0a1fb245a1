import { InputError } from './input-error.js';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `90s`, `30m`, `24h`, `7d` → milliseconds. */
export function parseDuration(flag: string, value: string): number {
  const match = /^(\d{1,6})([smhd])$/.exec(value);
  if (match === null) throw new InputError(`${flag} must be a whole number and a unit s, m, h or d (e.g. 24h), not "${value}"`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** An ISO date (`2027-01-31`) or date-time with offset → the stored `expiresAt` (ISO 8601, UTC). */
export function parseExpiry(value: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : /(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new InputError(`--expires must be a date (2027-01-31) or a date-time with offset (2027-01-31T12:00:00Z), not "${value}"`);
  return new Date(ms).toISOString();
}
