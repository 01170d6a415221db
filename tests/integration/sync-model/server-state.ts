/**
 * The server's truth at the end of a run, read straight from its database: the team's
 * records, each device's exactly-once watermark and stored rejections, and how many times
 * the audit log says each record was written. The invariants are judged against this.
 */
import { collectionNames } from '../../../src/shared/sync/collections';
import { listChangesSince, type StoredRecord } from '../../../src/server/storage/records-store';
import type { SyncModel } from './model';
import type { World } from './world';

export interface ServerState {
  /** The team's records, tombstones included. */
  readonly records: readonly StoredRecord[];
  /** A live record's data, or undefined. */
  live(collection: string, id: string): Record<string, unknown> | undefined;
  /** The device's `lastMutationId` on the server (0 if it never pushed). */
  watermark(deviceId: string): number;
  /** The device's stored rejections: mutation id → code. */
  rejections(deviceId: string): ReadonlyMap<number, string>;
  /** How many successful writes of `recordId` by `action` the audit log holds. */
  auditedWrites(action: string, recordId: string): number;
}

export async function readServerState(world: World, model: SyncModel): Promise<ServerState> {
  const { db } = world.server.storage();
  const deviceIds = [...model.devices.keys()];
  const records = await listChangesSince(db, world.team.teamId, 0, 1_000_000, collectionNames);
  const devices = await db.selectFrom('devices').select(['id', 'last_mutation_id']).where('id', 'in', deviceIds).execute();
  const rejected = await db.selectFrom('rejections').select(['device_id', 'mutation_id', 'code']).where('device_id', 'in', deviceIds).execute();
  const audits = await db
    .selectFrom('audit_log')
    .select(['action', 'record_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '>', world.auditFrom)
    .where('device_id', 'in', deviceIds)
    .where('outcome', '=', 'ok')
    .groupBy(['action', 'record_id'])
    .execute();

  const byKey = new Map(records.filter((r) => !r.deleted && r.data !== null).map((r) => [`${r.collection}/${r.id}`, r.data ?? {}]));
  const watermarks = new Map(devices.map((d) => [d.id, Number(d.last_mutation_id)]));
  const rejections = new Map<string, Map<number, string>>();
  for (const r of rejected) {
    const forDevice = rejections.get(r.device_id) ?? new Map<number, string>();
    forDevice.set(Number(r.mutation_id), r.code);
    rejections.set(r.device_id, forDevice);
  }
  const auditCounts = new Map(audits.map((a) => [`${a.action}/${a.record_id ?? ''}`, Number(a.n)]));
  return {
    records,
    live: (collection, id) => byKey.get(`${collection}/${id}`),
    watermark: (deviceId) => watermarks.get(deviceId) ?? 0,
    rejections: (deviceId) => rejections.get(deviceId) ?? new Map(),
    auditedWrites: (action, recordId) => auditCounts.get(`${action}/${recordId}`) ?? 0,
  };
}
