/**
 * The review queue (and a lead withdrawing a safety alert) on every engine: a concurrent overwrite becomes a review item; a team
 * lead resolves it once by keeping the current value, using the other, or writing a merged
 * one; the client and the item reach every device through pull.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewItemRecord } from '../../src/shared/domain/review-item';
import { uuidv7 } from '../../src/shared/ids';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import type { Engine, Session, TestMutation } from './helpers';
import { clientCreate, engines, nextHlc, pullAll, push, signIn } from './helpers';

describe.each(engines)('the review queue on $name', (engine: Engine) => {
  let server: TestServer;
  let lead: Session;
  let robin: Session;
  let sam: Session;
  const ids = new Map<string, number>();
  const nextId = (s: Session) => {
    const id = (ids.get(s.deviceId) ?? 0) + 1;
    ids.set(s.deviceId, id);
    return id;
  };

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
    const teamId = await server.createTeam();
    const as = async (role: 'team_lead' | 'outreach_worker') => {
      const user = await server.createUser(role, undefined, { teamId });
      return signIn(server.app, user.username, user.password);
    };
    [lead, robin, sam] = [await as('team_lead'), await as('outreach_worker'), await as('outreach_worker')];
  });
  afterAll(async () => {
    await server.close();
  });

  const edit = (s: Session, clientId: string, pronouns: string): TestMutation => ({
    id: nextId(s), name: 'client.update', args: { id: clientId, set: { pronouns }, seen: { pronouns: null } }, hlc: nextHlc(s.deviceId),
  });
  const resolve = (s: Session, args: Record<string, unknown>): TestMutation => ({ id: nextId(s), name: 'reviewItem.resolve', args: { at: new Date().toISOString(), ...args }, hlc: nextHlc(s.deviceId) });

  /** A client both workers set pronouns on without seeing each other's: one review item. */
  async function conflict(): Promise<{ clientId: string; item: ReviewItemRecord }> {
    const create = clientCreate(nextId(robin), robin, { alias: 'Linnet' });
    const clientId = (create.args as { id: string }).id;
    await push(server.app, robin, [create]);
    await push(server.app, robin, [edit(robin, clientId, 'she/her')]);
    await push(server.app, sam, [edit(sam, clientId, 'they/them')]);
    const items = (await pullAll(server.app, lead)).changes.filter((c) => c.collection === 'reviewItems' && c.record?.recordId === clientId);
    expect(items).toHaveLength(1);
    return { clientId, item: items[0]?.record as ReviewItemRecord };
  }

  const latest = async (collection: string, id: string) => (await pullAll(server.app, lead)).changes.filter((c) => c.collection === collection && c.id === id).at(-1)?.record;

  it('uses the other value: the client takes it, and the item is resolved, once', async () => {
    const { clientId, item } = await conflict();
    expect(item).toMatchObject({ field: 'pronouns', status: 'open', winningValue: 'they/them', losingValue: 'she/her' });
    const res = await push(server.app, lead, [resolve(lead, { id: item.id, keep: 'other' })]);
    expect(res.body.rejections).toEqual([]);
    expect(await latest('clients', clientId)).toMatchObject({ pronouns: 'she/her' });
    expect(await latest('reviewItems', item.id)).toMatchObject({ status: 'resolved', kept: 'other', resolvedBy: lead.userId });
    // A worker's device sees the client as resolved too.
    const seenBySam = (await pullAll(server.app, sam)).changes.filter((c) => c.collection === 'clients' && c.id === clientId).at(-1)?.record;
    expect(seenBySam).toMatchObject({ pronouns: 'she/her' });
    const again = await push(server.app, lead, [resolve(lead, { id: item.id, keep: 'current' })]);
    expect(again.body.rejections.map((r) => r.code)).toEqual(['invalid_transition']);
  });

  it('keeps the current value without touching the client, or writes a merged one', async () => {
    const first = await conflict();
    const before = await latest('clients', first.clientId);
    expect((await push(server.app, lead, [resolve(lead, { id: first.item.id, keep: 'current' })])).body.rejections).toEqual([]);
    expect(await latest('clients', first.clientId)).toEqual(before);

    const second = await conflict();
    expect((await push(server.app, lead, [resolve(lead, { id: second.item.id, keep: 'merged', value: 'she/they' })])).body.rejections).toEqual([]);
    expect(await latest('clients', second.clientId)).toMatchObject({ pronouns: 'she/they' });
  });

  it('refuses a merged value the client schema refuses, writing nothing', async () => {
    const { clientId, item } = await conflict();
    const before = await latest('clients', clientId);
    const res = await push(server.app, lead, [resolve(lead, { id: item.id, keep: 'merged', value: 'x'.repeat(41) })]);
    expect(res.body.rejections.map((r) => r.code)).toEqual(['invalid_args']);
    expect(await latest('clients', clientId)).toEqual(before);
    expect(await latest('reviewItems', item.id)).toMatchObject({ status: 'open' });
  });
});

describe.each(engines)('withdrawing a safety alert on $name', (engine: Engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
  });
  afterAll(async () => {
    await server.close();
  });

  it('a team lead ends an alert early, once; every device pulls it withdrawn', async () => {
    const teamId = await server.createTeam();
    const as = async (role: 'team_lead' | 'outreach_worker') => {
      const user = await server.createUser(role, undefined, { teamId });
      return signIn(server.app, user.username, user.password);
    };
    const [lead, worker] = [await as('team_lead'), await as('outreach_worker')];
    const alertId = uuidv7();
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const raise = await push(server.app, worker, [{ id: 1, name: 'safetyAlert.raise', args: { id: alertId, area: 'Docks', message: 'Blue van', expiresAt }, hlc: nextHlc(worker.deviceId) }]);
    expect(raise.body.rejections).toEqual([]);
    const withdraw = (s: Session, id: number) => push(server.app, s, [{ id, name: 'safetyAlert.withdraw', args: { id: alertId, at: new Date().toISOString() }, hlc: nextHlc(s.deviceId) }]);
    expect((await withdraw(worker, 2)).body.rejections.map((r) => r.code)).toEqual(['forbidden']);
    expect((await withdraw(lead, 1)).body.rejections).toEqual([]);
    expect((await withdraw(lead, 2)).body.rejections.map((r) => r.code)).toEqual(['invalid_transition']);
    const seen = (await pullAll(server.app, worker)).changes.filter((c) => c.collection === 'safetyAlerts' && c.id === alertId).at(-1)?.record;
    expect(seen).toMatchObject({ withdrawnBy: lead.userId, message: 'Blue van', expiresAt });
  });
});
