/**
 * Counts, straight from the server's database, what became of a set of acknowledged client
 * writes: how many are missing, and how many were applied more than once (two rows for one
 * id, or two applied-write audit rows for one record: a replay that was not skipped).
 */
import type { Storage } from '../../src/server/storage/database';

export interface WriteCounts {
  /** Client records on the server. */
  readonly onServer: number;
  /** Acknowledged ids with no record on the server. */
  readonly missing: number;
  /** Record ids written more than once. */
  readonly twice: number;
}

export async function countWrites(storage: Storage, acknowledged: readonly string[]): Promise<WriteCounts> {
  const rows = await storage.db
    .selectFrom('records')
    .select((eb) => ['id', eb.fn.countAll<number | string>().as('n')])
    .where('collection', '=', 'clients')
    .groupBy('id')
    .execute();
  const present = new Map(rows.map((r) => [r.id, Number(r.n)]));
  const replayed = await storage.db
    .selectFrom('audit_log')
    .select((eb) => ['record_id', eb.fn.countAll<number | string>().as('n')])
    .where('collection', '=', 'clients')
    .where('outcome', '=', 'ok')
    .groupBy('record_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  return {
    onServer: present.size,
    missing: acknowledged.filter((id) => !present.has(id)).length,
    twice: [...present.values()].filter((n) => n > 1).length + replayed.length,
  };
}
