/**
 * The NRM pathway through the real push and pull, on every engine: an adult's referral
 * rests on their full, standing NRM consent; a child's on being recorded as maybe under 18;
 * each wait for a decision opens a follow-up and the decision closes it; the lifecycle is
 * the server's to check; a Duty to Notify is kept without a person; and a peer volunteer is
 * refused every one of these commands and pulls none of their records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import { nrmExplanationItems } from '../../src/shared/domain/consent';
import { NRM_DECISION_FOLLOW_UP_DAYS } from '../../src/shared/domain/nrm-status';
import { uuidv7 } from '../../src/shared/ids';
import type { CommandName } from '../../src/shared/sync/commands';
import type { Engine, Session } from './helpers';
import { engines, mutationsInOrder, pullAll, push, signIn } from './helpers';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(engines)('the NRM pathway on $name', (engine: Engine) => {
  let server: TestServer;
  let worker: Session;
  let peer: Session;
  const m = mutationsInOrder();

  async function pushOne(session: Session, name: CommandName, args: Record<string, unknown>): Promise<{ code: string; message: string } | null> {
    const res = await push(server.app, session, [m(session, name, args)]);
    expect(res.status).toBe(200);
    return res.body.rejections[0] ?? null;
  }

  async function newClient(profile: Record<string, unknown> = {}): Promise<string> {
    const id = uuidv7();
    expect(await pushOne(worker, 'client.create', { id, profile: { alias: 'Ana', ...profile } })).toBeNull();
    return id;
  }

  async function nrmConsent(clientId: string, decision = 'given', explained: readonly string[] = nrmExplanationItems, decidedAt = new Date().toISOString()): Promise<string> {
    const id = uuidv7();
    expect(await pushOne(worker, 'consent.record', { id, clientId, kind: 'nrm', decision, method: 'via_interpreter', decidedAt, explanationGiven: [...explained] })).toBeNull();
    return id;
  }

  const referArgs = (clientId: string, consentId: string | null, extra: Record<string, unknown> = {}) => ({
    id: uuidv7(), clientId, route: 'adult', consentId, firstResponder: 'Night Lantern Outreach', referredOn: '2026-11-02', reference: 'NRM-1234', followUpId: uuidv7(), ...extra,
  });

  async function recordOf(session: Session, id: string): Promise<Record<string, unknown> | undefined> {
    return (await pullAll(server.app, session)).changes.find((c) => c.id === id)?.record as Record<string, unknown> | undefined;
  }

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
    const w = await server.createUser('outreach_worker');
    worker = await signIn(server.app, w.username, w.password);
    const p = await server.createUser('peer_volunteer');
    peer = await signIn(server.app, p.username, p.password);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refers an adult with consent, opens a follow-up due when the decision is late, and closes it when the decision comes', async () => {
    const clientId = await newClient();
    const args = referArgs(clientId, await nrmConsent(clientId));
    expect(await pushOne(worker, 'nrm.refer', args)).toBeNull();
    const referral = await recordOf(worker, args.id);
    expect(referral).toMatchObject({ status: 'referred', firstResponder: 'Night Lantern Outreach', reference: 'NRM-1234', decisions: {} });
    expect(referral).not.toHaveProperty('followUpId');
    const wait = await recordOf(worker, args.followUpId);
    expect(wait).toMatchObject({ reason: 'nrm_decision', status: 'open', nrmReferralId: args.id, clientId });
    expect(Date.parse(String(wait?.dueAt))).toBe(Date.parse('2026-11-02T12:00:00Z') + NRM_DECISION_FOLLOW_UP_DAYS.reasonable_grounds * DAY_MS);

    const next = uuidv7();
    expect(await pushOne(worker, 'nrm.record', { id: args.id, to: 'rg_positive', on: '2026-11-20', supportProvider: 'Safe Haven', followUpId: next, at: new Date().toISOString() })).toBeNull();
    expect(await recordOf(worker, args.id)).toMatchObject({ status: 'rg_positive', decisions: { reasonableGroundsOn: '2026-11-20', supportProvider: 'Safe Haven' } });
    expect(await recordOf(worker, args.followUpId)).toMatchObject({ status: 'done' });
    const cgWait = await recordOf(worker, next);
    expect(cgWait).toMatchObject({ status: 'open', nrmReferralId: args.id });
    expect(Date.parse(String(cgWait?.dueAt))).toBe(Date.parse('2026-11-20T12:00:00Z') + NRM_DECISION_FOLLOW_UP_DAYS.conclusive_grounds * DAY_MS);

    expect(await pushOne(worker, 'nrm.record', { id: args.id, to: 'cg_positive', on: '2027-01-15', at: new Date().toISOString() })).toBeNull();
    const done = await recordOf(worker, args.id);
    expect(done).toMatchObject({ status: 'cg_positive', decisions: { conclusiveGroundsOn: '2027-01-15' } });
    expect((done?.history as { status: string }[]).map((h) => h.status)).toEqual(['referred', 'rg_positive', 'cg_positive']);
    expect(await recordOf(worker, next)).toMatchObject({ status: 'done' });
  });

  it('refuses an adult referral without consent, with consent declined later, or with the explanation cut short', async () => {
    const clientId = await newClient();
    expect(await pushOne(worker, 'nrm.refer', referArgs(clientId, null))).toMatchObject({ code: 'forbidden' });
    const partial = await nrmConsent(clientId, 'given', nrmExplanationItems.slice(0, 3));
    expect(await pushOne(worker, 'nrm.refer', referArgs(clientId, partial))).toMatchObject({ code: 'forbidden', message: expect.stringContaining('explanation') as unknown });
    const given = await nrmConsent(clientId, 'given', nrmExplanationItems, new Date(Date.now() - 60_000).toISOString());
    await nrmConsent(clientId, 'withdrawn');
    const refused = referArgs(clientId, given);
    expect(await pushOne(worker, 'nrm.refer', refused)).toMatchObject({ code: 'forbidden', message: expect.stringContaining('withdrawn') as unknown });
    expect(await recordOf(worker, refused.id)).toBeUndefined();
    expect(await recordOf(worker, refused.followUpId)).toBeUndefined();
  });

  it('takes the child route without consent only for someone recorded as maybe under 18', async () => {
    const adult = await newClient();
    expect(await pushOne(worker, 'nrm.refer', referArgs(adult, null, { route: 'child' }))).toMatchObject({ code: 'forbidden' });
    const child = await newClient({ mayBeUnder18: true });
    expect(await pushOne(worker, 'nrm.refer', referArgs(child, null, { route: 'child' }))).toBeNull();
  });

  it('keeps to the lifecycle: no decision twice, a wait needs its follow-up, and reconsideration only after a negative decision', async () => {
    const clientId = await newClient();
    const args = referArgs(clientId, await nrmConsent(clientId));
    expect(await pushOne(worker, 'nrm.refer', args)).toBeNull();
    const at = new Date().toISOString();
    expect(await pushOne(worker, 'nrm.record', { id: args.id, to: 'cg_positive', on: '2026-11-03', at })).toMatchObject({ code: 'invalid_transition', message: 'an NRM referral cannot go from referred to cg_positive' });
    expect(await pushOne(worker, 'nrm.record', { id: args.id, to: 'rg_reconsideration', on: '2026-11-03', followUpId: uuidv7(), at })).toMatchObject({ code: 'invalid_transition' });
    expect(await pushOne(worker, 'nrm.record', { id: args.id, to: 'rg_positive', on: '2026-11-03', at })).toMatchObject({ code: 'invalid_args', message: expect.stringContaining('followUpId') as unknown });
    expect(await pushOne(worker, 'nrm.record', { id: args.id, to: 'rg_negative', on: '2026-11-03', followUpId: uuidv7(), at })).toMatchObject({ code: 'invalid_args' });
    expect(await pushOne(worker, 'nrm.record', { id: args.id, to: 'rg_negative', on: '2026-11-03', supportProvider: 'X', at })).toMatchObject({ code: 'invalid_args' });
    expect(await pushOne(worker, 'nrm.record', { id: args.id, to: 'rg_negative', on: '2026-11-03', at })).toBeNull();
    expect(await recordOf(worker, args.followUpId)).toMatchObject({ status: 'done' });
    expect(await pushOne(worker, 'nrm.record', { id: args.id, to: 'rg_negative', on: '2026-11-04', at })).toMatchObject({ code: 'invalid_transition' });
    expect(await pushOne(worker, 'nrm.record', { id: args.id, to: 'rg_reconsideration', on: '2026-11-05', followUpId: uuidv7(), at })).toBeNull();
    expect(await recordOf(worker, args.id)).toMatchObject({ status: 'rg_reconsideration', decisions: { reasonableGroundsOn: '2026-11-03', reconsiderationRequestedOn: '2026-11-05' } });
  });

  it('keeps a Duty to Notify with no person in it, and a peer is refused every NRM command and pulls none of these records', async () => {
    const dtn = { id: uuidv7(), notifiedOn: '2026-11-02', exploitation: 'labour', reference: null };
    expect(await pushOne(worker, 'dutyToNotify.record', dtn)).toBeNull();
    expect(await pushOne(worker, 'dutyToNotify.record', { ...dtn, id: uuidv7(), clientId: uuidv7() })).toMatchObject({ code: 'invalid_args' });
    const clientId = await newClient();
    const observation = { id: uuidv7(), clientId, observedAt: new Date().toISOString(), cues: ['someone_else_answered', 'others_hold_documents'] };
    expect(await pushOne(worker, 'observation.record', observation)).toBeNull();
    expect(await recordOf(worker, observation.id)).toMatchObject({ cues: observation.cues, createdBy: worker.userId });
    expect(await pushOne(peer, 'observation.record', { ...observation, id: uuidv7() })).toMatchObject({ code: 'forbidden' });
    expect(await pushOne(peer, 'dutyToNotify.record', { ...dtn, id: uuidv7() })).toMatchObject({ code: 'forbidden' });
    expect(await pushOne(peer, 'nrm.refer', referArgs(clientId, null, { route: 'child' }))).toMatchObject({ code: 'forbidden' });
    const pulled = (await pullAll(server.app, peer)).changes.map((c) => c.collection);
    for (const hidden of ['observations', 'nrmReferrals', 'dutyToNotify', 'followUps']) expect(pulled).not.toContain(hidden);
  });
});
