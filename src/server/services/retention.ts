/**
 * Retention: what the organisation no longer needs is removed on a schedule (main.ts runs
 * `applyRetention` every hour by default; the clock is a parameter so tests control it).
 * In order:
 *
 * 1. People nothing has been written about for `peopleYears` are erased exactly as a team
 *    lead erases someone (erasure.ts): tombstones, contacts kept anonymous.
 * 2. Anonymous contacts older than `anonymousContactsYears` become tombstones.
 * 3. Tombstones older than `tombstonesDays` are deleted, and the tombstone horizon moves
 *    past them: a device whose cursor is behind it is told to resync (sync-pull.ts).
 * 4. Audit rows and decided erasure requests older than `auditYears`; devices revoked,
 *    tokens expired and refusals made more than `devicesDays` ago; spent rate limits.
 *
 * The job reports counts only, to the log and as one audit row; then the database's files
 * are compacted (storage.compact()).
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../storage/audit-store';
import type { Storage } from '../storage/database';
import { getTombstoneHorizon, putRecord, setTombstoneHorizon } from '../storage/records-store';
import type { Schema } from '../storage/schema';
import { eraseClientRecords } from './erasure';
import type { RetentionPolicy } from './retention-policy';

export interface RetentionCounts {
  readonly people: number;
  readonly anonymousContacts: number;
  readonly tombstones: number;
  readonly auditRows: number;
  readonly erasureRequests: number;
  readonly devices: number;
  readonly tokens: number;
  readonly rejections: number;
  readonly rateLimits: number;
}

const DAY_MS = 86_400_000;
/** Calendar years are not all alike; a retention period is never shorter than it says. */
const yearsAgo = (nowMs: number, years: number): string => {
  const date = new Date(nowMs);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString();
};
const daysAgo = (nowMs: number, days: number): string => new Date(nowMs - days * DAY_MS).toISOString();

/** Rows changed per transaction, so the job never holds the writers' lock for long. */
const BATCH = 500;

/** People of any team with nothing written about them since `cutoff`. */
async function peopleNotSeenSince(db: Kysely<Schema>, cutoff: string): Promise<{ id: string; teamId: string }[]> {
  const rows = await db
    .selectFrom('records as c')
    .select(['c.id', 'c.team_id'])
    .where('c.collection', '=', 'clients')
    .where('c.deleted', '=', 0)
    .where('c.updated_at', '<', cutoff)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('records as r').select('r.id').whereRef('r.client_id', '=', 'c.id').where('r.updated_at', '>=', cutoff).where('r.deleted', '=', 0))))
    .execute();
  return rows.map((r) => ({ id: r.id, teamId: r.team_id }));
}

async function erasePeople(storage: Storage, cutoff: string, nowIso: string): Promise<number> {
  const people = await peopleNotSeenSince(storage.db, cutoff);
  for (const person of people) {
    await storage.db.transaction().execute((trx) => eraseClientRecords(trx, person.teamId, person.id, nowIso));
  }
  return people.length;
}

async function tombstoneAnonymousContacts(storage: Storage, cutoff: string, nowIso: string): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await storage.db
      .selectFrom('records')
      .select(['id', 'team_id'])
      .where('collection', '=', 'contacts')
      .where('deleted', '=', 0)
      .where('client_id', 'is', null)
      .where('occurred_at', '<', cutoff)
      // In team order, so the teams' writer locks are taken in one order (records-store.ts).
      .orderBy('team_id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return total;
    await storage.db.transaction().execute(async (trx) => {
      for (const row of rows) await putRecord(trx, { collection: 'contacts', id: row.id, teamId: row.team_id, data: null, deleted: true, updatedAt: nowIso });
    });
    total += rows.length;
  }
}

/**
 * Deletes old tombstones and moves each team's horizon past the newest of its own, one team
 * per transaction: seqs are ordered within a team only, and a team that forgot nothing keeps
 * its devices' cursors.
 */
async function forgetTombstones(storage: Storage, cutoff: string): Promise<number> {
  const teams = await storage.db
    .selectFrom('records')
    .select((eb) => ['team_id', eb.fn.max('seq').as('seq')])
    .where('deleted', '=', 1)
    .where('updated_at', '<', cutoff)
    .groupBy('team_id')
    .execute();
  let total = 0;
  for (const team of teams) {
    const horizon = Number(team.seq);
    total += await storage.db.transaction().execute(async (trx) => {
      const removed = await trx.deleteFrom('records').where('team_id', '=', team.team_id).where('deleted', '=', 1).where('seq', '<=', horizon).where('updated_at', '<', cutoff).executeTakeFirst();
      if (horizon > (await getTombstoneHorizon(trx, team.team_id))) await setTombstoneHorizon(trx, horizon, team.team_id);
      return Number(removed.numDeletedRows);
    });
  }
  return total;
}

const deleted = (result: { numDeletedRows: bigint }): number => Number(result.numDeletedRows);

async function forgetOldSecurityRecords(storage: Storage, policy: RetentionPolicy, nowMs: number) {
  const db = storage.db;
  const auditCutoff = yearsAgo(nowMs, policy.auditYears);
  const deviceCutoff = daysAgo(nowMs, policy.devicesDays);
  const auditRows = deleted(await db.deleteFrom('audit_log').where('at', '<', auditCutoff).executeTakeFirst());
  const erasureRequests = deleted(await db.deleteFrom('erasure_requests').where('status', '!=', 'pending').where('decided_at', '<', auditCutoff).executeTakeFirst());
  return db.transaction().execute(async (trx) => {
    const gone = trx.selectFrom('devices').select('id').where('revoked_at', 'is not', null).where('revoked_at', '<', deviceCutoff);
    const rejections =
      deleted(await trx.deleteFrom('rejections').where('device_id', 'in', gone).executeTakeFirst()) +
      deleted(await trx.deleteFrom('rejections').where('created_at', '<', deviceCutoff).executeTakeFirst());
    const tokens =
      deleted(await trx.deleteFrom('tokens').where('device_id', 'in', gone).executeTakeFirst()) +
      deleted(await trx.deleteFrom('tokens').where('expires_at', '<', deviceCutoff).executeTakeFirst());
    const devices = deleted(await trx.deleteFrom('devices').where('revoked_at', 'is not', null).where('revoked_at', '<', deviceCutoff).executeTakeFirst());
    const rateLimits = deleted(await trx.deleteFrom('rate_limits').where('expires_at', '<', new Date(nowMs).toISOString()).executeTakeFirst());
    return { auditRows, erasureRequests, devices, tokens, rejections, rateLimits };
  });
}

/** Applies the policy as of `nowMs`; answers what it removed, by count. */
export async function applyRetention(storage: Storage, policy: RetentionPolicy, nowMs: number): Promise<RetentionCounts> {
  const nowIso = new Date(nowMs).toISOString();
  const people = await erasePeople(storage, yearsAgo(nowMs, policy.peopleYears), nowIso);
  const anonymousContacts = await tombstoneAnonymousContacts(storage, yearsAgo(nowMs, policy.anonymousContactsYears), nowIso);
  const tombstones = await forgetTombstones(storage, daysAgo(nowMs, policy.tombstonesDays));
  const security = await forgetOldSecurityRecords(storage, policy, nowMs);
  const counts: RetentionCounts = { people, anonymousContacts, tombstones, ...security };
  if (Object.values(counts).some((n) => n > 0)) {
    await appendAudit(storage.db, { userId: null, deviceId: null, action: 'retention.purge', outcome: 'ok' }, nowIso);
    await storage.compact();
  }
  return counts;
}
