/**
 * The record and device stores on every engine, at the edges the sync suites do not reach
 * yet: tombstones (stored, paged and re-stamped as deletions), the search for records that
 * mention an id, a database without a tombstone horizon row, unknown device ids, a device
 * renamed on sign-in, a watermark moved without a clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDevice, lockDevice, setLastMutationId, startPullFromZero } from '../../src/server/storage/devices-store';
import { getUserById, updateUser } from '../../src/server/storage/users-store';
import { getRecord, getTombstoneHorizon, listChangesSince, listTeamRecordsMentioning, putRecord, restampRecord } from '../../src/server/storage/records-store';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import { uuidv7 } from '../../src/shared/ids';
import type { Engine } from './helpers';
import { engines, pull, signIn } from './helpers';

describe.each(engines)('record and device stores on $name', (engine: Engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
  });
  afterAll(async () => {
    await server.close();
  });

  const put = (teamId: string, id: string, data: Record<string, unknown> | null, deleted = false): Promise<number> =>
    server.storage.db.transaction().execute((trx) => putRecord(trx, { collection: 'notes', id, teamId, data, deleted }));

  it('stores a deletion as a tombstone without its data, and pages it as a deletion', async () => {
    const teamId = await server.createTeam();
    const id = uuidv7();
    const created = await put(teamId, id, { body: 'to be erased' });
    const deletedAt = await put(teamId, id, { body: 'kept by mistake' }, true);
    expect(deletedAt).toBeGreaterThan(created);
    expect(await getRecord(server.storage.db, 'notes', id)).toMatchObject({ id, teamId, seq: deletedAt, deleted: true, data: null });
    const changes = await listChangesSince(server.storage.db, teamId, created - 1, 10, ['notes']);
    expect(changes.map((c) => [c.id, c.seq, c.deleted, c.data])).toEqual([[id, deletedAt, true, null]]);

    const user = await server.createUser('team_lead', undefined, { teamId });
    const lead = await signIn(server.app, user.username, user.password);
    const { body } = await pull(server.app, lead, 0);
    expect(body.changes.filter((c) => c.collection === 'notes')).toEqual([{ collection: 'notes', id, seq: deletedAt, deleted: true, record: null }]);
  });

  it('re-stamps a tombstone as a tombstone, and nothing of another team or that never existed', async () => {
    const teamId = await server.createTeam();
    const otherTeam = await server.createTeam();
    const id = uuidv7();
    await put(teamId, id, { body: 'x' });
    const deletedAt = await put(teamId, id, null, true);
    const restamp = (team: string, recordId: string): Promise<boolean> =>
      server.storage.db.transaction().execute((trx) => restampRecord(trx, 'notes', recordId, team));

    expect(await restamp(otherTeam, id)).toBe(false);
    expect((await getRecord(server.storage.db, 'notes', id))?.seq).toBe(deletedAt);
    expect(await restamp(teamId, uuidv7())).toBe(false);
    expect(await restamp(teamId, id)).toBe(true);
    const after = await getRecord(server.storage.db, 'notes', id);
    expect(after).toMatchObject({ deleted: true, data: null, teamId });
    expect(after?.seq).toBeGreaterThan(deletedAt);
  });

  it('finds the live records of a team that mention an id, taking wildcards literally', async () => {
    const teamId = await server.createTeam();
    const otherTeam = await server.createTeam();
    const clientId = uuidv7();
    const live = uuidv7();
    await put(teamId, live, { clientId, body: 'xyz' });
    await put(teamId, uuidv7(), { clientId: uuidv7(), body: 'xyz' });
    await put(otherTeam, uuidv7(), { clientId, body: 'xyz' });
    const erased = uuidv7();
    await put(teamId, erased, { clientId });
    await put(teamId, erased, { clientId }, true);

    const found = await listTeamRecordsMentioning(server.storage.db, teamId, 'notes', clientId);
    expect(found.map((r) => r.id)).toEqual([live]);
    // `_` and `%` are LIKE wildcards: a needle holding them must not match other text
    // (x and z never occur in the ids or keys of these records).
    expect(await listTeamRecordsMentioning(server.storage.db, teamId, 'notes', 'x_z')).toEqual([]);
    expect(await listTeamRecordsMentioning(server.storage.db, teamId, 'notes', 'x%z')).toEqual([]);
  });

  it('reads a missing tombstone horizon as 0', async () => {
    const row = await server.storage.db.selectFrom('settings').select('value').where('key', '=', 'tombstone_horizon').executeTakeFirstOrThrow();
    await server.storage.db.deleteFrom('settings').where('key', '=', 'tombstone_horizon').execute();
    try {
      expect(await getTombstoneHorizon(server.storage.db, server.teamId)).toBe(0);
    } finally {
      await server.storage.db.insertInto('settings').values({ key: 'tombstone_horizon', value: row.value }).execute();
    }
  });

  it('knows no device by an unknown id', async () => {
    const id = uuidv7();
    expect(await getDevice(server.storage.db, id)).toBeUndefined();
    expect(await server.storage.db.transaction().execute((trx) => lockDevice(trx, server.storage.dialect, id))).toBeUndefined();
  });

  it('renames a device when its sign-in names it, and keeps the name when it does not', async () => {
    const user = await server.createUser('outreach_worker');
    const deviceId = uuidv7();
    const login = (deviceName?: string) =>
      server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password, deviceId, deviceName } });
    expect((await login('Old phone')).statusCode).toBe(200);
    expect((await getDevice(server.storage.db, deviceId))?.name).toBe('Old phone');
    expect((await login('Team phone 2')).statusCode).toBe(200);
    expect((await getDevice(server.storage.db, deviceId))?.name).toBe('Team phone 2');
    expect((await login()).statusCode).toBe(200);
    expect((await getDevice(server.storage.db, deviceId))?.name).toBe('Team phone 2');
  });

  it('changes only the user fields given', async () => {
    const user = await server.createUser('outreach_worker');
    const read = async () => {
      const row = await getUserById(server.storage.db, user.id);
      return { name: row?.name, role: row?.role, active: row?.active };
    };
    await updateUser(server.storage.db, user.id, { name: 'Renamed' });
    expect(await read()).toEqual({ name: 'Renamed', role: 'outreach_worker', active: true });
    await updateUser(server.storage.db, user.id, { role: 'peer_volunteer' });
    expect(await read()).toEqual({ name: 'Renamed', role: 'peer_volunteer', active: true });
    await updateUser(server.storage.db, user.id, { active: false });
    expect(await read()).toEqual({ name: 'Renamed', role: 'peer_volunteer', active: false });
  });

  it('moves a watermark without a clock keeping the last clock, and reads a device never filled as horizon null', async () => {
    const user = await server.createUser('outreach_worker');
    const session = await signIn(server.app, user.username, user.password);
    const now = new Date().toISOString();
    expect(await getDevice(server.storage.db, session.deviceId)).toMatchObject({ pullHorizon: null, scopeKey: null, lastHlc: null });
    await setLastMutationId(server.storage.db, session.deviceId, 3, now, 'clock-a');
    await setLastMutationId(server.storage.db, session.deviceId, 4, now);
    expect(await getDevice(server.storage.db, session.deviceId)).toMatchObject({ lastMutationId: 4, lastHlc: 'clock-a' });
    await startPullFromZero(server.storage.db, session.deviceId, 'outreach_worker:team', 7);
    expect(await getDevice(server.storage.db, session.deviceId)).toMatchObject({ pullHorizon: 7, scopeKey: 'outreach_worker:team' });
  });
});
