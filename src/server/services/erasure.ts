/**
 * The right to erasure. A team lead asks to erase a person; a second team lead confirms (an
 * admin's request is carried out at once). Erasing turns, in ONE transaction, the person's
 * record and every record about them into tombstones — consents, assessments, notes,
 * referrals, appointments, follow-ups, review items — and keeps each contact with them as
 * an anonymous contact (no link, no summary), so a report's counts survive. Tombstones hold
 * no data: the content is gone from the live table at commit, and `storage.compact()` then
 * clears it from the database's files as far as the engine allows (SQLite: secure delete
 * and a truncating checkpoint of the write-ahead log). Every device removes the person at
 * its next pull. What is kept is what the law asks for: audit rows with who, when and the
 * person's id, and the request with its counts.
 */
import type { ErasureCounts, Erasure, ListErasuresResponse, RequestErasure } from '../../shared/api/erasure';
import { contactRecordSchema } from '../../shared/domain/contact';
import { uuidv7 } from '../../shared/ids';
import { collectionNames } from '../../shared/sync/collections';
import type { Storage } from '../storage/database';
import { appendAudit } from '../storage/audit-store';
import type { ErasureRequest } from '../storage/erasure-store';
import { decideErasureRequest, findPendingErasure, getErasureRequest, insertErasureRequest, listPendingErasures } from '../storage/erasure-store';
import type { Db } from '../storage/records-store';
import { getRecord, listLiveRecordsAbout, lockTeamWriters, putRecord } from '../storage/records-store';
import type { Schema } from '../storage/schema';
import type { Transaction } from 'kysely';
import { ApiError } from './errors';
import type { Actor } from './team-admin';
import { authorize } from './team-admin';

/** A contact with the person, kept for the counts: no link to them and no free text. */
function anonymousContact(data: Readonly<Record<string, unknown>>): Record<string, unknown> | null {
  const parsed = contactRecordSchema.safeParse(data);
  if (!parsed.success) return null;
  const { summary: _summary, ...rest } = parsed.data;
  return { ...rest, clientId: null };
}

/**
 * Erases one person of `teamId` inside the caller's transaction. Returns what it did by
 * count. Records of another team are never touched (every read is by team).
 */
export async function eraseClientRecords(trx: Transaction<Schema>, teamId: string, clientId: string, at: string): Promise<ErasureCounts> {
  await lockTeamWriters(trx, teamId);
  const naming = collectionNames.filter((c) => c !== 'clients' && c !== 'reviewItems');
  const about = await listLiveRecordsAbout(trx, teamId, clientId, naming);
  let tombstoned = 0;
  let anonymised = 0;
  for (const record of about) {
    const kept = record.collection === 'contacts' && record.data !== null ? anonymousContact(record.data) : null;
    if (kept !== null) {
      await putRecord(trx, { collection: record.collection, id: record.id, teamId, data: kept, updatedAt: at });
      anonymised++;
    } else {
      await putRecord(trx, { collection: record.collection, id: record.id, teamId, data: null, deleted: true, updatedAt: at });
      tombstoned++;
    }
  }
  return { tombstoned, anonymised };
}

function toErasure(request: ErasureRequest): Erasure {
  const { id, clientId, status, requestedBy, requestedAt, decidedBy, decidedAt, counts } = request;
  return { id, clientId, status, requestedBy, requestedAt, decidedBy, decidedAt, counts };
}

async function audit(db: Db, actor: Actor, action: string, outcome: string, clientId: string | undefined, at: string): Promise<void> {
  await appendAudit(db, { userId: actor.user.id, deviceId: actor.deviceId, action, outcome, collection: 'clients', ...(clientId === undefined ? {} : { recordId: clientId }) }, at);
}

async function isLiveClient(db: Db, teamId: string, clientId: string): Promise<boolean> {
  const record = await getRecord(db, 'clients', clientId);
  return record !== undefined && record.teamId === teamId && !record.deleted;
}

/** Erases and marks the request erased in one transaction; then compacts the files. */
async function carryOut(storage: Storage, actor: Actor, request: ErasureRequest, nowIso: string, insert: boolean): Promise<ErasureRequest> {
  const done = await storage.db.transaction().execute(async (trx) => {
    const counts = await eraseClientRecords(trx, request.teamId, request.clientId, nowIso);
    const decision = { status: 'erased', decidedBy: actor.user.id, decidedAt: nowIso, counts } as const;
    const erased: ErasureRequest = { ...request, ...decision };
    if (insert) await insertErasureRequest(trx, erased);
    else if (!(await decideErasureRequest(trx, request.id, decision))) throw new ApiError(409, 'conflict', 'Someone else has already decided this request.');
    await audit(trx, actor, 'clients.erase', 'ok', request.clientId, nowIso);
    return erased;
  });
  await storage.compact();
  return done;
}

