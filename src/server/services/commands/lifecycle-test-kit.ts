/**
 * A tiny harness for running command handlers straight against a fresh SQLite database,
 * without HTTP or the push watermark: each `run` is one transaction, as in a push.
 */
import { encodeHlc } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import type { CommandName } from '../../../shared/sync/commands';
import type { TestDatabase } from '../../testing';
import { createTestDatabase } from '../../testing';
import type { User } from '../../storage/users-store';
import { insertTeam } from '../../storage/users-store';
import { buildUser, insertUserWithRecord } from '../users-service';
import type { CommandOutcome } from './command';
import { commandHandlers } from './registry';

export interface Harness {
  readonly db: TestDatabase;
  readonly teamId: string;
  readonly worker: User;
  /** Another worker of the same team. */
  readonly colleague: User;
  readonly outsider: User;
  run(name: CommandName, args: unknown, as?: User, now?: string): Promise<CommandOutcome>;
}

async function addUser(db: TestDatabase, teamId: string, username: string): Promise<User> {
  const user = await buildUser({ teamId, username, name: username, role: 'outreach_worker', admin: false, password: 'a-long-password-1' }, Date.now());
  await db.storage.db.transaction().execute((trx) => insertUserWithRecord(trx, user));
  return user;
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
    async run(name, args, as = worker, now = new Date().toISOString()) {
      const prepared = commandHandlers[name].prepare(args);
      if (!prepared.ok) return { ok: false, code: 'invalid_args', message: prepared.message };
      const hlc = encodeHlc({ wallMs: Date.parse(now), counter: 0, deviceId });
      return db.storage.db.transaction().execute((trx) => prepared.command.run({ trx, dialect: db.storage.dialect, user: as, deviceId, hlc, now }));
    },
  };
}
