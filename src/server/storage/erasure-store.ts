/**
 * Requests to erase a person: who asked, who decided, and what the erasure removed by
 * count. Ids and times only; nothing here says anything about the person.
 */
import type { Db } from './records-store';
import type { ErasureRequestsTable } from './schema';

export type ErasureRequestStatus = 'pending' | 'erased' | 'cancelled';

export interface ErasureRequest {
  readonly id: string;
  readonly teamId: string;
  readonly clientId: string;
  readonly status: ErasureRequestStatus;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly counts: { readonly tombstoned: number; readonly anonymised: number } | null;
}

function toErasureRequest(row: ErasureRequestsTable): ErasureRequest {
  return {
    id: row.id,
    teamId: row.team_id,
    clientId: row.client_id,
    status: row.status as ErasureRequestStatus,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    counts: row.counts === null ? null : (JSON.parse(row.counts) as ErasureRequest['counts']),
  };
}

export async function insertErasureRequest(db: Db, request: ErasureRequest): Promise<void> {
  await db
    .insertInto('erasure_requests')
    .values({
      id: request.id,
      team_id: request.teamId,
      client_id: request.clientId,
      status: request.status,
      requested_by: request.requestedBy,
      requested_at: request.requestedAt,
      decided_by: request.decidedBy,
      decided_at: request.decidedAt,
      counts: request.counts === null ? null : JSON.stringify(request.counts),
    })
    .execute();
}

export async function getErasureRequest(db: Db, id: string): Promise<ErasureRequest | undefined> {
  const row = await db.selectFrom('erasure_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toErasureRequest(row);
}

/** The team's requests still waiting for a second team lead, oldest first. */
export async function listPendingErasures(db: Db, teamId: string): Promise<ErasureRequest[]> {
  const rows = await db.selectFrom('erasure_requests').selectAll().where('team_id', '=', teamId).where('status', '=', 'pending').orderBy('requested_at').orderBy('id').execute();
  return rows.map(toErasureRequest);
}

export async function findPendingErasure(db: Db, teamId: string, clientId: string): Promise<ErasureRequest | undefined> {
  const row = await db.selectFrom('erasure_requests').selectAll().where('team_id', '=', teamId).where('client_id', '=', clientId).where('status', '=', 'pending').executeTakeFirst();
  return row === undefined ? undefined : toErasureRequest(row);
}

/** Decides a pending request; returns false when it was no longer pending (someone else decided first). */
export async function decideErasureRequest(
  db: Db,
  id: string,
  decision: { readonly status: 'erased' | 'cancelled'; readonly decidedBy: string; readonly decidedAt: string; readonly counts: ErasureRequest['counts'] },
): Promise<boolean> {
  const result = await db
    .updateTable('erasure_requests')
    .set({ status: decision.status, decided_by: decision.decidedBy, decided_at: decision.decidedAt, counts: decision.counts === null ? null : JSON.stringify(decision.counts) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
