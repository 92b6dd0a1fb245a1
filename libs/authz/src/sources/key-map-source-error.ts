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

// Duck-typed rather than `instanceof Error`: errors from another realm (Node's fs under a
// test VM, a bundled SDK copy) are still errors.
function errorName(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { code, name } = cause as { code?: unknown; name?: unknown };
  if (typeof code === 'string') return code;
  return typeof name === 'string' ? name : undefined;
}
