/**
 * A tiny harness for running command handlers straight against a fresh SQLite database,
 * without HTTP or the push watermark: each `run` is one transaction, as in a push.
 *
 * Every `run` also checks what the command did against what it declared, since the policy
 * check (sync-push.ts) sees only the declaration: a refused command changed no record; an
 * applied one changed exactly the records its outcome lists (the audit log is written from
 * that list), each in a collection it declared, and every field it changed is one it named
 * (server stamps aside); and every field it names is a field of that collection's records.
 * The one record a command may write undeclared is the review item the server opens of its
 * own accord when an update (of a client or an agency) loses a merge: the author chose none
 * of it. And every record it wrote is one its collection's schema accepts: creates store
 * what they parsed without parsing it again (stored-as-parsed.ts).
 */
import { z } from 'zod';
import { encodeHlc } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import type { CollectionName } from '../../../shared/sync/collections';
import { collectionNames, collectionSchemas } from '../../../shared/sync/collections';
import type { CommandName } from '../../../shared/sync/commands';
import { jsonEqual } from '../../../shared/merge';
import type { StoredRecord } from '../../storage/records-store';
import { listChangesSince } from '../../storage/records-store';
import type { TestDatabase } from '../../testing';
import { createTestDatabase } from '../../testing';
import type { User } from '../../storage/users-store';
import { insertTeam } from '../../storage/users-store';
import { buildUser, insertUserWithRecord } from '../users-service';
import type { CommandOutcome, WriteTarget } from './command';
import { commandHandlers } from './registry';

export interface Harness {
  readonly db: TestDatabase;
  readonly teamId: string;
  readonly worker: User;
  /** Another worker of the same team. */
  readonly colleague: User;
  readonly outsider: User;
  /** Runs one command as a push would; `device` names the device whose clock it carries. */
  run(name: CommandName, args: unknown, as?: User, now?: string, device?: string): Promise<CommandOutcome>;
}

async function addUser(db: TestDatabase, teamId: string, username: string): Promise<User> {
  const user = await buildUser({ teamId, username, name: username, role: 'outreach_worker', admin: false, password: 'a-long-password-1' }, Date.now());
  await db.storage.db.transaction().execute((trx) => insertUserWithRecord(trx, user));
  return user;
}

/** Fields the server stamps on every write; no command names them. */
const SERVER_STAMPS = new Set(['teamId', 'createdBy', 'createdAt', 'updatedAt', 'clocks']);

/** Every record of these teams, keyed `collection/id`. */
async function snapshot(db: TestDatabase, teamIds: readonly string[]): Promise<Map<string, StoredRecord>> {
  const all = new Map<string, StoredRecord>();
  for (const teamId of teamIds) {
    for (const r of await listChangesSince(db.storage.db, teamId, 0, Number.MAX_SAFE_INTEGER, collectionNames)) all.set(`${r.collection}/${r.id}`, r);
  }
  return all;
}

/** The top-level fields whose values differ (all of them for a new record). */
function changedFields(before: StoredRecord | undefined, after: StoredRecord): string[] {
  const [old, now] = [before?.data ?? {}, after.data ?? {}];
  return [...new Set([...Object.keys(old), ...Object.keys(now)])].filter((f) => !jsonEqual(old[f], now[f]));
}

/** The field names a collection's records may hold. */
function recordFields(collection: CollectionName): readonly string[] {
  const schema: z.ZodType = collectionSchemas[collection];
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Throws when the command did anything but what it declared (see the module comment). */
function checkDeclaredWrites(name: CommandName, targets: readonly WriteTarget[], outcome: CommandOutcome, before: Map<string, StoredRecord>, after: Map<string, StoredRecord>): void {
  const changed = [...after].filter(([key, record]) => before.get(key)?.seq !== record.seq);
  const fail = (why: string) => {
    throw new Error(`${name}: ${why}`);
  };
  for (const t of targets) {
    const unknown = t.fields.filter((f) => !recordFields(t.collection).includes(f));
    if (unknown.length > 0) fail(`declares fields ${JSON.stringify(unknown)} that ${t.collection} records do not have`);
  }
  if (!outcome.ok) {
    if (changed.length > 0) fail(`was refused (${outcome.code}) but changed ${changed.map(([key]) => key).join(', ')}`);
    return;
  }
  const listed = outcome.writes.map((w) => `${w.collection}/${w.id}`).sort();
  const actual = changed.map(([key]) => key).sort();
  if (!jsonEqual(listed, actual)) fail(`lists writes ${JSON.stringify(listed)} but changed ${JSON.stringify(actual)}`);
  for (const [key, record] of changed) {
    const invalid = record.data === null ? undefined : collectionSchemas[record.collection as CollectionName].safeParse(record.data).error;
    if (invalid !== undefined) fail(`wrote ${key}, which its collection's schema refuses: ${invalid.message}`);
    if ((name === 'client.update' || name === 'agency.update') && record.collection === 'reviewItems' && !before.has(key)) continue;
    const declared = targets.filter((t) => t.collection === record.collection).flatMap((t) => t.fields);
    if (declared.length === 0) fail(`changed ${key} in a collection it did not declare`);
    const undeclared = changedFields(before.get(key), record).filter((f) => !SERVER_STAMPS.has(f) && !declared.includes(f));
    if (undeclared.length > 0) fail(`changed ${JSON.stringify(undeclared)} of ${key} without declaring them`);
  }
}

export async function createHarness(): Promise<Harness> {
  const db = await createTestDatabase();
  const [teamId, otherTeamId] = [uuidv7(), uuidv7()];
  const createdAt = new Date().toISOString();
  for (const id of [teamId, otherTeamId]) await insertTeam(db.storage.db, { id, name: `Team ${id.slice(-4)}`, idleLockMinutes: 5, createdAt });
  const worker = await addUser(db, teamId, 'worker.one');
  const colleague = await addUser(db, teamId, 'worker.two');
  const outsider = await addUser(db, otherTeamId, 'worker.other');
  const deviceId = uuidv7();
  return {
    db,
    teamId,
    worker,
    colleague,
    outsider,
    async run(name, args, as = worker, now = new Date().toISOString(), device = deviceId) {
      const prepared = commandHandlers[name].prepare(args);
      if (!prepared.ok) return { ok: false, code: 'invalid_args', message: prepared.message };
      const { command } = prepared;
      const hlc = encodeHlc({ wallMs: Date.parse(now), counter: 0, deviceId: device });
      const teams = [teamId, otherTeamId];
      const before = await snapshot(db, teams);
      const outcome = await db.storage.db.transaction().execute((trx) => command.run({ trx, dialect: db.storage.dialect, user: as, deviceId: device, hlc, now }));
      checkDeclaredWrites(name, [{ collection: command.collection, fields: command.fields }, ...command.alsoWrites], outcome, before, await snapshot(db, teams));
      return outcome;
    },
  };
}
