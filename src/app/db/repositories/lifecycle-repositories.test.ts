import { describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import type { Command } from '../../../shared/sync/commands';
import { createPassthroughCipher } from '../cipher';
import { createTestDb, testSession } from '../test-support';
import { createAppointmentsRepository } from './appointments';
import { createConsentsRepository } from './consents';
import { createContactsRepository } from './contacts';
import { createEncountersRepository } from './encounters';
import { createFollowUpsRepository } from './follow-ups';
import { createReferralsRepository } from './referrals';
import { createSafetyAlertsRepository } from './safety-alerts';

const now = Date.UTC(2025, 0, 10, 12);
function setup() {
  const onLocalWrite = vi.fn();
  const deps = { db: createTestDb(), cipher: createPassthroughCipher(), getSession: () => testSession, onLocalWrite, now: () => now };
  return {
    deps, onLocalWrite,
    encounters: createEncountersRepository(deps), referrals: createReferralsRepository(deps), appointments: createAppointmentsRepository(deps),
    followUps: createFollowUpsRepository(deps), contacts: createContactsRepository(deps), alerts: createSafetyAlertsRepository(deps),
  };
}
const clientId = uuidv7();
const iso = (ms: number) => new Date(ms).toISOString();
const referralId = uuidv7();
const appointmentId = uuidv7();
const encounter: Command[] = [
  { name: 'client.create', args: { id: clientId, profile: { alias: 'Robin' } } },
  { name: 'contact.record', args: { id: uuidv7(), clientId, at: iso(now), area: 'Docks', kind: 'street', supplies: { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 }, outcome: 'referral_made' } },
  { name: 'referral.create', args: { id: referralId, clientId, agencyId: uuidv7(), need: 'housing', urgency: 'urgent', consentId: uuidv7(), consentedSummary: '', sharedFields: [], status: 'sent' } },
  { name: 'appointment.book', args: { id: appointmentId, clientId, agencyId: null, at: iso(now + 86_400_000), place: 'Clinic' } },
];

describe('lifecycle repositories', () => {
  it('a person withdraws consent to share with one agency: a new consent event, queued, newest first', async () => {
    const r = setup();
    const consents = createConsentsRepository(r.deps);
    const agencyId = uuidv7();
    await r.encounters.record([encounter[0] as Command, { name: 'consent.record', args: { id: uuidv7(), clientId, kind: 'share', decision: 'given', method: 'verbal', decidedAt: iso(now - 1000), agencyId } }]);
    const withdrawal = await consents.withdrawShare(clientId, agencyId);
    expect(withdrawal).toMatchObject({ clientId, kind: 'share', decision: 'withdrawn', agencyId, decidedAt: iso(now), createdBy: testSession.userId });
    expect((await consents.forClient(clientId)).map((c) => c.decision)).toEqual(['withdrawn', 'given']);
    expect((await r.deps.db.outbox.toArray()).map((e) => e.name)).toEqual(['client.create', 'consent.record', 'consent.record']);
  });

  it('records an encounter in one write and reads it back per client', async () => {
    const r = setup();
    const results = await r.encounters.record(encounter);
    expect(results).toHaveLength(4);
    expect(r.onLocalWrite).toHaveBeenCalledTimes(1);
    expect(await r.contacts.recent(5)).toHaveLength(1);
    expect((await r.referrals.open()).map((x) => x.id)).toEqual([referralId]);
    expect((await r.appointments.upcoming(new Date(now))).map((x) => x.id)).toEqual([appointmentId]);
  });

  it('moves a referral along the state machine and refuses a move it does not allow', async () => {
    const r = setup();
    await r.encounters.record(encounter);
    expect(await r.referrals.transition(referralId, 'acknowledged')).toMatchObject({ status: 'acknowledged', history: [{ status: 'sent' }, { status: 'acknowledged' }] });
    await expect(r.referrals.transition(referralId, 'attended')).rejects.toThrow(/not attended/);
    await r.referrals.transition(referralId, 'closed');
    expect(await r.referrals.open()).toEqual([]);
  });

  it('a missed appointment opens my follow-up in the same write, and it can be completed', async () => {
    const r = setup();
    await r.encounters.record(encounter);
    const outboxBefore = await r.deps.db.outbox.count();
    expect(await r.appointments.transition(appointmentId, 'missed')).toMatchObject({ status: 'missed' });
    expect(await r.deps.db.outbox.count()).toBe(outboxBefore + 1);
    const [followUp] = await r.followUps.mine(testSession.userId);
    expect(followUp).toMatchObject({ clientId, appointmentId, reason: 'missed_appointment', status: 'open', dueAt: iso(now + 2 * 86_400_000) });
    await r.followUps.complete(followUp!.id);
    expect(await r.followUps.mine(testSession.userId)).toEqual([]);
    expect(await r.followUps.forClient(clientId)).toMatchObject([{ status: 'done' }]);
    await expect(r.appointments.transition(appointmentId, 'attended')).rejects.toThrow(/cannot become/);
  });

  it('shows only unexpired safety alerts, newest first', async () => {
    const r = setup();
    await r.alerts.raise('Docks', 'Car circling', iso(now + 3_600_000));
    await r.alerts.raise('Market', 'Old one', iso(now - 1));
    expect((await r.alerts.active(new Date(now))).map((a) => a.message)).toEqual(['Car circling']);
  });
});
