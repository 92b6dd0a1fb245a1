export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Where the authorizer writes its log lines. Fields never carry a key, only its fingerprint.
 * Powertools' `Logger` fits structurally.
 */
export interface AuthzLogger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** One JSON object per line on stdout/stderr, which CloudWatch Logs indexes as-is. */
export const consoleJsonLogger: AuthzLogger = {
  info: (message, fields) => console.log(logLine('info', message, fields)),
  warn: (message, fields) => console.warn(logLine('warn', message, fields)),
  error: (message, fields) => console.error(logLine('error', message, fields)),
};

function logLine(level: string, message: string, fields: LogFields | undefined): string {
  return JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...fields });
}
