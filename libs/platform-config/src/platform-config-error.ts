/**
 * A problem with the platform's environment config or the synth context. Its message is one
 * line that names the bad value, so a command prints it alone instead of a stack trace.
 */
export class PlatformConfigError extends Error {
  override readonly name = 'PlatformConfigError';

  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
  }
}
