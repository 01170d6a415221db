/**
 * The audit log and the record of rejected mutations. Both hold ids, codes and times only —
 * never names, notes or field values — so the log itself is not sensitive data.
 */
import type { Db } from './records-store';

export interface AuditEntry {
  readonly userId: string | null;
  readonly deviceId: string | null;
  /** e.g. `login`, `logout`, `client.update`, `users.create`, `device.export`. */
  readonly action: string;
  readonly collection?: string | null;
  readonly recordId?: string | null;
  /** e.g. `ok`, `denied`, `rejected:not_found`, `failed`. */
  readonly outcome: string;
}

export async function appendAudit(db: Db, entry: AuditEntry, at: string = new Date().toISOString()): Promise<void> {
  await appendAuditRows(db, [entry], at);
}

/** Rows per insert: a push's 100 writes go in one statement instead of a hundred. */
const AUDIT_ROWS_PER_INSERT = 100;

/** Appends several rows, in order, all at `at` (a push's writes share its time). */
export async function appendAuditRows(db: Db, entries: readonly AuditEntry[], at: string): Promise<void> {
  for (let start = 0; start < entries.length; start += AUDIT_ROWS_PER_INSERT) {
    const rows = entries.slice(start, start + AUDIT_ROWS_PER_INSERT).map((entry) => ({
      at,
      user_id: entry.userId,
      device_id: entry.deviceId,
      action: entry.action,
      collection: entry.collection ?? null,
      record_id: entry.recordId ?? null,
      outcome: entry.outcome,
    }));
    await db.insertInto('audit_log').values(rows).execute();
  }
}

export interface RejectionEntry {
  readonly deviceId: string;
  readonly mutationId: number;
  readonly name: string;
  readonly code: string;
  readonly message: string;
}

export async function insertRejection(db: Db, rejection: RejectionEntry, at: string): Promise<void> {
  await db
    .insertInto('rejections')
    .values({
      device_id: rejection.deviceId,
      mutation_id: rejection.mutationId,
      name: rejection.name,
      code: rejection.code,
      message: rejection.message,
      created_at: at,
    })
    .execute();
}

/**
 * A device's stored rejections, all or only those of `mutationIds` (a repeated push gets
 * the same rejections again, so a lost answer never hides one).
 */
export async function listRejections(db: Db, deviceId: string, mutationIds?: readonly number[]): Promise<RejectionEntry[]> {
  if (mutationIds?.length === 0) return [];
  let query = db.selectFrom('rejections').selectAll().where('device_id', '=', deviceId);
  if (mutationIds !== undefined) query = query.where('mutation_id', 'in', [...mutationIds]);
  const rows = await query.orderBy('mutation_id').execute();
  return rows.map((r) => ({
    deviceId: r.device_id,
    mutationId: Number(r.mutation_id),
    name: r.name,
    code: r.code,
    message: r.message,
  }));
}

export interface AuditFilter {
  /** Only rows of these users (a team's): the log itself has no team column. */
  readonly userIds: readonly string[];
  readonly recordId?: string | undefined;
  readonly action?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Only rows with a smaller id (the next page). */
  readonly before?: number | undefined;
  readonly limit: number;
}

/** Audit rows matching `filter`, newest first. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<Array<{ id: number; at: string; userId: string | null; deviceId: string | null; action: string; collection: string | null; recordId: string | null; outcome: string }>> {
  if (filter.userIds.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('user_id', 'in', [...filter.userIds])
    .$if(filter.recordId !== undefined, (q) => q.where('record_id', '=', filter.recordId ?? ''))
    .$if(filter.action !== undefined, (q) => q.where('action', '=', filter.action ?? ''))
    .$if(filter.from !== undefined, (q) => q.where('at', '>=', filter.from ?? ''))
    .$if(filter.to !== undefined, (q) => q.where('at', '<=', filter.to ?? ''))
    .$if(filter.before !== undefined, (q) => q.where('id', '<', filter.before ?? 0))
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), at: r.at, userId: r.user_id, deviceId: r.device_id, action: r.action, collection: r.collection, recordId: r.record_id, outcome: r.outcome }));
}
