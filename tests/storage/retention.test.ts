/**
 * Retention on every engine, with the job's clock in the test's hands: a person nothing has
 * been written about for six years is erased (one seen lately is kept, however old their
 * profile); old anonymous contacts go; old audit rows, revoked devices and expired tokens
 * go; tombstones are kept for devices that have not synced, then forgotten, and a device
 * behind them is told to resync (409) while one that kept up, or one of another team, is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRetention } from '../../src/server/services/retention';
import { DEFAULT_RETENTION } from '../../src/server/services/retention-policy';
import { appendAudit } from '../../src/server/storage/audit-store';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import { uuidv7 } from '../../src/shared/ids';
import type { Engine, Session } from './helpers';
import { clientCreate, contactRecord, engines, nextHlc, pull, pullAll, push, signIn } from './helpers';

const DAY = 86_400_000;
const SEVEN_YEARS_AGO = new Date(Date.now() - 7 * 365 * DAY).toISOString();

describe.each(engines)('retention on $name', (engine: Engine) => {
  let server: TestServer;
  let worker: Session;
  let stale: Session;
  let mutationId = 0;

  const send = async (build: (id: number) => ReturnType<typeof clientCreate>): Promise<void> => {
    mutationId += 1;
    const res = await push(server.app, worker, [build(mutationId)]);
    expect(res.body.rejections).toEqual([]);
  };

  /** Makes every row about `clientId` look written seven years ago. */
  const ageRowsAbout = (clientId: string, collections: readonly string[] = ['clients', 'contacts', 'notes']) =>
    server.storage.db
      .updateTable('records')
      .set({ updated_at: SEVEN_YEARS_AGO })
      .where((eb) => eb.or([eb('id', '=', clientId), eb('client_id', '=', clientId)]))
      .where('collection', 'in', collections)
      .execute();

  const live = async (id: string) => (await server.storage.db.selectFrom('records').select(['deleted', 'data']).where('id', '=', id).executeTakeFirst()) ?? null;

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
    const w = await server.createUser('outreach_worker');
    worker = await signIn(server.app, w.username, w.password);
    stale = await signIn(server.app, w.username, w.password);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('erases the long unseen, keeps the recently seen, then forgets the tombstones after the devices had their chance', async () => {
    const [gone, seen] = [uuidv7(), uuidv7()];
    await send((id) => clientCreate(id, worker, { alias: 'Long gone' }, gone));
    await send((id) => contactRecord(id, worker, gone, { summary: 'Long ago' }));
    await send((id) => ({ id, name: 'note.add', args: { id: uuidv7(), clientId: gone, body: 'Old note', level: 'team' }, hlc: nextHlc(worker.deviceId) }));
    await send((id) => clientCreate(id, worker, { alias: 'Seen lately' }, seen));
    const oldAnonymous = uuidv7();
    await send((id) => contactRecord(id, worker, null, { id: oldAnonymous }));
    const newAnonymous = uuidv7();
    await send((id) => contactRecord(id, worker, null, { id: newAnonymous }));
    await send((id) => contactRecord(id, worker, seen));
    await ageRowsAbout(gone);
    // Seen's profile is as old, but a contact with them was written today.
    await ageRowsAbout(seen, ['clients']);
    await server.storage.db.updateTable('records').set({ occurred_at: SEVEN_YEARS_AGO }).where('id', '=', oldAnonymous).execute();
    const staleCursor = (await pullAll(server.app, stale)).cursor;
    // A device of another team, as far behind, whose team has nothing to forget.
    const otherTeam = await server.createTeam();
    const o = await server.createUser('outreach_worker', undefined, { teamId: otherTeam });
    const otherDevice = await signIn(server.app, o.username, o.password);
    const otherCursor = (await pullAll(server.app, otherDevice)).cursor;
    const before = (await pullAll(server.app, worker)).cursor;

    const now = Date.now();
    const first = await applyRetention(server.storage, DEFAULT_RETENTION, now);
    expect(first).toMatchObject({ people: 1, anonymousContacts: 1, tombstones: 0 });
    expect(await live(gone)).toEqual({ deleted: 1, data: null });
    expect(await live(oldAnonymous)).toEqual({ deleted: 1, data: null });
    expect((await live(seen))?.deleted).toBe(0);
    expect((await live(newAnonymous))?.deleted).toBe(0);
    const keptContacts = await server.storage.db.selectFrom('records').select('data').where('collection', '=', 'contacts').where('deleted', '=', 0).execute();
    expect(keptContacts.map((r) => r.data).join()).not.toContain('Long ago');

    // A device that syncs hears of each removal.
    const { changes, cursor } = await pullAll(server.app, worker, before);
    expect(changes.filter((c) => c.deleted).map((c) => c.id)).toEqual(expect.arrayContaining([gone, oldAnonymous]));
    // Nothing more to do at once: a second run removes nothing.
    expect(Object.values(await applyRetention(server.storage, DEFAULT_RETENTION, now)).every((n) => n === 0)).toBe(true);

    // 91 days on, the tombstones go, and a device that never pulled them must start over.
    const later = await applyRetention(server.storage, DEFAULT_RETENTION, now + 91 * DAY);
    expect(later.tombstones).toBeGreaterThanOrEqual(3);
    expect(await live(gone)).toBeNull();
    expect((await pull(server.app, stale, staleCursor)).status).toBe(409);
    expect((await pull(server.app, worker, cursor)).status).toBe(200);
    // Each team has its own horizon: the other team's device pages on where it was.
    expect((await pull(server.app, otherDevice, otherCursor)).status).toBe(200);
    const fresh = await pullAll(server.app, stale, 0);
    expect(fresh.changes.some((c) => c.deleted)).toBe(false);
    expect(fresh.changes.map((c) => c.id)).toEqual(expect.arrayContaining([seen, newAnonymous]));
    expect(JSON.stringify(fresh.changes)).not.toContain('Long gone');
  });

  it('forgets old audit rows, long-revoked devices and long-expired tokens, and keeps the rest', async () => {
    const now = Date.now();
    await appendAudit(server.storage.db, { userId: worker.userId, deviceId: worker.deviceId, action: 'login', outcome: 'ok' }, SEVEN_YEARS_AGO);
    const w = await server.createUser('outreach_worker');
    const lost = await signIn(server.app, w.username, w.password);
    const kept = await signIn(server.app, w.username, w.password);
    await server.storage.db.updateTable('devices').set({ revoked_at: new Date(now - 100 * DAY).toISOString() }).where('id', '=', lost.deviceId).execute();
    await server.storage.db.updateTable('tokens').set({ expires_at: new Date(now - 100 * DAY).toISOString() }).where('device_id', '=', kept.deviceId).execute();
    const recentAudit = await server.storage.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('at', '>=', new Date(now - DAY).toISOString()).where('action', '!=', 'retention.purge').executeTakeFirstOrThrow();

    const counts = await applyRetention(server.storage, DEFAULT_RETENTION, now);
    expect(counts).toMatchObject({ auditRows: 1, devices: 1 });
    expect(counts.tokens).toBeGreaterThanOrEqual(2);
    const devices = await server.storage.db.selectFrom('devices').select('id').where('id', 'in', [lost.deviceId, kept.deviceId]).execute();
    expect(devices.map((d) => d.id)).toEqual([kept.deviceId]);
    expect(await server.storage.db.selectFrom('tokens').select('token_hash').where('device_id', 'in', [lost.deviceId, kept.deviceId]).execute()).toEqual([]);
    const stillRecent = await server.storage.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('at', '>=', new Date(now - DAY).toISOString()).where('action', '!=', 'retention.purge').executeTakeFirstOrThrow();
    expect(Number(stillRecent.n)).toBe(Number(recentAudit.n));
    expect(await server.storage.db.selectFrom('audit_log').select('id').where('at', '<', new Date(now - 6 * 365 * DAY).toISOString()).execute()).toEqual([]);
    // The job's own audit row says only that it ran.
    const own = await server.storage.db.selectFrom('audit_log').selectAll().where('action', '=', 'retention.purge').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(own).toMatchObject({ user_id: null, device_id: null, collection: null, record_id: null, outcome: 'ok' });
  });
});
