import { describe, expect, it } from 'vitest';
import type { AppointmentRecord } from './appointment';
import type { AssessmentRecord } from './assessment';
import type { NrmReferralRecord, NrmStatus } from './nrm';
import type { CaseloadFilter, CaseloadRecords, CaseloadRow, CaseloadSortKey } from './caseload';
import { caseloadRows, noCaseloadFilter, selectCaseload } from './caseload';
import type { ClientRecord } from './client';
import type { ContactRecord } from './contact';
import type { FollowUpRecord } from './follow-up';
import type { ReferralRecord } from './referral';

let n = 0;
const id = () => `01a20165-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const [sam, kim] = [id(), id()];
const own = { teamId: id(), createdBy: sam, createdAt: '2025-01-01T00:00:00.000Z' };
const day = (d: number, h = 12) => new Date(Date.UTC(2025, 0, d, h)).toISOString();
const NOW = new Date(day(40));

const client = (alias: string, extra: Partial<ClientRecord> = {}): ClientRecord => ({ id: id(), alias, ...own, updatedAt: own.createdAt, clocks: {}, ...extra });
const contact = (clientId: string | null, d: number): ContactRecord => ({
  id: id(), clientId, at: day(d), area: 'Docks', kind: 'street', supplies: { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 }, outcome: 'building_trust', ...own,
});
const assessment = (clientId: string, d: number, domains: AssessmentRecord['domains'], corrects?: string): AssessmentRecord => ({ id: id(), clientId, assessedAt: day(d), domains, ...own, ...(corrects ? { corrects } : {}) });
const referral = (clientId: string, need: ReferralRecord['need'], status: ReferralRecord['status'], d: number): ReferralRecord => ({
  id: id(), clientId, agencyId: id(), need, urgency: 'urgent', consentId: id(), consentedSummary: '', sharedFields: [], status, ...own, createdAt: day(d), updatedAt: day(d), history: [],
});
const appointment = (clientId: string, status: AppointmentRecord['status'], d: number): AppointmentRecord => ({
  id: id(), clientId, agencyId: null, at: day(d), place: 'Clinic', status, ...own, updatedAt: day(d), history: [],
});
const followUp = (clientId: string, status: FollowUpRecord['status'], appointmentId: string | null = null): FollowUpRecord => ({
  id: id(), clientId, reason: 'missed_appointment', dueAt: day(30), assigneeId: sam, appointmentId, status, ...own, updatedAt: day(30),
});

/** Robin: Sam's, seen recently, urgent housing referred and urgent mental health not; missed twice, one followed up. */
const nrmReferral = (clientId: string, status: NrmStatus, d: number): NrmReferralRecord => ({
  id: id(), clientId, route: 'adult', consentId: null, firstResponder: 'Outreach', referredOn: day(d).slice(0, 10), reference: null, status, decisions: {}, ...own, createdAt: day(d), updatedAt: day(d), history: [],
});

function world(): { records: CaseloadRecords; robin: ClientRecord; ash: ClientRecord; jo: ClientRecord } {
  const robin = client('Robin', { keyWorkerId: sam, safetyFlags: ['violent_partner', 'being_watched'] });
  const ash = client('ash', { keyWorkerId: kim });
  const jo = client('Jo');
  const [missedOnce, missedTwice] = [appointment(robin.id, 'missed', 10), appointment(robin.id, 'missed', 20)];
  const superseded = assessment(robin.id, 30, { gp_physical_health: { need: 'urgent' } });
  return {
    robin,
    ash,
    jo,
    records: {
      clients: [robin, ash, jo],
      contacts: [contact(robin.id, 35), contact(robin.id, 38), contact(robin.id, 2), contact(ash.id, 5), contact(null, 39)],
      assessments: [
        assessment(robin.id, 3, { sexual_health: { need: 'urgent' } }),
        superseded,
        assessment(robin.id, 31, { housing: { need: 'urgent' }, mental_health: { need: 'urgent' }, drugs_alcohol: { need: 'some' } }, superseded.id),
        assessment(ash.id, 6, { housing: { need: 'urgent' } }),
      ],
      referrals: [referral(robin.id, 'housing', 'acknowledged', 32), referral(robin.id, 'housing', 'sent', 33), referral(robin.id, 'mental_health', 'closed', 20), referral(ash.id, 'housing', 'declined', 7)],
      appointments: [missedOnce, missedTwice, appointment(robin.id, 'booked', 50), appointment(robin.id, 'booked', 45), appointment(robin.id, 'booked', 39), appointment(ash.id, 'attended', 8)],
      followUps: [followUp(robin.id, 'done', missedOnce.id), followUp(robin.id, 'open', missedTwice.id), followUp(robin.id, 'open'), followUp(ash.id, 'done')],
      // Robin's later NRM referral is the one that counts.
      nrmReferrals: [nrmReferral(robin.id, 'rg_negative', 10), nrmReferral(robin.id, 'rg_positive', 34)],
    },
  };
}

const rowOf = (rows: readonly CaseloadRow[], clientId: string): CaseloadRow => {
  const row = rows.find((r) => r.clientId === clientId);
  if (row === undefined) throw new Error('no row');
  return row;
};

describe('caseloadRows', () => {
  it('builds what a lead needs to see about each person', () => {
    const { records, robin } = world();
    expect(rowOf(caseloadRows(records, NOW), robin.id)).toEqual({
      clientId: robin.id,
      alias: 'Robin',
      keyWorkerId: sam,
      lastContactAt: day(38),
      urgentNeeds: ['mental_health', 'housing'],
      urgentWithoutReferral: ['mental_health'],
      openReferrals: [expect.objectContaining({ status: 'acknowledged', createdAt: day(32), need: 'housing' }), expect.objectContaining({ status: 'sent', createdAt: day(33) })],
      nextAppointmentAt: day(45),
      missedAppointments: 2,
      missedWithoutFollowUpDone: 1,
      openFollowUps: 2,
      safetyFlags: ['violent_partner', 'being_watched'],
      nrm: 'rg_positive',
    });
  });

  it('keeps everyone, never-seen and long-unseen alike, in alias order whatever the case', () => {
    const { records, jo, ash } = world();
    const rows = caseloadRows(records, NOW);
    expect(rows.map((r) => r.alias)).toEqual(['ash', 'Jo', 'Robin']);
    expect(rowOf(rows, jo.id)).toMatchObject({ keyWorkerId: null, lastContactAt: null, urgentNeeds: [], openReferrals: [], nextAppointmentAt: null, missedAppointments: 0, openFollowUps: 0, safetyFlags: [], nrm: null });
    expect(rowOf(rows, ash.id)).toMatchObject({ lastContactAt: day(5), urgentWithoutReferral: ['housing'], openReferrals: [] });
  });

  it('counts an appointment due this very moment as next', () => {
    const { records, jo } = world();
    const at = appointment(jo.id, 'booked', 40);
    expect(rowOf(caseloadRows({ ...records, appointments: [at] }, new Date(at.at)), jo.id).nextAppointmentAt).toBe(at.at);
  });
});

describe('selectCaseload', () => {
  const select = (filter: Partial<CaseloadFilter>, key: CaseloadSortKey = 'alias', direction: 'ascending' | 'descending' = 'ascending') => {
    const { records } = world();
    return selectCaseload(caseloadRows(records, NOW), { ...noCaseloadFilter, ...filter }, { key, direction }, NOW, new Map([[sam, 'Sam'], [kim, 'Kim']])).map((r) => r.alias);
  };

  it.each<[string, Partial<CaseloadFilter>, string[]]>([
    ['everyone', {}, ['ash', 'Jo', 'Robin']],
    ['one key worker’s', { keyWorker: { kind: 'worker', userId: kim } }, ['ash']],
    ['nobody’s', { keyWorker: { kind: 'none' } }, ['Jo']],
    ['not seen for 30 days (never seen included)', { notSeenForDays: 30 }, ['ash', 'Jo']],
    ['not seen for exactly 35 days, and more', { notSeenForDays: 35 }, ['ash', 'Jo']],
    ['not seen for 2 days: seen 2 days ago counts', { notSeenForDays: 2 }, ['ash', 'Jo', 'Robin']],
    ['not seen for 3 days', { notSeenForDays: 3 }, ['ash', 'Jo']],
    ['an urgent need with no open referral', { urgentWithoutReferral: true }, ['ash', 'Robin']],
    ['a missed appointment with no follow-up done', { missedWithoutFollowUp: true }, ['Robin']],
    ['an alias, any case, trimmed', { alias: '  rOB ' }, ['Robin']],
    ['several at once', { urgentWithoutReferral: true, keyWorker: { kind: 'worker', userId: sam } }, ['Robin']],
  ])('filters: %s', (_label, filter, expected) => {
    expect(select(filter)).toEqual(expected);
  });

  it.each<[CaseloadSortKey, string[]]>([
    ['alias', ['ash', 'Jo', 'Robin']],
    ['keyWorker', ['Jo', 'ash', 'Robin']],
    ['lastContact', ['Jo', 'ash', 'Robin']],
    ['urgentNeeds', ['Jo', 'ash', 'Robin']],
    ['openReferrals', ['ash', 'Jo', 'Robin']],
    ['nextAppointment', ['Robin', 'ash', 'Jo']],
    ['missedAppointments', ['ash', 'Jo', 'Robin']],
    ['openFollowUps', ['ash', 'Jo', 'Robin']],
    ['safetyFlags', ['ash', 'Jo', 'Robin']],
  ])('sorts by %s, ties by alias, and reverses', (key, ascending) => {
    expect(select({}, key)).toEqual(ascending);
    const descending = select({}, key, 'descending');
    expect(descending).toHaveLength(3);
    // Reversed except that ties keep alias order.
    expect(descending[0]).toBe(key === 'nextAppointment' ? 'ash' : ascending.at(-1));
  });
});
