/**
 * Devices: one row per browser install a user signed in from. Holds the exactly-once
 * watermark (`last_mutation_id`) and the scope (`role:teamId`) its replica was filled for.
 */
import type { DialectName } from './database';
import type { Db } from './records-store';

export interface Device {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly revokedAt: string | null;
  readonly lastMutationId: number;
  readonly scopeKey: string | null;
  /** The last clock the server admitted from this device; see hlc.ts `admitHlc`. */
  readonly lastHlc: string | null;
  /** The tombstone horizon its replica was last filled from cursor 0 under; see sync-pull.ts. */
  readonly pullHorizon: number | null;
  /** What it said it still held at its last sync, and when; null before it first said. */
  readonly report: DeviceReport | null;
}

export interface DeviceReport {
  /** Changes made on the device and not yet taken by the server. */
  readonly waiting: number;
  /** Changes the server refused, waiting for the worker to look at them. */
  readonly attention: number;
  readonly at: string;
}

interface DeviceRow {
  id: string;
  user_id: string;
  name: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  last_mutation_id: number | string;
  scope_key: string | null;
  last_hlc: string | null;
  pull_horizon: number | string | null;
  waiting_changes: number | null;
  attention_changes: number | null;
  reported_at: string | null;
}

function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
    lastMutationId: Number(row.last_mutation_id),
    scopeKey: row.scope_key,
    lastHlc: row.last_hlc,
    pullHorizon: row.pull_horizon === null ? null : Number(row.pull_horizon),
    report:
      row.reported_at === null || row.waiting_changes === null || row.attention_changes === null
        ? null
        : { waiting: Number(row.waiting_changes), attention: Number(row.attention_changes), at: row.reported_at },
  };
}

export async function getDevice(db: Db, id: string): Promise<Device | undefined> {
  const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toDevice(row);
}

/**
 * Reads the device row and, on PostgreSQL, locks it until the transaction ends, so two
 * pushes from the same device are applied one after the other (SQLite has one writer).
 */
export async function lockDevice(db: Db, dialect: DialectName, id: string): Promise<Device | undefined> {
  const row = await db
    .selectFrom('devices')
    .selectAll()
    .where('id', '=', id)
    .$if(dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row === undefined ? undefined : toDevice(row);
}

/**
 * Binds a new device id to its first user: inserts the row unless the id is already taken
 * (by anyone), and never fails on that. Two sign-ins racing with the same new id both get
 * here; the caller re-reads the row to learn who it is bound to. On PostgreSQL the second
 * insert waits for the first transaction to end, so the re-read sees the winner.
 */
export async function insertDeviceIfAbsent(db: Db, device: { id: string; userId: string; name: string; now: string }): Promise<void> {
  await db
    .insertInto('devices')
    .values({
      id: device.id,
      user_id: device.userId,
      name: device.name,
      created_at: device.now,
      last_seen_at: device.now,
      revoked_at: null,
      last_mutation_id: 0,
      scope_key: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function touchDevice(db: Db, id: string, now: string, name?: string): Promise<void> {
  await db
    .updateTable('devices')
    .set(name === undefined ? { last_seen_at: now } : { last_seen_at: now, name })
    .where('id', '=', id)
    .execute();
}

/**
 * Moves the device's exactly-once watermark and remembers the last clock admitted from it
 * (`lastHlc`, unchanged when `undefined`); both in the push's transaction.
 */
export async function setLastMutationId(db: Db, id: string, lastMutationId: number, now: string, lastHlc?: string): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_mutation_id: lastMutationId, last_seen_at: now, ...(lastHlc === undefined ? {} : { last_hlc: lastHlc }) })
    .where('id', '=', id)
    .execute();
}

/**
 * Records that the device starts filling its replica from cursor 0, for `scopeKey` (role and
 * team) and under tombstone horizon `horizon`: its later cursors are good while both hold.
 */
export async function startPullFromZero(db: Db, id: string, scopeKey: string, horizon: number): Promise<void> {
  await db.updateTable('devices').set({ scope_key: scopeKey, pull_horizon: horizon }).where('id', '=', id).execute();
}

/** Keeps what the device said it still holds (at a pull). */
export async function setDeviceReport(db: Db, id: string, report: DeviceReport): Promise<void> {
  await db
    .updateTable('devices')
    .set({ waiting_changes: report.waiting, attention_changes: report.attention, reported_at: report.at, last_seen_at: report.at })
    .where('id', '=', id)
    .execute();
}

/**
 * Marks the device revoked. Its tokens are kept on purpose: the next request with one is
 * answered `401 wipe: true`, which is how the device learns to erase its data.
 */
export async function revokeDevice(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('devices').set({ revoked_at: now }).where('id', '=', id).execute();
}

/** Every device of the team's users (a device belongs to the team of its user). */
export async function listTeamDevices(db: Db, teamId: string): Promise<Device[]> {
  const rows = await db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .selectAll('devices')
    .where('users.team_id', '=', teamId)
    .orderBy('devices.created_at')
    .orderBy('devices.id')
    .execute();
  return rows.map(toDevice);
}

/** Revokes every not-yet-revoked device of a user (deactivation signs them out everywhere). */
export async function revokeUserDevices(db: Db, userId: string, now: string): Promise<void> {
  await db.updateTable('devices').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
