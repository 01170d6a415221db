/**
 * Which database errors are worth retrying. The push route answers these with 503 so the
 * device keeps its outbox and tries again; anything else is a bug and answers 500.
 */
const TRANSIENT_PG_CODES = new Set(['40001', '40P01', '53300', '57P01', '57P02', '57P03', '55P03']);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'SQLITE_BUSY', 'SQLITE_LOCKED']);

export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (TRANSIENT_PG_CODES.has(code) || TRANSIENT_NODE_CODES.has(code)) return true;
    if (code.startsWith('08') && code.length === 5) return true; // pg connection exceptions
    if (code.startsWith('SQLITE_BUSY')) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}
