/**
 * When each record's event happened and whom it is about, kept beside its JSON for reports,
 * on both engines: normalised to UTC (so text order is time order), cleared on a tombstone,
 * read by period through the index, each person's first contact by a grouped query; and
 * filled in by the migration for records written before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { firstContactTimes, listTeamRecordsBetween, putRecord } from '../../src/server/storage/records-store';
import { migrateToLatest } from '../../src/server/storage/migrations';
import { insertTeam } from '../../src/server/storage/users-store';
import type { TestDatabase } from '../../src/server/testing';
import { createTestDatabase } from '../../src/server/testing';
import type { Engine } from './helpers';
import { engines } from './helpers';

describe.each(engines)('record facts on $name', (engine: Engine) => {
  let db: TestDatabase;
  const teamId = uuidv7();
  const [robin, ash] = [uuidv7(), uuidv7()];

  beforeAll(async () => {
    // Stopped before the facts migration: the first test writes as an older server did.
    db = await createTestDatabase(engine.databaseUrl, '0006_device_report');
    await insertTeam(db.storage.db, { id: teamId, name: 'Facts', idleLockMinutes: 5, createdAt: new Date().toISOString() });
  });
  afterAll(async () => {
    await db.storage.close();
    await db.drop();
  });

  const contact = (clientId: string | null, at: string) => ({ id: uuidv7(), clientId, at, area: 'Docks' });
  const put = (collection: string, data: ({ id: string } & Record<string, unknown>) | null, id = data?.id ?? uuidv7(), deleted = false) =>
    db.storage.db.transaction().execute((trx) => putRecord(trx, { collection, id, teamId, data, deleted }));
  const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

  it('fills in when and whom for records written before the migration', async () => {
    const old = contact(robin, '2026-11-03T22:00:00.000Z');
    // Written by the server of before: no columns for the facts yet.
    await db.storage.db
      .insertInto('records')
      .values({ collection: 'contacts', id: old.id, team_id: teamId, seq: 1_000_000, deleted: 0, data: JSON.stringify(old), updated_at: new Date().toISOString() })
      .execute();
    await migrateToLatest(db.storage);
    const found = await listTeamRecordsBetween(db.storage.db, teamId, 'contacts', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    expect(ids(found)).toEqual([old.id]);
    expect(await firstContactTimes(db.storage.db, teamId)).toEqual(new Map([[robin, '2026-11-03T22:00:00.000Z']]));
  });

  it('reads a period through the index: offsets normalised, bounds kept, tombstones and other kinds left out', async () => {
    const early = contact(ash, '2026-11-30T23:30:00-01:00'); // 1 December 00:30 UTC: after November
    const edge = contact(ash, '2026-12-01T00:59:59.999+01:00'); // 30 November 23:59:59.999 UTC: in
    const gone = contact(ash, '2026-11-15T12:00:00.000Z');
    for (const c of [early, edge, gone]) await put('contacts', c);
    await put('contacts', null, gone.id, true);
    await put('notes', { id: uuidv7(), clientId: ash, at: '2026-11-15T12:00:00.000Z', body: 'not a contact' });
    const november = await listTeamRecordsBetween(db.storage.db, teamId, 'contacts', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    expect(ids(november)).toContain(edge.id);
    expect(ids(november)).not.toContain(early.id);
    expect(ids(november)).not.toContain(gone.id);
    const december = await listTeamRecordsBetween(db.storage.db, teamId, 'contacts', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z');
    expect(ids(december)).toEqual([early.id]);
    expect((await firstContactTimes(db.storage.db, teamId)).get(ash)).toBe('2026-11-30T23:59:59.999Z');
  });
});
