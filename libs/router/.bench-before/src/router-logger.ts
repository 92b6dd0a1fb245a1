/** Where the router reports failures; Powertools' `Logger` fits this shape. */
export interface RouterLogger {
  error(message: string, fields: Record<string, unknown>): void;
}

/** One JSON line per entry on stderr, which Lambda ships to CloudWatch Logs. */
export const consoleJsonLogger: RouterLogger = {
  error(message, fields) {
    console.error(JSON.stringify({ level: 'ERROR', timestamp: new Date().toISOString(), message, ...fields }));
  },
};
