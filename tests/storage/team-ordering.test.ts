/**
 * Per-team write ordering (records-store.ts, decision 013) on every engine: a server that
 * moves to it gives seqs past every one already given, so no device's cursor goes backwards;
 * seqs within a team rise in the order their writes commit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/server/storage/database';
import { migrateToLatest } from '../../src/server/storage/migrations';
import { highestSeq, putRecord } from '../../src/server/storage/records-store';
import { insertTeam } from '../../src/server/storage/users-store';
import type { TestDatabase } from '../../src/server/testing';
import { createTestDatabase } from '../../src/server/testing';
import { uuidv7 } from '../../src/shared/ids';
import type { Engine } from './helpers';
import { engines } from './helpers';

describe.each(engines)('team ordering on $name', (engine: Engine) => {
  let db: TestDatabase;
  const [teamA, teamB] = [uuidv7(), uuidv7()];

  beforeAll(async () => {
    // Stopped before per-team ordering: the first test writes as the older server did.
    db = await createTestDatabase(engine.databaseUrl, '0009_records_by_client');
    for (const id of [teamA, teamB]) await insertTeam(db.storage.db, { id, name: id, idleLockMinutes: 5, createdAt: new Date().toISOString() });
  });
  afterAll(async () => {
    await db.storage.close();
    await db.drop();
  });

  const put = (teamId: string) => db.storage.db.transaction().execute((trx) => putRecord(trx, { collection: 'notes', id: uuidv7(), teamId, data: { body: 'x' } }));

  it('gives seqs past every seq the older server gave', async () => {
    // The older server's last write: seq 500 from the organisation's one counter.
    await db.storage.db.updateTable('counters').set({ value: 500 }).where('name', '=', 'server_seq').execute();
    await db.storage.db
      .insertInto('records')
      .values({ collection: 'notes', id: uuidv7(), team_id: teamA, seq: 500, deleted: 0, data: '{}', updated_at: new Date().toISOString() })
      .execute();
    await migrateToLatest(db.storage);
    expect(await put(teamB)).toBeGreaterThan(500);
    expect(await put(teamA)).toBeGreaterThan(500);
  });

  it('gives each team rising seqs, unique across teams', async () => {
    const seqs = [];
    for (let i = 0; i < 6; i++) seqs.push(await put(i % 2 === 0 ? teamA : teamB));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(await highestSeq(db.storage.db)).toBe(seqs.at(-1));
  });

  it('gives seqs in commit order to two processes writing many records per transaction', async () => {
    // A second server process on the same database. Each transaction writes a different
    // number of records, so a process that handed out seqs it had set aside in an earlier
    // transaction would give a later commit a lower seq.
    const other = await db.reopen();
    try {
      const writeMany = (storage: Storage, count: number) =>
        storage.db.transaction().execute(async (trx) => {
          const seqs = [];
          for (let i = 0; i < count; i++) seqs.push(await putRecord(trx, { collection: 'notes', id: uuidv7(), teamId: i % 2 === 0 ? teamA : teamB, data: { body: 'x' } }));
          return seqs;
        });
      const committed: number[] = [];
      for (const [storage, count] of [[db.storage, 3], [other, 1], [db.storage, 40], [other, 17], [db.storage, 1], [other, 2], [db.storage, 9]] as const) {
        const seqs = await writeMany(storage, count);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(Math.min(...seqs)).toBeGreaterThan(Math.max(0, ...committed));
        committed.push(...seqs);
      }
      expect(new Set(committed).size).toBe(committed.length);
    } finally {
      await other.close();
    }
  });
});
