/** Small helpers for the service suites that call services straight, without HTTP. */
import type { Db } from '../storage/records-store';

/** The newest audit row's id (0 when there is none): read before an action, compare after. */
export async function lastAuditId(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The refusal `promise` throws: status, code and words; throws if it does not refuse. */
export async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { statusCode: number; code: string; message: string } | null;
  if (error === null) throw new Error('expected a refusal');
  return { status: error.statusCode, code: error.code, message: error.message };
}
