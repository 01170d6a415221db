/**
 * Referrals, appointments and follow-ups through the real push and pull, on every engine:
 * the consent rule, both state machines, the follow-up a missed appointment opens in the
 * same transaction (exactly one, even when marked missed twice), role and team scope, and
 * the example agency directory reaching every device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_AGENCY_PREFIX } from '../../src/server/services/example-agencies';
import { putRecord } from '../../src/server/storage/records-store';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import { MISSED_FOLLOW_UP_DELAY_MS } from '../../src/shared/domain/missed-appointment';
import { uuidv7 } from '../../src/shared/ids';
import type { CommandName } from '../../src/shared/sync/commands';
import type { Engine, Session } from './helpers';
import { engines, mutationsInOrder, pullAll, push, signIn } from './helpers';

describe.each(engines)('encounter lifecycle on $name', (engine: Engine) => {
  let server: TestServer;
  let worker: Session;
  let peer: Session;
  let agencyId = '';
  /** One mutation from `session`, with the device's next outbox id. */
  const m = mutationsInOrder();

  async function pushOne(session: Session, name: CommandName, args: Record<string, unknown>): Promise<string | null> {
    const res = await push(server.app, session, [m(session, name, args)]);
    expect(res.status).toBe(200);
    return res.body.rejections[0]?.code ?? null;
  }

  async function newClient(): Promise<string> {
    const id = uuidv7();
    expect(await pushOne(worker, 'client.create', { id, profile: { alias: 'Sky' } })).toBeNull();
    return id;
  }

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
    const w = await server.createUser('outreach_worker');
    worker = await signIn(server.app, w.username, w.password);
    const p = await server.createUser('peer_volunteer');
    peer = await signIn(server.app, p.username, p.password);
    agencyId = server.agencyIds[0] ?? '';
  });

  afterAll(async () => {
    await server?.close();
  });

  const referral = (clientId: string, consentId: string) => ({
    id: uuidv7(), clientId, agencyId, need: 'housing', urgency: 'urgent', consentId, consentedSummary: 'Needs a bed tonight', sharedFields: ['alias'], status: 'sent',
  });

  it('creates a referral under consent and moves it sent → acknowledged → booked → not_attended → booked', async () => {
    const clientId = await newClient();
    const consentId = uuidv7();
    expect(await pushOne(worker, 'consent.record', { id: consentId, clientId, kind: 'share', decision: 'given', method: 'verbal', decidedAt: new Date().toISOString(), agencyId })).toBeNull();
    const args = referral(clientId, consentId);
    // Outbox ids are taken in order: the create first, then each move.
    const create = m(worker, 'referral.create', args);
    const moves = ['acknowledged', 'booked', 'not_attended', 'booked'].map((to) => m(worker, 'referral.transition', { id: args.id, to, at: new Date().toISOString() }));
    const res = await push(server.app, worker, [create, ...moves]);
    expect(res.body.rejections).toEqual([]);
    await pushOne(worker, 'referral.transition', { id: args.id, to: 'not_attended', at: new Date().toISOString() });
    const closing = await push(server.app, worker, [m(worker, 'referral.transition', { id: args.id, to: 'closed', at: new Date().toISOString() })]);
    expect(closing.body.rejections[0]).toMatchObject({ code: 'invalid_transition', message: 'a referral cannot go from not_attended to closed' });
    const stored = (await pullAll(server.app, worker)).changes.find((c) => c.id === args.id)?.record;
    expect(stored).toMatchObject({ status: 'not_attended' });
    expect((stored?.history as { status: string }[]).map((h) => h.status)).toEqual(['sent', 'acknowledged', 'booked', 'not_attended', 'booked', 'not_attended']);
  });

  it('refuses a referral without consent to share', async () => {
    const clientId = await newClient();
    const res = await push(server.app, worker, [m(worker, 'referral.create', referral(clientId, uuidv7()))]);
    expect(res.body.rejections[0]).toMatchObject({ code: 'forbidden', message: expect.stringContaining('no consent to share with this agency') as unknown });
  });

  it('refuses a referral once the consent to share has been withdrawn', async () => {
    const clientId = await newClient();
    const consentId = uuidv7();
    const base = { clientId, kind: 'share', method: 'verbal', agencyId };
    expect(await pushOne(worker, 'consent.record', { ...base, id: consentId, decision: 'given', decidedAt: new Date(Date.now() - 60_000).toISOString() })).toBeNull();
    expect(await pushOne(worker, 'consent.record', { ...base, id: uuidv7(), decision: 'withdrawn', decidedAt: new Date().toISOString() })).toBeNull();
    expect(await pushOne(worker, 'referral.create', referral(clientId, consentId))).toBe('forbidden');
  });

  it('opens exactly one follow-up for a missed appointment, even when it is marked missed twice', async () => {
    const clientId = await newClient();
    const appointmentId = uuidv7();
    expect(await pushOne(worker, 'appointment.book', { id: appointmentId, clientId, agencyId, at: new Date().toISOString(), place: 'Clinic door' })).toBeNull();
    const at = new Date(Date.now() - 60_000).toISOString();
    const followUpId = uuidv7();
    expect(await pushOne(worker, 'appointment.transition', { id: appointmentId, to: 'missed', at, followUpId })).toBeNull();
    expect(await pushOne(worker, 'appointment.transition', { id: appointmentId, to: 'missed', at, followUpId: uuidv7() })).toBe('invalid_transition');
    const { changes } = await pullAll(server.app, worker);
    const followUps = changes.filter((c) => c.collection === 'followUps' && c.record?.appointmentId === appointmentId);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]?.id).toBe(followUpId);
    const record = followUps[0]?.record ?? {};
    expect(record).toMatchObject({ reason: 'missed_appointment', appointmentId, clientId, assigneeId: worker.userId, status: 'open' });
    expect(Date.parse(String(record.dueAt)) - Date.parse(at)).toBe(MISSED_FOLLOW_UP_DELAY_MS);
    expect(changes.find((c) => c.id === appointmentId)?.record).toMatchObject({ status: 'missed' });
  });

  it('refuses a peer volunteer every lifecycle command, writing nothing', async () => {
    const clientId = await newClient();
    const before = (await pullAll(server.app, worker)).cursor;
    const any = uuidv7();
    const now = new Date().toISOString();
    const res = await push(server.app, peer, [
      m(peer, 'referral.create', referral(clientId, any)),
      m(peer, 'referral.transition', { id: any, to: 'closed', at: now }),
      m(peer, 'appointment.book', { id: any, clientId, agencyId: null, at: now, place: 'Here' }),
      m(peer, 'appointment.transition', { id: any, to: 'missed', at: now, followUpId: uuidv7() }),
      m(peer, 'followUp.create', { id: any, clientId, reason: 'check_in', dueAt: now, assigneeId: null }),
      m(peer, 'followUp.complete', { id: any, at: now }),
    ]);
    expect(res.body.rejections.map((r) => r.code)).toEqual(Array(6).fill('forbidden'));
    expect((await pullAll(server.app, worker, before)).changes).toEqual([]);
  });

  it('answers not_found for another team’s client', async () => {
    const otherTeam = await server.createTeam();
    const clientId = uuidv7();
    await server.storage.db.transaction().execute((trx) => putRecord(trx, { collection: 'clients', id: clientId, teamId: otherTeam, data: { id: clientId, alias: 'Hidden' } }));
    const now = new Date().toISOString();
    expect(await pushOne(worker, 'appointment.book', { id: uuidv7(), clientId, agencyId, at: now, place: 'Here' })).toBe('not_found');
    expect(await pushOne(worker, 'followUp.create', { id: uuidv7(), clientId, reason: 'check_in', dueAt: now, assigneeId: null })).toBe('not_found');
    expect(await pushOne(worker, 'referral.create', referral(clientId, uuidv7()))).toBe('not_found');
  });

  it('seeds the example agencies, and a peer volunteer receives them', async () => {
    expect(server.agencyIds).toHaveLength(6);
    const agencies = (await pullAll(server.app, peer)).changes.filter((c) => c.collection === 'agencies' && server.agencyIds.includes(c.id));
    expect(agencies.map((c) => c.id).sort()).toEqual([...server.agencyIds].sort());
    for (const a of agencies) expect(a.record).toMatchObject({ isExample: true, name: expect.stringMatching(new RegExp(`^${EXAMPLE_AGENCY_PREFIX}`)) as unknown });
  });
});
