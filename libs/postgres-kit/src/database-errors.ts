/**
 * The database could not be reached or is not answering in time. A transient condition: the
 * request may be retried, and the pool reconnects by itself once the server is back.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(
    /** A short, non-sensitive reason for logs: an errno or SQLSTATE, never a message. */
    readonly reason: string,
    options?: { cause: unknown },
  ) {
    super(`database unavailable (${reason})`, options);
  }
}

// Node socket errors seen when the server is down, unreachable or drops the connection.
const socketErrnos = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATEs meaning "not now": connection exceptions (class 08), too many connections,
// server shutting down / starting up, statement timeout (query_canceled).
const transientSqlStates = /^(08...|53300|57P0[1-3]|57014)$/;

// Messages `pg` uses for client-side connection failures, which carry no code.
const pgConnectionMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection terminated due to connection timeout',
];

const QUERY_READ_TIMEOUT = 'Query read timeout';

/** pg's client-side `query_timeout` fired: no answer from the server in time. */
export function isQueryReadTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { message?: unknown }).message === QUERY_READ_TIMEOUT;
}

/** Returns why `error` means "database unavailable", or undefined for any other failure. */
export function unavailableReason(error: unknown): string | undefined {
  if (error instanceof DatabaseUnavailableError) return error.reason;
  // Duck-typed rather than `instanceof Error`: socket errors may come from another realm
  // (Node's own classes under Jest's VM), and pg errors are plain Errors with extra fields.
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, errors } = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (socketErrnos.has(code) || transientSqlStates.test(code))) {
    return code;
  }
  if (typeof message === 'string' && pgConnectionMessages.some((m) => message.startsWith(m))) {
    return 'connection-lost';
  }
  if (isQueryReadTimeout(error)) return 'query-timeout';
  // Node's happy-eyeballs connect (an AggregateError) reports one error per address tried.
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const reason = unavailableReason(inner);
      if (reason) return reason;
    }
  }
  return undefined;
}

/** Rethrows database-unavailable failures as `DatabaseUnavailableError`, others unchanged. */
export function asDatabaseError(error: unknown): unknown {
  const reason = unavailableReason(error);
  return reason && !(error instanceof DatabaseUnavailableError)
    ? new DatabaseUnavailableError(reason, { cause: error })
    : error;
}
