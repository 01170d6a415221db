/**
 * Convergence at the edges the sync model test (sync-model.test.ts) found, each reduced to
 * its smallest case: a device paging from 0 under a tombstone horizon, a refused write, and
 * a write that lost the merge. After a sync, the replica must equal the server's view.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordReader } from '../../src/app/db/repositories/record-reader';
import { writeCommand } from '../../src/app/db/repositories/repository-deps';
import { outboxSummary } from '../../src/app/sync/outbox';
import { highestSeq, setTombstoneHorizon } from '../../src/server/storage/records-store';
import { getRecord } from '../../src/server/storage/records-store';
import { createTestServer, type TestServer } from '../../src/server/testing';
import { uuidv7 } from '../../src/shared/ids';
import { createDevice, syncOk } from './device';

let server: TestServer;
afterEach(async () => {
  await server.close();
});

describe('a replica converges to the server', () => {
  it('when a device pages from 0 past records below the tombstone horizon', async () => {
    server = await createTestServer();
    const writer = await createDevice(server, await server.createUser('outreach_worker'));
    for (let i = 0; i < 3; i++) await writer.clients.create({ alias: `Client ${i}` });
    await syncOk(writer);
    await setTombstoneHorizon(server.storage.db, (await highestSeq(server.storage.db)) + 1);
    const reader = await createDevice(server, await server.createUser('outreach_worker'), 2);
    const first = await reader.engine.syncNow();
    const second = await reader.engine.syncNow();
    expect([first.outcome, second.outcome]).toEqual(['synced', 'synced']);
  });

  it('when the server refuses its writes: they leave the replica and stay under needs attention', async () => {
    server = await createTestServer();
    const peer = await createDevice(server, await server.createUser('peer_volunteer'));
    const client = await peer.clients.create({ alias: 'Finch' });
    await syncOk(peer);
    await peer.clients.update(client.id, { alias: 'Refused alias' });
    const noteId = uuidv7();
    await writeCommand(peer.repositoryDeps, { name: 'note.add', args: { id: noteId, clientId: client.id, body: 'refused note', level: 'team' } });
    await syncOk(peer);
    await syncOk(peer);
    expect(await outboxSummary(peer.db)).toMatchObject({ pending: 0, rejected: 2 });
    expect((await getRecord(server.storage.db, 'clients', client.id))?.data?.alias).toBe('Finch');
    // The replica should equal the server's view for a peer: no notes, the server's alias.
    const held = { notes: (await createRecordReader(peer.db, peer.cipher, 'notes').list()).length, alias: (await peer.clients.get(client.id))?.alias };
    expect(held).toEqual({ notes: 0, alias: 'Finch' });
  });

  it('when its write loses the merge because the server clock stepped back', async () => {
    let offset = 0;
    server = await createTestServer({ now: () => Date.now() + offset });
    const a = await createDevice(server, await server.createUser('outreach_worker'));
    const b = await createDevice(server, await server.createUser('outreach_worker'));
    const client = await a.clients.create({ alias: 'Wren' });
    await syncOk(a);
    await syncOk(b);
    offset = -10 * 60 * 1000; // the server's clock is stepped back ten minutes (NTP, another API process)
    await b.clients.update(client.id, { alias: 'Wren B' });
    await syncOk(b);
    await syncOk(b);
    const onServer = (await getRecord(server.storage.db, 'clients', client.id))?.data?.alias;
    expect((await b.clients.get(client.id))?.alias).toBe(onServer);
  });
});
