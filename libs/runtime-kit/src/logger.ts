/** Extra fields of one line; never a secret or an API key (log `keyFingerprint`). */
export type LogFields = Readonly<Record<string, unknown>>;

/** Fits the router's, authz's and the domains' structural logger interfaces. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A Lambda's logger: it learns each invocation's request id, and whether it is the cold start. */
export interface LambdaLogger extends Logger {
  invocationStarted(requestId: string): void;
}

export interface LoggerOptions {
  /** The Lambda app (`resources-lambda`): the `service` field of every line. */
  readonly service: string;
  /** Where a finished line goes; default stdout, bypassing the Lambda runtime's console prefix. */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

/**
 * Powertools Logger's line shape, without its weight on the cold start: one JSON object per
 * line with `level` (`INFO`/`WARN`/`ERROR`), `message`, `timestamp`, `service`, `cold_start`,
 * `function_request_id` once an invocation started, then the fields.
 */
export function createLogger({
  service,
  write = (line) => process.stdout.write(`${line}\n`),
  now = () => new Date(),
}: LoggerOptions): LambdaLogger {
  let invocations = 0;
  let requestId: string | undefined;
  const log = (level: string) => (message: string, fields?: LogFields) => {
    const line = {
      level,
      message,
      timestamp: now().toISOString(),
      service,
      cold_start: invocations <= 1,
      function_request_id: requestId,
    };
    // The standard keys first, and no field can overwrite one.
    write(JSON.stringify({ ...line, ...fields, ...line }));
  };
  return {
    info: log('INFO'),
    warn: log('WARN'),
    error: log('ERROR'),
    invocationStarted(id) {
      invocations += 1;
      requestId = id;
    },
  };
}

/** Wraps a Lambda handler so the logger knows each invocation's request id. */
export function withLogger<E, R>(
  logger: LambdaLogger,
  handler: (event: E, context?: { readonly awsRequestId: string }) => Promise<R>,
): (event: E, context?: { readonly awsRequestId: string }) => Promise<R> {
  return (event, context) => {
    logger.invocationStarted(context?.awsRequestId ?? 'unknown');
    return handler(event, context);
  };
}