/**
 * A team lead asks to erase a person of their team. An admin's request is carried out at
 * once; anyone else's waits for a second team lead. 404 for a person who is not (or no
 * longer) on the team; 409 when a request for them is already waiting.
 */
export async function requestErasure(storage: Storage, actor: Actor, body: RequestErasure, nowMs: number): Promise<Erasure> {
  await authorize(storage, actor, 'clients.erase');
  const nowIso = new Date(nowMs).toISOString();
  const teamId = actor.user.teamId;
  if (!(await isLiveClient(storage.db, teamId, body.clientId))) {
    await audit(storage.db, actor, 'clients.erase.request', 'denied:not_found', body.clientId, nowIso);
    throw new ApiError(404, 'not_found', 'Not found.');
  }
  if ((await findPendingErasure(storage.db, teamId, body.clientId)) !== undefined) {
    throw new ApiError(409, 'conflict', 'A request to erase this person is already waiting for a second team lead.');
  }
  const request: ErasureRequest = { id: uuidv7(), teamId, clientId: body.clientId, status: 'pending', requestedBy: actor.user.id, requestedAt: nowIso, decidedBy: null, decidedAt: null, counts: null };
  if (actor.user.admin) return toErasure(await carryOut(storage, actor, request, nowIso, true));
  await insertErasureRequest(storage.db, request);
  await audit(storage.db, actor, 'clients.erase.request', 'ok', body.clientId, nowIso);
  return toErasure(request);
}

async function pendingOfTeam(storage: Storage, actor: Actor, id: string, action: string, nowIso: string): Promise<ErasureRequest> {
  const request = await getErasureRequest(storage.db, id);
  if (request === undefined || request.teamId !== actor.user.teamId) {
    await audit(storage.db, actor, action, 'denied:not_found', undefined, nowIso);
    throw new ApiError(404, 'not_found', 'Not found.');
  }
  if (request.status !== 'pending') throw new ApiError(409, 'conflict', `This request has already been ${request.status === 'erased' ? 'carried out' : 'cancelled'}.`);
  return request;
}

/** A second team lead (not the one who asked; an admin may be either) carries out a request. */
export async function confirmErasure(storage: Storage, actor: Actor, id: string, nowMs: number): Promise<Erasure> {
  await authorize(storage, actor, 'clients.erase');
  const nowIso = new Date(nowMs).toISOString();
  const request = await pendingOfTeam(storage, actor, id, 'clients.erase', nowIso);
  if (request.requestedBy === actor.user.id && !actor.user.admin) {
    await audit(storage.db, actor, 'clients.erase', 'denied:same_lead', request.clientId, nowIso);
    throw new ApiError(409, 'conflict', 'A second team lead must confirm an erasure you asked for.');
  }
  return toErasure(await carryOut(storage, actor, request, nowIso, false));
}

/** Any team lead of the team withdraws a waiting request; nothing is erased. */
export async function cancelErasure(storage: Storage, actor: Actor, id: string, nowMs: number): Promise<Erasure> {
  await authorize(storage, actor, 'clients.erase');
  const nowIso = new Date(nowMs).toISOString();
  const request = await pendingOfTeam(storage, actor, id, 'clients.erase.cancel', nowIso);
  const decision = { status: 'cancelled', decidedBy: actor.user.id, decidedAt: nowIso, counts: null } as const;
  const cancelled: ErasureRequest = { ...request, ...decision };
  if (!(await decideErasureRequest(storage.db, id, decision))) throw new ApiError(409, 'conflict', 'Someone else has already decided this request.');
  await audit(storage.db, actor, 'clients.erase.cancel', 'ok', request.clientId, nowIso);
  return toErasure(cancelled);
}

/** The team's requests waiting for a second team lead. */
export async function listErasures(storage: Storage, actor: Actor): Promise<ListErasuresResponse> {
  await authorize(storage, actor, 'clients.erase');
  return { erasures: (await listPendingErasures(storage.db, actor.user.teamId)).map(toErasure) };
}
