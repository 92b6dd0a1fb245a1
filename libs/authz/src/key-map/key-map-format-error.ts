/**
 * The key map was read but is not valid: not JSON, or not the documented format.
 * `issues` name entries by key fingerprint, never by key, so the error is safe to log.
 */
export class KeyMapFormatError extends Error {
  override readonly name = 'KeyMapFormatError';

  constructor(readonly issues: readonly string[]) {
    super(`invalid key map: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`);
  }
}
