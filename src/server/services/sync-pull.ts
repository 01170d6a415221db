/**
 * Pull: the caller's team's changes after a cursor, in server-seq order, filtered and
 * redacted for the caller's role (from the token, never from parameters). Because seq is
 * taken inside each writing transaction (records-store.ts), paging by seq never skips a
 * commit. A cursor from a different scope (role or team changed) cannot be continued, nor
 * one from before the tombstone horizon if the horizon has moved since the device last
 * started from 0 (tombstones it needs may be purged): it must start again from 0 (409
 * resync). A device paging from 0 under an unchanged horizon needs no tombstone older
 * than its start, so it may page through old records below the horizon.
 */
import type { PullQuery, PullResponse } from '../../shared/sync/wire';
import { SCHEMA_VERSION } from '../../shared/sync/wire';
import { collectionNameSchema } from '../../shared/sync/collections';
import type { Change } from '../../shared/sync/wire';
import type { AuthContext } from '../auth/authenticate';
import type { Storage } from '../storage/database';
import { setDeviceReport, startPullFromZero } from '../storage/devices-store';
import type { StoredRecord } from '../storage/records-store';
import { countChangesSince, getTombstoneHorizon, listChangesSince } from '../storage/records-store';
import { ApiError } from './errors';
import { redactRecord, visibleCollections } from './policy';
import type { Viewer } from './policy';
import type { Role } from '../../shared/domain/common';

/** What a replica was filled for; a change means its contents are no longer right. */
export function scopeKey(role: Role, teamId: string): string {
  return `${role}:${teamId}`;
}

function toChange(viewer: Viewer, row: StoredRecord): Change | null {
  const collection = collectionNameSchema.safeParse(row.collection);
  if (!collection.success) return null;
  const base = { collection: collection.data, id: row.id, seq: row.seq };
  if (row.deleted || row.data === null) return { ...base, deleted: true, record: null };
  const record = redactRecord(viewer, collection.data, row.data);
  return record === null ? null : { ...base, deleted: false, record };
}

/**
 * Keeps what the device says it still holds, for the Team screen. Written only when it
 * changed, or the last report is over a minute old: a pull of many pages writes once.
 */
async function keepReport(storage: Storage, auth: AuthContext, query: PullQuery, nowMs: number): Promise<void> {
  if (query.waiting === undefined || query.attention === undefined) return;
  const last = auth.device.report;
  const fresh = last !== null && last.waiting === query.waiting && last.attention === query.attention && nowMs - Date.parse(last.at) < 60_000;
  if (!fresh) await setDeviceReport(storage.db, auth.device.id, { waiting: query.waiting, attention: query.attention, at: new Date(nowMs).toISOString() });
}

export async function pullChanges(storage: Storage, auth: AuthContext, query: PullQuery, nowMs: number): Promise<PullResponse> {
  // The shared schema has no upper bound; PostgreSQL's BIGINT would answer 1e308 with a 500.
  if (query.cursor > Number.MAX_SAFE_INTEGER) throw new ApiError(400, 'bad_request', 'cursor: too large');
  if (query.schemaVersion < SCHEMA_VERSION) throw new ApiError(426, 'upgrade_required', 'Please update the app to sync.');
  const { role, teamId } = auth.user;
  const scope = scopeKey(role, teamId);
  const { device } = auth;
  const horizon = await getTombstoneHorizon(storage.db, teamId);
  if (query.cursor > 0) {
    const horizonMoved = query.cursor < horizon && device.pullHorizon !== horizon;
    if (horizonMoved || device.scopeKey !== scope) {
      throw new ApiError(409, 'resync', 'This device needs a full refresh of its data.');
    }
  } else if (device.scopeKey !== scope || device.pullHorizon !== horizon) {
    await startPullFromZero(storage.db, device.id, scope, horizon);
  }
  await keepReport(storage, auth, query, nowMs);
  const rows = await listChangesSince(storage.db, teamId, query.cursor, query.limit + 1, visibleCollections(role));
  const page = rows.slice(0, query.limit);
  const viewer = { role, userId: auth.user.id };
  const changes = page.map((row) => toChange(viewer, row)).filter((c): c is Change => c !== null);
  return {
    changes,
    cursor: page.at(-1)?.seq ?? query.cursor,
    hasMore: rows.length > query.limit,
    lastMutationId: device.lastMutationId,
    serverTime: nowMs,
    ...(query.count === '1' ? { remaining: await countChangesSince(storage.db, teamId, page.at(-1)?.seq ?? query.cursor, visibleCollections(role)) } : {}),
  };
}
