/**
 * A problem with the environment config or the synth context. Its message is one line that
 * names the bad value, so `main.ts` prints it alone instead of a stack trace.
 */
export class InfraConfigError extends Error {
  override readonly name = 'InfraConfigError';

  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
  }
}
