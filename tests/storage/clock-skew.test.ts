/**
 * Devices with wrong clocks, against the real app on every engine. Phones on night rounds
 * often have no network time; the server clamps clocks more than five minutes ahead, and
 * that must never make two writes of one device look like the same write (the second
 * would vanish). Each case pushes what a skewed device really sends: clocks from its own
 * HLC (`tickHlc` over its wrong wall clock).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlc, initialHlc, tickHlc, type Hlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import type { Engine, Session, TestMutation } from './helpers';
import { engines, pullAll, push, signIn } from './helpers';

const HOUR = 3_600_000;

/**
 * A device whose wall clock is `skewMs` off the server's. A person takes a few seconds
 * between two edits, so each write reads a wall clock a little later than the last.
 */
function skewedDevice(session: Session, skewMs: number) {
  let clock: Hlc = initialHlc(session.deviceId);
  let nextId = 1;
  let typing = 0;
  const stamp = (): string => {
    typing += 4_000;
    clock = tickHlc(clock, Date.now() + skewMs + typing);
    return encodeHlc(clock);
  };
  return {
    create: (clientId: string, profile: Record<string, unknown>): TestMutation => ({
      id: nextId++,
      name: 'client.create',
      args: { id: clientId, profile },
      hlc: stamp(),
    }),
    update: (clientId: string, set: Record<string, unknown>, seen: Record<string, string | null>): TestMutation => ({
      id: nextId++,
      name: 'client.update',
      args: { id: clientId, set, seen },
      hlc: stamp(),
    }),
  };
}

/** Review items the server holds about one client (read directly: any role may be testing). */
async function reviewItemCount(server: TestServer, clientId: string): Promise<number> {
  const rows = await server.storage.db.selectFrom('records').select('data').where('collection', '=', 'reviewItems').execute();
  return rows.filter((row) => row.data !== null && (JSON.parse(row.data) as { recordId?: string }).recordId === clientId).length;
}

describe.each(engines)('clock skew on $name', (engine: Engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
  });
  afterAll(async () => {
    await server.close();
  });

  async function clientOnServer(session: Session, clientId: string): Promise<Record<string, unknown>> {
    const { changes } = await pullAll(server.app, session);
    const change = changes.filter((c) => c.collection === 'clients' && c.id === clientId).at(-1);
    if (change?.record == null) throw new Error('client not on the server');
    return change.record;
  }

  async function reviewItemsFor(session: Session, clientId: string): Promise<Record<string, unknown>[]> {
    const { changes } = await pullAll(server.app, session);
    return changes.filter((c) => c.collection === 'reviewItems' && (c.record as { recordId?: string } | null)?.recordId === clientId).map((c) => c.record as Record<string, unknown>);
  }

  it.each([3 * HOUR, 48 * HOUR])('a device %d ms ahead keeps its correction of a new client before the first sync', async (skew) => {
    const user = await server.createUser('outreach_worker');
    const session = await signIn(server.app, user.username, user.password);
    const device = skewedDevice(session, skew);
    const clientId = uuidv7();
    const created = device.create(clientId, { alias: 'Wern', pronouns: 'she/her' });
    const corrected = device.update(clientId, { alias: 'Wren' }, { alias: created.hlc });
    const { status, body } = await push(server.app, session, [created, corrected]);
    expect(status).toBe(200);
    expect(body.rejections).toEqual([]);
    expect((await clientOnServer(session, clientId)).alias).toBe('Wren');
    // A device correcting itself is no conflict.
    expect(await reviewItemCount(server, clientId)).toBe(0);
  });

  it('a device 3 h ahead keeps the last of two offline edits made after its first sync', async () => {
    const user = await server.createUser('outreach_worker');
    const session = await signIn(server.app, user.username, user.password);
    const device = skewedDevice(session, 3 * HOUR);
    const clientId = uuidv7();
    const created = device.create(clientId, { alias: 'Wren', pronouns: 'she/her' });
    expect((await push(server.app, session, [created])).status).toBe(200);
    const onServer = await clientOnServer(session, clientId);
    const seen = (onServer.clocks as Record<string, string>).pronouns ?? null;

    const edit = device.update(clientId, { pronouns: 'they/she' }, { pronouns: seen });
    const second = device.update(clientId, { pronouns: 'they/them' }, { pronouns: seen });
    const { status, body } = await push(server.app, session, [edit, second]);
    expect(status).toBe(200);
    expect(body.rejections).toEqual([]);
    expect((await clientOnServer(session, clientId)).pronouns).toBe('they/them');
    expect(await reviewItemCount(server, clientId)).toBe(0);
  });

  it('a device far ahead and a device with the right clock: the loser of a concurrent edit reaches the review queue', async () => {
    const lead = await server.createUser('team_lead');
    const leadSession = await signIn(server.app, lead.username, lead.password);
    const aheadUser = await server.createUser('outreach_worker');
    const rightUser = await server.createUser('outreach_worker');
    const aheadSession = await signIn(server.app, aheadUser.username, aheadUser.password);
    const rightSession = await signIn(server.app, rightUser.username, rightUser.password);
    const ahead = skewedDevice(aheadSession, 3 * HOUR);
    const right = skewedDevice(rightSession, 0);
    const clientId = uuidv7();
    const created = ahead.create(clientId, { alias: 'Wren', pronouns: 'she/her' });
    expect((await push(server.app, aheadSession, [created])).status).toBe(200);
    const seen = ((await clientOnServer(rightSession, clientId)).clocks as Record<string, string>).pronouns ?? null;

    // Both edit offline, neither having seen the other's edit.
    const fromAhead = ahead.update(clientId, { pronouns: 'they/them' }, { pronouns: created.hlc });
    const fromRight = right.update(clientId, { pronouns: 'he/him' }, { pronouns: seen });
    expect((await push(server.app, rightSession, [fromRight])).status).toBe(200);
    expect((await push(server.app, aheadSession, [fromAhead])).status).toBe(200);

    const final = (await clientOnServer(leadSession, clientId)).pronouns;
    const losing = (await reviewItemsFor(leadSession, clientId)).map((item) => item.losingValue);
    expect([final, ...losing].sort()).toEqual(['he/him', 'they/them']);
  });
});

describe.each(engines)('a server clock that stands still or steps back, on $name', (engine: Engine) => {
  let server: TestServer;
  let serverNow = Date.now();

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl, now: () => serverNow });
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps each of a device\'s writes, pushed one at a time, in the order it made them', async () => {
    const user = await server.createUser('outreach_worker');
    const session = await signIn(server.app, user.username, user.password);
    const device = skewedDevice(session, 3 * HOUR);
    const clientId = uuidv7();
    const created = device.create(clientId, { alias: 'Wren', pronouns: 'she/her' });
    expect((await push(server.app, session, [created])).status).toBe(200);
    let seen: string | null = created.hlc;
    for (const [pronouns, step] of [['they/them', 0], ['he/him', -60_000], ['she/they', 0]] as const) {
      serverNow += step; // a restarted server whose clock is a minute behind
      const edit = device.update(clientId, { pronouns }, { pronouns: seen });
      seen = edit.hlc;
      const { status, body } = await push(server.app, session, [edit]);
      expect(status).toBe(200);
      expect(body.rejections).toEqual([]);
      const { changes } = await pullAll(server.app, session);
      const record = changes.filter((c) => c.collection === 'clients' && c.id === clientId).at(-1)?.record as { pronouns?: string } | undefined;
      expect(record?.pronouns).toBe(pronouns);
    }
    expect(await reviewItemCount(server, clientId)).toBe(0);
  });
});
