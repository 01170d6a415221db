import { describe, expect, it } from 'vitest';
import type { AppointmentRecord } from './appointment';
import type { ClientRecord } from './client';
import { clientStory, type ClientRecords } from './client-story';
import type { ConsentRecord } from './consent';
import type { ContactRecord } from './contact';
import type { ReferralRecord } from './referral';

let n = 0;
const id = () => `01a20165-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const own = { teamId: id(), createdBy: id(), createdAt: '2025-01-01T00:00:00.000Z' };
const clientId = id();
const client: ClientRecord = { id: clientId, alias: 'Robin', keyWorkerId: own.createdBy, safetyFlags: ['violent_partner'], ...own, updatedAt: own.createdAt, clocks: {} };
const day = (d: number, h = 12) => new Date(Date.UTC(2025, 0, d, h)).toISOString();
const contact = (d: number): ContactRecord => ({ id: id(), clientId, at: day(d), area: 'Docks', kind: 'street', supplies: { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 }, outcome: 'building_trust', ...own });
const referral = (status: ReferralRecord['status'], d: number): ReferralRecord => ({
  id: id(), clientId, agencyId: id(), need: 'housing', urgency: 'urgent', consentId: id(), consentedSummary: '', sharedFields: [], status,
  ...own, createdAt: day(d), updatedAt: day(d), history: [{ status, at: day(d), by: own.createdBy }],
});
const appointment = (status: AppointmentRecord['status'], d: number): AppointmentRecord => ({
  id: id(), clientId, agencyId: null, at: day(d), place: 'Clinic', status, ...own, updatedAt: day(d), history: [{ status, at: day(d, 9), by: own.createdBy }],
});
const consent = (kind: ConsentRecord['kind'], decision: ConsentRecord['decision'], d: number, agencyId: string | null = null): ConsentRecord => ({
  id: id(), clientId, kind, decision, method: 'verbal', decidedAt: day(d), agencyId, ...own,
});
const agency = id();
const records: ClientRecords = {
  client,
  contacts: [1, 2, 3, 4, 5, 6, 7].map(contact),
  assessments: [
    { id: id(), clientId, assessedAt: day(2), domains: { housing: { need: 'some' } }, ...own },
    { id: id(), clientId, assessedAt: day(6), domains: { housing: { need: 'some', notes: 'hostel' }, mental_health: { need: 'none' }, sexual_health: { need: 'urgent' } }, ...own },
  ],
  consents: [consent('store', 'given', 1), consent('share', 'given', 2, agency), consent('share', 'withdrawn', 5, agency)],
  referrals: [referral('sent', 3), referral('closed', 4), referral('booked', 5)],
  appointments: [appointment('booked', 20), appointment('booked', 15), appointment('missed', 4), appointment('attended', 3)],
  notes: [{ id: id(), clientId, body: 'Prefers evenings', level: 'team', ...own, createdAt: day(7, 13) }],
};
const story = clientStory(records, new Date(day(10)));

describe('clientStory', () => {
  it.each([
    ['key worker', story.keyWorkerId, own.createdBy],
    ['current needs from the latest assessment, urgent first', story.currentNeeds, [{ domain: 'sexual_health', need: 'urgent' }, { domain: 'housing', need: 'some', notes: 'hostel' }]],
    ['open referrals, newest first', story.openReferrals.map((r) => r.status), ['booked', 'sent']],
    ['upcoming appointments, soonest first', story.upcomingAppointments.map((a) => a.at), [day(15), day(20)]],
    ['missed appointments', story.missedAppointments.map((a) => a.status), ['missed']],
    ['the last five contacts, newest first', story.lastContacts.map((c) => c.at), [7, 6, 5, 4, 3].map((d) => day(d))],
    ['safety flags', story.safetyFlags, ['violent_partner']],
    ['consent state: latest per kind and agency', story.consentState.map((c) => `${c.kind}:${c.decision}`), ['share:withdrawn', 'store:given']],
  ] as const)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('merges every kind of record into one timeline, newest first', () => {
    const times = story.timeline.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(story.timeline[0]?.kind).toBe('appointment'); // booked on day 20 at 09:00
    expect(new Set(story.timeline.map((e) => e.kind))).toEqual(new Set(['contact', 'assessment', 'referral', 'appointment', 'note', 'consent']));
    expect(story.timeline).toHaveLength(7 + 2 + 3 + 3 + 4 + 1);
  });

  it('is empty but well-formed for a client with no records', () => {
    const empty = clientStory({ client, contacts: [], assessments: [], consents: [], referrals: [], appointments: [], notes: [] }, new Date());
    expect(empty).toMatchObject({ currentNeeds: [], assessedAt: null, openReferrals: [], timeline: [] });
  });
});
