/**
 * The referral, appointment and follow-up handlers, run straight against SQLite (the
 * storage suite runs them through push on both engines): team scope, the consent rule,
 * the state machines, and the follow-up a missed appointment opens in the same command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLOCK_AHEAD_MS } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import { MISSED_FOLLOW_UP_DELAY_MS } from '../../../shared/domain/missed-appointment';
import { getRecord, putRecord } from '../../storage/records-store';
import { updateUser } from '../../storage/users-store';
import { exampleAgencyRecords } from '../example-agencies';
import { buildUser, insertUserWithRecord } from '../users-service';
import type { Harness } from './lifecycle-test-kit';
import { createHarness } from './lifecycle-test-kit';

let h: Harness;
let agencyId = '';
let otherAgencyId = '';
let outsiderAgencyId = '';
const now = () => new Date().toISOString();

beforeAll(async () => {
  h = await createHarness();
  const [a, b] = exampleAgencyRecords(h.teamId, h.worker.id, Date.now());
  const [c] = exampleAgencyRecords(h.outsider.teamId, h.outsider.id, Date.now());
  if (a === undefined || b === undefined || c === undefined) throw new Error('no example agencies');
  [agencyId, otherAgencyId, outsiderAgencyId] = [a.id, b.id, c.id];
  await h.db.storage.db.transaction().execute(async (trx) => {
    for (const r of [a, b]) await putRecord(trx, { collection: 'agencies', id: r.id, teamId: h.teamId, data: r });
    await putRecord(trx, { collection: 'agencies', id: c.id, teamId: h.outsider.teamId, data: c });
  });
});
afterAll(async () => {
  await h.db.storage.close();
  await h.db.drop();
});

async function newClient(as = h.worker): Promise<string> {
  const id = uuidv7();
  expect(await h.run('client.create', { id, profile: { alias: 'Sky' } }, as)).toMatchObject({ ok: true });
  return id;
}

async function consent(clientId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const id = uuidv7();
  const args = { id, clientId, kind: 'share', decision: 'given', method: 'verbal', decidedAt: now(), agencyId, ...extra };
  expect(await h.run('consent.record', args)).toMatchObject({ ok: true });
  return id;
}

const referralArgs = (clientId: string, consentId: string, extra: Record<string, unknown> = {}) => ({
  id: uuidv7(), clientId, agencyId, need: 'housing', urgency: 'urgent', consentId, consentedSummary: 'Needs a bed tonight', sharedFields: ['alias'], status: 'sent', ...extra,
});

describe('referral.create', () => {
  it('stores the referral with ownership, status and its first history entry', async () => {
    const clientId = await newClient();
    const args = referralArgs(clientId, await consent(clientId));
    expect(await h.run('referral.create', args, h.worker, '2030-01-01T00:00:00.000Z')).toEqual({ ok: true, writes: [{ collection: 'referrals', id: args.id }] });
    const stored = await getRecord(h.db.storage.db, 'referrals', args.id);
    expect(stored?.data).toMatchObject({ ...args, teamId: h.teamId, createdBy: h.worker.id, status: 'sent', history: [{ status: 'sent', at: '2030-01-01T00:00:00.000Z', by: h.worker.id }] });
    expect(await h.run('referral.create', args)).toEqual({ ok: false, code: 'invalid_args', message: 'id: this id cannot be used for a new record' });
  });

  it.each<[string, Record<string, unknown> | null, string]>([
    ['no consent at all → forbidden', null, 'forbidden'],
    ['consent declined → forbidden', { decision: 'declined' }, 'forbidden'],
    ['consent withdrawn → forbidden', { decision: 'withdrawn' }, 'forbidden'],
    ['consent to store, not to share → forbidden', { kind: 'store', agencyId: null }, 'forbidden'],
    ['consent to share with another agency → forbidden', { agencyId: '__other__' }, 'forbidden'],
    ['consent to share with any agency → ok', { agencyId: null }, 'ok'],
    ['consent to share naming no agency at all → ok', { agencyId: undefined }, 'ok'],
  ])('%s', async (_label, consentExtra, expected) => {
    const clientId = await newClient();
    const extra = consentExtra?.agencyId === '__other__' ? { ...consentExtra, agencyId: otherAgencyId } : consentExtra;
    const consentId = extra === null ? uuidv7() : await consent(clientId, extra);
    const outcome = await h.run('referral.create', referralArgs(clientId, consentId));
    if (expected === 'ok') expect(outcome).toMatchObject({ ok: true });
    else expect(outcome).toEqual({ ok: false, code: expected, message: expect.stringContaining('no consent to share with this agency') as unknown });
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['a later withdrawal for this agency', { decision: 'withdrawn' }, false],
    ['a later refusal for every agency', { decision: 'declined', agencyId: null }, false],
    ['a later withdrawal for another agency only', { decision: 'withdrawn', agencyId: '__other__' }, true],
    ['an earlier withdrawal', { decision: 'withdrawn', decidedAt: '2020-01-01T00:00:00.000Z' }, true],
    ['an earlier event that says it supersedes it', { decision: 'withdrawn', decidedAt: '2020-01-01T00:00:00.000Z', supersedes: '__named__' }, false],
    ['a withdrawal decided at the same moment (the order cannot be told)', { decision: 'withdrawn', decidedAt: '2025-01-01T00:00:00.000Z' }, false],
    ['a later consent given again', { decision: 'given' }, true],
    ['a later withdrawal of another kind of consent (NRM)', { kind: 'nrm', decision: 'withdrawn', agencyId: null }, true],
  ])('a consent followed by %s → allowed: %s', async (_label, later, allowed) => {
    const clientId = await newClient();
    const consentId = await consent(clientId, { decidedAt: '2025-01-01T00:00:00.000Z' });
    const extra = { ...later, ...(later.agencyId === '__other__' ? { agencyId: otherAgencyId } : {}), ...(later.supersedes === '__named__' ? { supersedes: consentId } : {}) };
    await consent(clientId, { decidedAt: '2025-02-01T00:00:00.000Z', ...extra });
    const outcome = await h.run('referral.create', referralArgs(clientId, consentId));
    expect(outcome.ok ? 'ok' : outcome.code).toBe(allowed ? 'ok' : 'forbidden');
  });

  it('says why it refuses: no consent yet, or one taken back since', async () => {
    const clientId = await newClient();
    expect(await h.run('referral.create', referralArgs(clientId, uuidv7()))).toEqual({ ok: false, code: 'forbidden', message: 'no consent to share with this agency: record the person’s consent to share first' });
    const consentId = await consent(clientId, { decidedAt: '2025-01-01T00:00:00.000Z' });
    await consent(clientId, { decision: 'withdrawn', decidedAt: '2025-02-01T00:00:00.000Z' });
    expect(await h.run('referral.create', referralArgs(clientId, consentId))).toEqual({ ok: false, code: 'forbidden', message: 'no consent to share with this agency: the person has since withdrawn or refused it' });
  });

  it('never lets another person’s consent events take back this one’s, even one that names it', async () => {
    const [clientId, someoneElse] = [await newClient(), await newClient()];
    const consentId = await consent(clientId, { decidedAt: '2025-01-01T00:00:00.000Z' });
    await consent(someoneElse, { decision: 'withdrawn', decidedAt: '2025-02-01T00:00:00.000Z', supersedes: consentId, purpose: `about ${clientId}` });
    expect(await h.run('referral.create', referralArgs(clientId, consentId))).toMatchObject({ ok: true });
  });

  it('refuses another client’s consent, an unknown agency and another team’s client', async () => {
    const clientId = await newClient();
    const someoneElse = await newClient();
    expect(await h.run('referral.create', referralArgs(clientId, await consent(someoneElse)))).toMatchObject({ code: 'forbidden' });
    const consentId = await consent(clientId);
    expect(await h.run('referral.create', referralArgs(clientId, consentId, { agencyId: outsiderAgencyId }))).toMatchObject({ code: 'not_found' });
    const theirs = await newClient(h.outsider);
    expect(await h.run('referral.create', referralArgs(theirs, consentId))).toMatchObject({ code: 'not_found' });
  });
});

describe('referral.transition', () => {
  it('moves along the state machine, appends history, and names both ends of a refused move', async () => {
    const clientId = await newClient();
    const args = referralArgs(clientId, await consent(clientId));
    await h.run('referral.create', args);
    for (const to of ['acknowledged', 'booked', 'not_attended', 'booked']) {
      expect(await h.run('referral.transition', { id: args.id, to, at: '2030-02-02T02:00:00.000Z' })).toMatchObject({ ok: true });
    }
    expect(await h.run('referral.transition', { id: args.id, to: 'sent', at: now() })).toMatchObject({ code: 'invalid_transition', message: 'a referral cannot go from booked to sent' });
    const stored = await getRecord(h.db.storage.db, 'referrals', args.id);
    expect(stored?.data).toMatchObject({ status: 'booked' });
    expect((stored?.data?.history as { status: string }[]).map((c) => c.status)).toEqual(['sent', 'acknowledged', 'booked', 'not_attended', 'booked']);
    expect(await h.run('referral.transition', { id: args.id, to: 'closed', at: now() }, h.outsider)).toMatchObject({ code: 'not_found' });
  });
});

const appointmentArgs = (clientId: string, extra: Record<string, unknown> = {}) => ({ id: uuidv7(), clientId, agencyId, at: '2030-03-03T10:00:00.000Z', place: 'Clinic door', ...extra });

describe('appointment commands', () => {
  it('books, and marking missed opens one follow-up due 48 hours later, assigned to whoever marked it', async () => {
    const clientId = await newClient();
    const appt = appointmentArgs(clientId, { accompaniedBy: h.worker.id });
    expect(await h.run('appointment.book', appt)).toMatchObject({ ok: true });
    const followUpId = uuidv7();
    const at = '2025-03-03T12:00:00.000Z';
    const outcome = await h.run('appointment.transition', { id: appt.id, to: 'missed', at, followUpId });
    expect(outcome).toMatchObject({ ok: true, writes: [{ collection: 'appointments' }, { collection: 'followUps', id: followUpId }] });
    const followUp = (await getRecord(h.db.storage.db, 'followUps', followUpId))?.data;
    expect(followUp).toMatchObject({ reason: 'missed_appointment', appointmentId: appt.id, clientId, assigneeId: h.worker.id, status: 'open' });
    expect(Date.parse(String(followUp?.dueAt)) - Date.parse(at)).toBe(MISSED_FOLLOW_UP_DELAY_MS);
    expect(await h.run('appointment.transition', { id: appt.id, to: 'missed', at, followUpId: uuidv7() })).toMatchObject({ code: 'invalid_transition', message: 'an appointment cannot go from missed to missed' });
  });

  it("assigns the missed appointment's follow-up to the colleague the device names (the key worker), and to a team member only", async () => {
    const clientId = await newClient();
    const [first, second, third] = [appointmentArgs(clientId), appointmentArgs(clientId), appointmentArgs(clientId)];
    for (const appt of [first, second, third]) await h.run('appointment.book', appt);
    const followUpId = uuidv7();
    const moved = await h.run('appointment.transition', { id: first.id, to: 'missed', at: now(), followUpId, followUpAssigneeId: h.colleague.id });
    expect(moved).toMatchObject({ ok: true });
    expect((await getRecord(h.db.storage.db, 'followUps', followUpId))?.data).toMatchObject({ assigneeId: h.colleague.id, createdBy: h.worker.id });
    const outsiders = await h.run('appointment.transition', { id: second.id, to: 'missed', at: now(), followUpId: uuidv7(), followUpAssigneeId: h.outsider.id });
    expect(outsiders).toMatchObject({ code: 'not_found', message: 'the follow-up assignee is not an active member of the team' });
    const attended = await h.run('appointment.transition', { id: third.id, to: 'attended', at: now(), followUpAssigneeId: h.colleague.id });
    expect(attended).toMatchObject({ code: 'invalid_args', message: 'followUpAssigneeId goes only with a missed appointment' });
  });

  it('undoes "missed" within the shift: booked again and its follow-up closed, once; not after 12 hours', async () => {
    const clientId = await newClient();
    const [first, second] = [appointmentArgs(clientId), appointmentArgs(clientId)];
    for (const appt of [first, second]) await h.run('appointment.book', appt);
    const followUpId = uuidv7();
    const markedAt = '2030-03-03T22:00:00.000Z';
    await h.run('appointment.transition', { id: first.id, to: 'missed', at: markedAt, followUpId }, h.worker, markedAt);
    const undoneAt = '2030-03-04T09:00:00.000Z'; // 11 hours later
    expect(await h.run('appointment.undoMissed', { id: first.id, at: undoneAt }, h.colleague, undoneAt)).toMatchObject({ ok: true });
    const appointment = (await getRecord(h.db.storage.db, 'appointments', first.id))?.data;
    expect(appointment).toMatchObject({ status: 'booked' });
    expect((appointment?.history as { status: string }[]).map((c) => c.status)).toEqual(['booked', 'missed', 'booked']);
    expect((await getRecord(h.db.storage.db, 'followUps', followUpId))?.data).toMatchObject({ status: 'done', completedBy: h.colleague.id });
    expect(await h.run('appointment.undoMissed', { id: first.id, at: undoneAt }, h.worker, undoneAt)).toMatchObject({ code: 'invalid_transition' });

    await h.run('appointment.transition', { id: second.id, to: 'missed', at: markedAt, followUpId: uuidv7() }, h.worker, markedAt);
    const tooLate = '2030-03-04T10:00:01.000Z'; // 12 hours and a second later
    expect(await h.run('appointment.undoMissed', { id: second.id, at: tooLate }, h.worker, tooLate)).toMatchObject({ code: 'invalid_transition' });
    expect((await getRecord(h.db.storage.db, 'appointments', second.id))?.data).toMatchObject({ status: 'missed' });
  });

  it('refuses the whole transition when the follow-up id is taken, writing nothing', async () => {
    const clientId = await newClient();
    const first = appointmentArgs(clientId);
    const second = appointmentArgs(clientId);
    await h.run('appointment.book', first);
    await h.run('appointment.book', second);
    const followUpId = uuidv7();
    await h.run('appointment.transition', { id: first.id, to: 'missed', at: now(), followUpId });
    expect(await h.run('appointment.transition', { id: second.id, to: 'missed', at: now(), followUpId })).toMatchObject({ code: 'invalid_args', message: 'followUpId: this id cannot be used for a new record' });
    expect((await getRecord(h.db.storage.db, 'appointments', second.id))?.data).toMatchObject({ status: 'booked' });
  });

  it('reschedules only to another booked appointment of the same client', async () => {
    const clientId = await newClient();
    const old = appointmentArgs(clientId);
    const next = appointmentArgs(clientId);
    await h.run('appointment.book', old);
    expect(await h.run('appointment.transition', { id: old.id, to: 'rescheduled', at: now(), rescheduledTo: next.id })).toMatchObject({ code: 'not_found' });
    await h.run('appointment.book', next);
    expect(await h.run('appointment.transition', { id: old.id, to: 'rescheduled', at: now(), rescheduledTo: next.id })).toMatchObject({ ok: true });
    expect((await getRecord(h.db.storage.db, 'appointments', old.id))?.data).toMatchObject({ status: 'rescheduled', rescheduledTo: next.id });
  });

  it('refuses another team’s client, agency or companion', async () => {
    const clientId = await newClient();
    expect(await h.run('appointment.book', appointmentArgs(await newClient(h.outsider)))).toMatchObject({ code: 'not_found' });
    expect(await h.run('appointment.book', appointmentArgs(clientId, { agencyId: outsiderAgencyId }))).toMatchObject({ code: 'not_found' });
    expect(await h.run('appointment.book', appointmentArgs(clientId, { accompaniedBy: h.outsider.id }))).toMatchObject({ code: 'not_found' });
    expect(await h.run('appointment.book', appointmentArgs(clientId, { agencyId: null }))).toMatchObject({ ok: true });
  });

  it('books against a referral of the same client only', async () => {
    const [clientId, otherClient] = [await newClient(), await newClient()];
    const referral = referralArgs(clientId, await consent(clientId));
    await h.run('referral.create', referral);
    const refused = { ok: false, code: 'not_found', message: 'the referral was not found for this client' };
    expect(await h.run('appointment.book', appointmentArgs(otherClient, { referralId: referral.id }))).toEqual(refused);
    expect(await h.run('appointment.book', appointmentArgs(clientId, { referralId: uuidv7() }))).toEqual(refused);
    const appt = appointmentArgs(clientId, { referralId: referral.id });
    expect(await h.run('appointment.book', appt, h.worker, '2030-01-01T00:00:00.000Z')).toEqual({ ok: true, writes: [{ collection: 'appointments', id: appt.id }] });
    expect((await getRecord(h.db.storage.db, 'appointments', appt.id))?.data).toEqual({
      ...appt,
      teamId: h.teamId,
      createdBy: h.worker.id,
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
      status: 'booked',
      history: [{ status: 'booked', at: '2030-01-01T00:00:00.000Z', by: h.worker.id }],
    });
  });

  it('refuses an unknown appointment, and a follow-up or new appointment named with the wrong move', async () => {
    const clientId = await newClient();
    const [appt, next] = [appointmentArgs(clientId), appointmentArgs(clientId)];
    for (const a of [appt, next]) await h.run('appointment.book', a);
    expect(await h.run('appointment.transition', { id: uuidv7(), to: 'attended', at: now() })).toEqual({ ok: false, code: 'not_found', message: 'this appointment was not found' });
    expect(await h.run('appointment.transition', { id: appt.id, to: 'attended', at: now(), followUpId: uuidv7() })).toEqual({
      ok: false,
      code: 'invalid_args',
      message: 'followUpId goes only with a missed appointment',
    });
    expect(await h.run('appointment.transition', { id: appt.id, to: 'attended', at: now(), rescheduledTo: next.id })).toEqual({
      ok: false,
      code: 'invalid_args',
      message: 'rescheduledTo goes only with a rescheduled appointment',
    });
    expect(await h.run('appointment.transition', { id: appt.id, to: 'rescheduled', at: now(), rescheduledTo: appt.id })).toMatchObject({ code: 'not_found' });
    expect((await getRecord(h.db.storage.db, 'appointments', appt.id))?.data).toMatchObject({ status: 'booked' });
  });

  it('never marks missed without its follow-up, nor reschedules without naming the new appointment', async () => {
    const appt = appointmentArgs(await newClient());
    await h.run('appointment.book', appt);
    expect(await h.run('appointment.transition', { id: appt.id, to: 'missed', at: now() })).toMatchObject({ ok: false, code: 'invalid_args', message: expect.stringContaining('followUpId') as unknown });
    expect(await h.run('appointment.transition', { id: appt.id, to: 'rescheduled', at: now() })).toMatchObject({ ok: false, code: 'invalid_args', message: expect.stringContaining('rescheduledTo') as unknown });
  });

  it('undoing "missed" closes only its own open follow-up', async () => {
    const clientId = await newClient();
    const [first, second] = [appointmentArgs(clientId), appointmentArgs(clientId)];
    for (const a of [first, second]) await h.run('appointment.book', a);
    const markedAt = '2030-03-03T22:00:00.000Z';
    const [own, closedEarlier] = [uuidv7(), uuidv7()];
    await h.run('appointment.transition', { id: first.id, to: 'missed', at: markedAt, followUpId: own }, h.worker, markedAt);
    await h.run('followUp.complete', { id: own, at: markedAt }, h.worker, markedAt);
    // A follow-up of another appointment whose notes name this one.
    const mentions = uuidv7();
    await h.run('followUp.create', { id: mentions, clientId, reason: 'other', dueAt: markedAt, assigneeId: null, appointmentId: second.id, notes: `see ${first.id}` });
    await h.run('appointment.transition', { id: second.id, to: 'missed', at: markedAt, followUpId: closedEarlier }, h.worker, markedAt);
    const undoneAt = '2030-03-04T01:00:00.000Z';
    expect(await h.run('appointment.undoMissed', { id: first.id, at: undoneAt }, h.worker, undoneAt)).toEqual({ ok: true, writes: [{ collection: 'appointments', id: first.id }] });
    expect((await getRecord(h.db.storage.db, 'followUps', mentions))?.data).toMatchObject({ status: 'open' });
    expect((await getRecord(h.db.storage.db, 'followUps', own))?.data).toMatchObject({ status: 'done', completedAt: markedAt });
    expect(await h.run('appointment.undoMissed', { id: uuidv7(), at: undoneAt })).toEqual({ ok: false, code: 'not_found', message: 'this appointment was not found' });
    expect(await h.run('appointment.undoMissed', { id: first.id, at: undoneAt }, h.worker, undoneAt)).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: 'only an appointment marked missed in the last 12 hours can be booked again',
    });
  });

  it('clamps a change dated far in the future to the server’s now', async () => {
    const clientId = await newClient();
    const appt = appointmentArgs(clientId);
    await h.run('appointment.book', appt);
    const serverNow = '2030-01-01T00:00:00.000Z';
    await h.run('appointment.transition', { id: appt.id, to: 'attended', at: '2031-01-01T00:00:00.000Z' }, h.worker, serverNow);
    const history = (await getRecord(h.db.storage.db, 'appointments', appt.id))?.data?.history as { at: string }[];
    expect(history.at(-1)?.at).toBe(serverNow);
    // As far ahead as clocks may drift is still believed.
    const [other, edge] = [appointmentArgs(clientId), new Date(Date.parse(serverNow) + MAX_CLOCK_AHEAD_MS).toISOString()];
    await h.run('appointment.book', other);
    await h.run('appointment.transition', { id: other.id, to: 'attended', at: edge }, h.worker, serverNow);
    expect(((await getRecord(h.db.storage.db, 'appointments', other.id))?.data?.history as { at: string }[]).at(-1)?.at).toBe(edge);
  });
});

describe('follow-up commands', () => {
  it('creates an open follow-up, completes it once (keeping who and when), and refuses to complete it again', async () => {
    const clientId = await newClient();
    const id = uuidv7();
    expect(await h.run('followUp.create', { id, clientId, reason: 'check_in', dueAt: now(), assigneeId: h.worker.id })).toMatchObject({ ok: true });
    expect((await getRecord(h.db.storage.db, 'followUps', id))?.data).toMatchObject({ status: 'open', createdBy: h.worker.id });
    const doneAt = '2025-06-01T21:30:00.000Z';
    expect(await h.run('followUp.complete', { id, at: doneAt }, h.colleague)).toMatchObject({ ok: true });
    expect((await getRecord(h.db.storage.db, 'followUps', id))?.data).toMatchObject({ status: 'done', completedBy: h.colleague.id, completedAt: doneAt });
    expect(await h.run('followUp.complete', { id, at: now() })).toMatchObject({ code: 'invalid_transition', message: 'a follow-up cannot go from done to done' });
  });

  it('reassigns an open follow-up to a colleague or to nobody, never outside the team nor once done', async () => {
    const clientId = await newClient();
    const id = uuidv7();
    await h.run('followUp.create', { id, clientId, reason: 'check_in', dueAt: now(), assigneeId: h.worker.id });
    expect(await h.run('followUp.reassign', { id, assigneeId: h.colleague.id })).toMatchObject({ ok: true });
    expect((await getRecord(h.db.storage.db, 'followUps', id))?.data).toMatchObject({ assigneeId: h.colleague.id, status: 'open' });
    expect(await h.run('followUp.reassign', { id, assigneeId: h.outsider.id })).toMatchObject({ code: 'not_found' });
    expect(await h.run('followUp.reassign', { id, assigneeId: null })).toMatchObject({ ok: true });
    expect((await getRecord(h.db.storage.db, 'followUps', id))?.data).toMatchObject({ assigneeId: null });
    await h.run('followUp.complete', { id, at: now() });
    expect(await h.run('followUp.reassign', { id, assigneeId: h.worker.id })).toMatchObject({ code: 'invalid_transition' });
  });

  it('ties a follow-up to an appointment of the same client only', async () => {
    const [clientId, otherClient] = [await newClient(), await newClient()];
    const appt = appointmentArgs(clientId);
    await h.run('appointment.book', appt);
    const base = { reason: 'other', dueAt: now(), assigneeId: null, appointmentId: appt.id };
    expect(await h.run('followUp.create', { ...base, id: uuidv7(), clientId: otherClient })).toEqual({ ok: false, code: 'not_found', message: 'the appointment was not found for this client' });
    const id = uuidv7();
    expect(await h.run('followUp.create', { ...base, id, clientId }, h.worker, '2030-01-01T00:00:00.000Z')).toEqual({ ok: true, writes: [{ collection: 'followUps', id }] });
    expect((await getRecord(h.db.storage.db, 'followUps', id))?.data).toEqual({ ...base, id, clientId, teamId: h.teamId, createdBy: h.worker.id, createdAt: '2030-01-01T00:00:00.000Z', updatedAt: '2030-01-01T00:00:00.000Z', status: 'open' });
    expect(await h.run('followUp.reassign', { id: uuidv7(), assigneeId: null })).toEqual({ ok: false, code: 'not_found', message: 'this follow-up was not found' });
    expect(await h.run('followUp.complete', { id: uuidv7(), at: now() })).toEqual({ ok: false, code: 'not_found', message: 'this follow-up was not found' });
  });

  it('refuses an assignee who has left the team (deactivated)', async () => {
    const left = await buildUser({ teamId: h.teamId, username: `left.${uuidv7().slice(-8)}`, name: 'Left', role: 'outreach_worker', admin: false, password: 'a-long-password-1' }, Date.now());
    await h.db.storage.db.transaction().execute((trx) => insertUserWithRecord(trx, left));
    await updateUser(h.db.storage.db, left.id, { active: false });
    const args = { id: uuidv7(), clientId: await newClient(), reason: 'check_in', dueAt: now(), assigneeId: left.id };
    expect(await h.run('followUp.create', args)).toEqual({ ok: false, code: 'not_found', message: 'the assignee is not an active member of the team' });
  });

  it('refuses an assignee, client or appointment outside the team', async () => {
    const clientId = await newClient();
    const base = { clientId, reason: 'other', dueAt: now(), assigneeId: null };
    expect(await h.run('followUp.create', { ...base, id: uuidv7(), assigneeId: h.outsider.id })).toMatchObject({ code: 'not_found' });
    expect(await h.run('followUp.create', { ...base, id: uuidv7(), clientId: await newClient(h.outsider) })).toMatchObject({ code: 'not_found' });
    expect(await h.run('followUp.create', { ...base, id: uuidv7(), appointmentId: uuidv7() })).toMatchObject({ code: 'not_found' });
    expect(await h.run('followUp.complete', { id: uuidv7(), at: now() })).toMatchObject({ code: 'not_found' });
  });
});
