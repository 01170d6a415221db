/**
 * The order guarantees of push and pull, on both engines: a push applies its mutations in id
 * order whatever order they arrive in, and the same id twice in one push once; a pull page
 * holds at most `limit` changes and says whether more follow; a device that filled its
 * replica from 0 under the current tombstone horizon may page on below it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTombstoneHorizon } from '../../src/server/storage/records-store';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import type { Engine, Session } from './helpers';
import { clientCreate, engines, pull, push, signIn } from './helpers';

describe.each(engines)('push and pull order on $name', (engine: Engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
  });
  afterAll(async () => {
    await server.close();
  });

  /** A worker of a team of their own, so pulls see only what the test wrote. */
  async function worker(): Promise<Session> {
    const teamId = await server.createTeam();
    const user = await server.createUser('outreach_worker', undefined, { teamId });
    return signIn(server.app, user.username, user.password);
  }

  async function clientAliases(session: Session): Promise<string[]> {
    const { body } = await pull(server.app, session, 0);
    return body.changes.filter((c) => c.collection === 'clients').map((c) => String(c.record?.alias)).sort();
  }

  it('applies mutations sent out of order in id order, every one of them', async () => {
    const session = await worker();
    const mutations = [clientCreate(3, session, { alias: 'Three' }), clientCreate(1, session, { alias: 'One' }), clientCreate(2, session, { alias: 'Two' })];
    const { status, body } = await push(server.app, session, mutations);
    expect(status).toBe(200);
    expect(body).toMatchObject({ lastMutationId: 3, rejections: [] });
    expect(await clientAliases(session)).toEqual(['One', 'Three', 'Two']);
  });

  it('applies the same id twice in one push once', async () => {
    const session = await worker();
    const { body } = await push(server.app, session, [clientCreate(1, session, { alias: 'First' }), clientCreate(1, session, { alias: 'Second' })]);
    expect(body.lastMutationId).toBe(1);
    expect(await clientAliases(session)).toEqual(['First']);
  });

  it('answers at most a page, and says when more follow', async () => {
    const session = await worker();
    await push(server.app, session, [1, 2, 3].map((id) => clientCreate(id, session, { alias: `c${id}` })));
    const total = (await pull(server.app, session, 0)).body.changes.length; // the clients and the team's user
    const first = await pull(server.app, session, 0, 2);
    expect(first.body.changes).toHaveLength(2);
    expect(first.body).toMatchObject({ hasMore: true, cursor: first.body.changes[1]?.seq });
    const rest = await pull(server.app, session, first.body.cursor, total - 2);
    expect(rest.body.changes).toHaveLength(total - 2);
    expect(rest.body.hasMore).toBe(false);
  });

  it('says how many changes remain after a page when asked, for a first sync\'s progress', async () => {
    const session = await worker();
    await push(server.app, session, [1, 2, 3, 4].map((id) => clientCreate(id, session, { alias: `c${id}` })));
    const total = (await pull(server.app, session, 0)).body.changes.length;
    expect((await pull(server.app, session, 0, 2)).body).not.toHaveProperty('remaining');
    const counted = await server.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=0&limit=2&schemaVersion=1&count=1`, headers: session.headers });
    expect(counted.json<{ remaining: number; changes: unknown[] }>()).toMatchObject({ remaining: total - 2 });
    const last = await server.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=0&limit=${total}&schemaVersion=1&count=1`, headers: session.headers });
    expect(last.json<{ remaining: number }>().remaining).toBe(0);
  });

  it('lets a device that refilled from 0 under the current horizon page on below it', async () => {
    const session = await worker();
    await push(server.app, session, [1, 2, 3].map((id) => clientCreate(id, session, { alias: `c${id}` })));
    const before = await pull(server.app, session, 0, 1);
    // Tombstones up to here are purged: cursors below the horizon must start again...
    const horizon = before.body.cursor + 1_000_000;
    await setTombstoneHorizon(server.storage.db, horizon);
    expect((await pull(server.app, session, before.body.cursor, 1)).status).toBe(409);
    // ...and once this device has started again from 0 under that horizon, it may page on.
    const again = await pull(server.app, session, 0, 1);
    expect(again.status).toBe(200);
    const next = await pull(server.app, session, again.body.cursor, 1);
    expect(next.status).toBe(200);
    expect(next.body.changes).toHaveLength(1);
    await setTombstoneHorizon(server.storage.db, 0);
  });

  it('lets a device page on from a cursor at the horizon', async () => {
    const session = await worker();
    await push(server.app, session, [1, 2].map((id) => clientCreate(id, session, { alias: `c${id}` })));
    const first = await pull(server.app, session, 0, 1);
    await setTombstoneHorizon(server.storage.db, first.body.cursor);
    expect((await pull(server.app, session, first.body.cursor, 1)).status).toBe(200);
    await setTombstoneHorizon(server.storage.db, 0);
  });
});
