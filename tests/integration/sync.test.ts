/**
 * The sync protocol end to end: the real server in process (SQLite) and the real sync
 * engine on fake-indexeddb. Each test names the invariant from DESIGN.md it protects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import { SCHEMA_VERSION } from '../../src/shared/sync/wire';
import { recordLocalChange } from '../../src/app/db/local-write';
import { createRecordReader } from '../../src/app/db/repositories/record-reader';
import { outboxSummary, rejectedEntries } from '../../src/app/sync/outbox';
import { createTestServer, type TestServer } from '../../src/server/testing';
import { createDevice, syncOk } from './device';

let server: TestServer;

beforeEach(async () => {
  server = await createTestServer();
});
afterEach(async () => {
  await server.close();
});

async function serverRecordCount(collection: string): Promise<number> {
  const row = await server.storage.db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('collection', '=', collection)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('two devices', () => {
  it('edit the same client offline and converge; the concurrent different value reaches the review queue', async () => {
    const a = await createDevice(server, await server.createUser('outreach_worker'));
    const b = await createDevice(server, await server.createUser('outreach_worker'));
    const lead = await createDevice(server, await server.createUser('team_lead'));
    const created = await a.clients.create({ alias: 'Wren', usualAreas: ['Docks'] });
    await syncOk(a);
    await syncOk(b);
    expect((await b.clients.get(created.id))?.alias).toBe('Wren');

    a.net.offline = true;
    b.net.offline = true;
    await a.clients.update(created.id, { usualAreas: ['Station Road'], pronouns: 'she/her' });
    await b.clients.update(created.id, { usualAreas: ['Canal Street'] });
    a.net.offline = false;
    b.net.offline = false;
    await syncOk(a);
    await syncOk(b);
    await syncOk(a);

    const onA = await a.clients.get(created.id);
    const onB = await b.clients.get(created.id);
    expect(onA).toEqual(onB);
    expect(onA?.usualAreas).toEqual(['Canal Street']);
    expect(onA?.pronouns).toBe('she/her');

    await syncOk(lead);
    const review = await createRecordReader(lead.db, lead.cipher, 'reviewItems').list();
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({
      recordId: created.id,
      field: 'usualAreas',
      losingValue: ['Station Road'],
      winningValue: ['Canal Street'],
      status: 'open',
    });
  });
});

describe('exactly once', () => {
  it('a duplicated push changes nothing', async () => {
    const user = await server.createUser('outreach_worker');
    const a = await createDevice(server, user);
    const { deviceId } = await a.api.me();
    const request = {
      deviceId,
      schemaVersion: SCHEMA_VERSION,
      mutations: [
        {
          id: 1,
          name: 'client.create',
          args: { id: uuidv7(), profile: { alias: 'Kite' } },
          hlc: encodeHlc({ wallMs: Date.now(), counter: 0, deviceId }),
        },
      ],
    };
    const first = await a.api.push(request);
    const countAfterFirst = await serverRecordCount('clients');
    const second = await a.api.push(request);
    expect(first).toMatchObject({ lastMutationId: 1, rejections: [] });
    expect(second).toMatchObject({ lastMutationId: 1, rejections: [] });
    expect(await serverRecordCount('clients')).toBe(countAfterFirst);
  });

  it('a push whose answer is lost after the server committed is not applied twice', async () => {
    const a = await createDevice(server, await server.createUser('outreach_worker'));
    const client = await a.clients.create({ alias: 'Heron' });
    await recordLocalChange(a.db, a.cipher, {
      command: {
        name: 'contact.record',
        args: {
          id: uuidv7(),
          clientId: client.id,
          at: new Date().toISOString(),
          area: 'Docks',
          kind: 'street',
          supplies: { condoms: 5, needles: 0, naloxone: 1, food: 1, hygienePacks: 0 },
          outcome: 'building_trust',
        },
      },
      session: { userId: a.session.user.id, teamId: a.session.user.teamId },
    });
    a.net.loseNextPushResponse = true;
    const lost = await a.engine.syncNow();
    expect(lost.outcome).toBe('offline');
    expect((await outboxSummary(a.db)).pending).toBe(2);

    await syncOk(a);
    expect(await outboxSummary(a.db)).toMatchObject({ pending: 0, rejected: 0 });
    expect(await serverRecordCount('clients')).toBe(1);
    expect(await serverRecordCount('contacts')).toBe(1);
  });
});

describe('rejections', () => {
  it('a refused change stays visible on the device with its data', async () => {
    const peer = await createDevice(server, await server.createUser('peer_volunteer'));
    const client = await peer.clients.create({ alias: 'Finch' });
    await recordLocalChange(peer.db, peer.cipher, {
      command: { name: 'note.add', args: { id: uuidv7(), clientId: client.id, body: 'asked about housing', level: 'team' } },
      session: { userId: peer.session.user.id, teamId: peer.session.user.teamId },
    });
    await syncOk(peer);
    await syncOk(peer);
    expect(await outboxSummary(peer.db)).toMatchObject({ pending: 0, rejected: 1 });
    const [refused] = await rejectedEntries(peer.db, peer.cipher);
    expect(refused?.entry.rejection?.code).toBe('forbidden');
    expect(refused?.command.args).toMatchObject({ body: 'asked about housing' });
    expect(peer.engine.getStatus().rejected).toBe(1);
  });
});

describe('a lost answer', () => {
  it('never hides a rejection: the refused change is still kept after the push is repeated', async () => {
    const peer = await createDevice(server, await server.createUser('peer_volunteer'));
    const client = await peer.clients.create({ alias: 'Lark' });
    await recordLocalChange(peer.db, peer.cipher, {
      command: { name: 'note.add', args: { id: uuidv7(), clientId: client.id, body: 'needs a GP', level: 'team' } },
      session: { userId: peer.session.user.id, teamId: peer.session.user.teamId },
    });
    peer.net.loseNextPushResponse = true;
    expect((await peer.engine.syncNow()).outcome).toBe('offline');
    await syncOk(peer);
    expect(await outboxSummary(peer.db)).toMatchObject({ pending: 0, rejected: 1 });
    const [refused] = await rejectedEntries(peer.db, peer.cipher);
    expect(refused?.command.args).toMatchObject({ body: 'needs a GP' });
  });
});

describe('pull', () => {
  it('pages through 2,000 records without skipping one that commits concurrently', async () => {
    const writer = await createDevice(server, await server.createUser('outreach_worker'));
    for (let i = 0; i < 2000; i++) await writer.clients.create({ alias: `Client ${i}` });
    await syncOk(writer);
    expect(await serverRecordCount('clients')).toBe(2000);

    const reader = await createDevice(server, await server.createUser('outreach_worker'), 200);
    let concurrent = 0;
    reader.net.afterPull = async () => {
      if (concurrent >= 5) return;
      concurrent += 1;
      await writer.clients.create({ alias: `Late ${concurrent}` });
      await syncOk(writer);
    };
    await syncOk(reader);
    reader.net.afterPull = null;
    await syncOk(reader);
    const ids = new Set((await reader.clients.list()).map((c) => c.id));
    const serverIds = await server.storage.db.selectFrom('records').select('id').where('collection', '=', 'clients').execute();
    expect(serverIds).toHaveLength(2005);
    expect(ids.size).toBe(2005);
    for (const { id } of serverIds) expect(ids.has(id)).toBe(true);
    expect(reader.net.requests.filter((p) => p === '/api/sync/pull').length).toBeGreaterThan(10);
  }, 120_000);
});
