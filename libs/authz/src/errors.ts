/** The key map's source could not be read (file missing, Secrets Manager error or throttling). */
export class KeyMapSourceError extends Error {
  override readonly name = 'KeyMapSourceError';
  /** Error name of the cause (e.g. `ThrottlingException`, `ENOENT`), safe to log. */
  readonly causeName: string | undefined;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.causeName = errorName(options.cause);
  }
}

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

// Duck-typed rather than `instanceof Error`: errors from another realm (Node's fs under a
// test VM, a bundled SDK copy) are still errors.
function errorName(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { code, name } = cause as { code?: unknown; name?: unknown };
  if (typeof code === 'string') return code;
  return typeof name === 'string' ? name : undefined;
}
