/**
 * Many writers at once, on every engine (on PostgreSQL through many pooled connections):
 * pushes that read a record before writing it (the field merge) must not lose an update,
 * and a pull racing the pushes must never skip a commit. These guard the write ordering
 * (`lockTeamWriters` and `putRecord` in records-store.ts): whatever mechanism orders writers,
 * these must keep passing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockTeamWriters } from '../../src/server/storage/records-store';
import { uuidv7 } from '../../src/shared/ids';
import type { PushResponse } from '../../src/shared/sync/wire';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import type { Engine, Session, TestMutation } from './helpers';
import { clientCreate, contactRecord, engines, followChanges, nextHlc, pullAll, push, signIn } from './helpers';

const WRITERS = 12;

describe.each(engines)('concurrent writers on $name', (engine: Engine) => {
  let server: TestServer;
  let lead: Session;
  let devices: Session[];

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
    const leadUser = await server.createUser('team_lead');
    lead = await signIn(server.app, leadUser.username, leadUser.password);
    devices = [];
    for (let i = 0; i < WRITERS; i++) {
      const user = await server.createUser('outreach_worker');
      devices.push(await signIn(server.app, user.username, user.password));
    }
  });
  afterAll(async () => {
    await server.close();
  });

  const nextIds = new Map<string, number>();
  const nextId = (session: Session): number => {
    const id = (nextIds.get(session.deviceId) ?? 0) + 1;
    nextIds.set(session.deviceId, id);
    return id;
  };

  async function latestClient(clientId: string): Promise<Record<string, unknown>> {
    const record = (await pullAll(server.app, lead)).changes.filter((c) => c.collection === 'clients' && c.id === clientId).at(-1)?.record;
    if (record == null) throw new Error('no such client');
    return record;
  }

  it('lose no update when every device edits one client at the same moment', async () => {
    const [first] = devices;
    if (first === undefined) throw new Error('no devices');
    const create = clientCreate(nextId(first), first, { alias: 'Plover' });
    expect((await push(server.app, first, [create])).status).toBe(200);
    const clientId = (create.args as { id: string }).id;

    // Each device sets its own field value having seen only the new client: all concurrent.
    const edits = devices.map((session, i): [Session, TestMutation] => [
      session,
      {
        id: nextId(session),
        name: 'client.update',
        args: { id: clientId, set: { pronouns: `p${i}`, usualAreas: [`Area ${i}`] }, seen: { pronouns: null, usualAreas: null } },
        hlc: nextHlc(session.deviceId),
      },
    ]);
    const results = await Promise.all(edits.map(([session, m]) => push(server.app, session, [m])));
    expect(results.map((r) => r.status)).toEqual(edits.map(() => 200));

    const final = await latestClient(clientId);
    const items = (await pullAll(server.app, lead)).changes
      .filter((c) => c.collection === 'reviewItems' && (c.record as { recordId?: string } | null)?.recordId === clientId)
      .map((c) => c.record as { field: string; losingValue: unknown });
    for (const field of ['pronouns', 'usualAreas'] as const) {
      const written = edits.map(([, m]) => (m.args as { set: Record<string, unknown> }).set[field]);
      const kept = [final[field], ...items.filter((item) => item.field === field).map((item) => item.losingValue)];
      // Every concurrent value is the winner or in the review queue: none overwritten unseen.
      for (const value of written) expect(kept, `${field} ${JSON.stringify(value)} vanished`).toContainEqual(value);
    }
  });

  it('never lets a racing pull skip a commit of concurrent pushes', async () => {
    const start = (await pullAll(server.app, lead)).cursor;
    let pushing = true;
    const pushes = Promise.all(
      devices.map(async (session) => {
        for (let round = 0; round < 4; round++) {
          const batch = Array.from({ length: 10 }, () => contactRecord(nextId(session), session, null));
          const { status } = await push(server.app, session, batch);
          expect(status).toBe(200);
        }
      }),
    ).finally(() => {
      pushing = false;
    });
    const follower = followChanges(server.app, lead, start);
    const { seen } = follower;
    // Yield to timers and I/O between pulls: on SQLite every query resolves in a microtask,
    // and a tight loop would starve the pushes it races.
    while (pushing) {
      await follower.page(50);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await pushes;
    while (await follower.page(50));
    const rows = await server.storage.db.selectFrom('records').select(['collection', 'id', 'seq']).where('team_id', '=', server.teamId).where('seq', '>', start).execute();
    expect(rows.length).toBeGreaterThanOrEqual(WRITERS * 40);
    for (const row of rows) expect(seen.get(`${row.collection}/${row.id}`), `${row.collection}/${row.id} skipped`).toBe(Number(row.seq));
  });

  it('keeps a client created by one device while others append to it at once', async () => {
    const [first, ...others] = devices;
    if (first === undefined) throw new Error('no devices');
    const clientId = uuidv7();
    const created = push(server.app, first, [clientCreate(nextId(first), first, { alias: 'Dunlin' }, clientId)]);
    const contacts = others.map((session) => push(server.app, session, [contactRecord(nextId(session), session, clientId)]));
    const results = await Promise.all([created, ...contacts]);
    expect(results[0]?.status).toBe(200);
    expect((await latestClient(clientId)).alias).toBe('Dunlin');
  });
});

// PostgreSQL only: there, two requests from one device can be in the push transaction at
// once (SQLite has one writer). A phone that times out and sends its outbox again does this.
describe.each(engines.filter((e) => e.name === 'postgres'))('one device pushing twice at once on $name', (engine: Engine) => {
  let server: TestServer;
  let worker: Session;

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
    const user = await server.createUser('outreach_worker');
    worker = await signIn(server.app, user.username, user.password);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Sessions of this database waiting for a row lock. */
  async function waitingForLocks(): Promise<number> {
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(server.storage.db);
    return Number(rows[0]?.n ?? 0);
  }

  it('applies the outbox once when the same push arrives twice while another writer holds the lock', async () => {
    const batch = Array.from({ length: 5 }, (_, i) => contactRecord(i + 1, worker, null));
    let pushes: Promise<Array<{ status: number; body: PushResponse }>> = Promise.resolve([]);
    // Hold the team's writers' lock so both copies of the push have read their device row before
    // either may write: without the device row lock both would read watermark 0.
    await server.storage.db.transaction().execute(async (trx) => {
      await lockTeamWriters(trx, server.teamId);
      pushes = Promise.all([push(server.app, worker, batch), push(server.app, worker, batch)]);
      const deadline = Date.now() + 10_000;
      while ((await waitingForLocks()) < 2) {
        if (Date.now() > deadline) throw new Error('the two pushes never waited for a lock');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const results = await pushes;
    for (const { status, body } of results) {
      expect(status).toBe(200);
      expect(body.lastMutationId).toBe(5);
      // A second application would refuse each create as an id already taken, and the
      // device would then drop the contacts it recorded.
      expect(body.rejections).toEqual([]);
    }
    const audit = await server.storage.db.selectFrom('audit_log').select(['record_id', 'outcome']).where('device_id', '=', worker.deviceId).where('action', '=', 'contact.record').execute();
    expect(audit.map((row) => row.outcome)).toEqual(batch.map(() => 'ok'));
  });
});
