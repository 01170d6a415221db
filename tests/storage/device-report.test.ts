/**
 * What a device says it still holds at each pull (changes waiting, refused ones needing
 * attention), kept for its team lead on both engines: written when it changes or is over a
 * minute old (not once per page), shown in the Team screen's device list, and refused when
 * it is not a count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListDevicesResponse } from '../../src/shared/api/admin';
import { getDevice } from '../../src/server/storage/devices-store';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import type { Engine, Session } from './helpers';
import { engines, signIn } from './helpers';

describe.each(engines)('device reports on $name', (engine: Engine) => {
  let server: TestServer;
  let clock = Date.parse('2030-06-01T21:00:00.000Z');

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl, now: () => clock });
  });
  afterAll(async () => {
    await server.close();
  });

  const pull = async (session: Session, query: string) =>
    server.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=0&limit=10&schemaVersion=1${query}`, headers: session.headers });
  const reportOf = async (session: Session) => (await getDevice(server.storage.db, session.deviceId))?.report;

  it('keeps what the device says at a pull, once per change or minute, and shows it to the lead', async () => {
    const teamId = await server.createTeam();
    const worker = await server.createUser('outreach_worker', undefined, { teamId });
    const lead = await server.createUser('team_lead', undefined, { teamId });
    const phone = await signIn(server.app, worker.username, worker.password);
    expect(await reportOf(phone)).toBeNull();

    expect((await pull(phone, '')).statusCode).toBe(200);
    expect(await reportOf(phone)).toBeNull();

    const first = new Date(clock).toISOString();
    expect((await pull(phone, '&waiting=3&attention=1')).statusCode).toBe(200);
    expect(await reportOf(phone)).toEqual({ waiting: 3, attention: 1, at: first });

    clock += 30_000;
    await pull(phone, '&waiting=3&attention=1');
    expect(await reportOf(phone)).toEqual({ waiting: 3, attention: 1, at: first });

    await pull(phone, '&waiting=0&attention=1');
    expect(await reportOf(phone)).toEqual({ waiting: 0, attention: 1, at: new Date(clock).toISOString() });

    clock += 61_000;
    await pull(phone, '&waiting=0&attention=1');
    const latest = new Date(clock).toISOString();
    expect(await reportOf(phone)).toEqual({ waiting: 0, attention: 1, at: latest });
    expect((await getDevice(server.storage.db, phone.deviceId))?.lastSeenAt).toBe(latest);

    const desk = await signIn(server.app, lead.username, lead.password);
    const res = await server.app.inject({ method: 'GET', url: '/api/devices', headers: desk.headers });
    const listed = res.json<ListDevicesResponse>().devices.find((d) => d.id === phone.deviceId);
    expect(listed?.report).toEqual({ waiting: 0, attention: 1, at: latest });
  });

  it.each(['&waiting=-1&attention=0', '&waiting=two&attention=0', '&waiting=1&attention=2000000'])('refuses %s and keeps nothing', async (query) => {
    const teamId = await server.createTeam();
    const worker = await server.createUser('outreach_worker', undefined, { teamId });
    const phone = await signIn(server.app, worker.username, worker.password);
    expect((await pull(phone, query)).statusCode).toBe(400);
    expect(await reportOf(phone)).toBeNull();
  });
});
