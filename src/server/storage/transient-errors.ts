/**
 * Which database errors are worth retrying: the database restarting, starting up or out of
 * reach, a connection cut, a lock or serialization conflict. Every route answers these with
 * 503 and Retry-After, so the device keeps its outbox and tries again; anything else is a
 * bug and answers 500.
 */
const TRANSIENT_PG_CODES = new Set(['40001', '40P01', '53300', '57P01', '57P02', '57P03', '55P03']);
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
  'SQLITE_BUSY', 'SQLITE_LOCKED',
]);

/** True when `error` says the database is briefly unavailable, so the request is worth retrying. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  // A host name with several addresses (localhost: ::1 and 127.0.0.1) fails with every
  // address's error at once.
  if (error instanceof AggregateError) return error.errors.length > 0 && error.errors.every(isTransientDatabaseError);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (TRANSIENT_PG_CODES.has(code) || TRANSIENT_NODE_CODES.has(code)) return true;
    if (code.startsWith('08') && code.length === 5) return true; // pg connection exceptions
    if (code.startsWith('SQLITE_BUSY')) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}
