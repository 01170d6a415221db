import { describe, expect, it } from 'vitest';
import type { AppointmentRecord } from './appointment';
import type { ClientRecord } from './client';
import { clientStory, type ClientRecords, type ClientStory } from './client-story';
import type { ConsentRecord } from './consent';
import type { ContactRecord } from './contact';
import type { FollowUpRecord } from './follow-up';
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
const followUp = (status: FollowUpRecord['status'], d: number): FollowUpRecord => ({
  id: id(), clientId, reason: 'missed_appointment', dueAt: day(d), assigneeId: own.createdBy, status, ...own, updatedAt: day(d),
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
  appointments: [appointment('booked', 20), appointment('booked', 8), appointment('booked', 15), appointment('missed', 4), appointment('attended', 3), appointment('booked', 2)],
  followUps: [followUp('open', 12), { ...followUp('done', 5), completedAt: day(6) }, followUp('open', 9), { ...followUp('done', 3), completedAt: day(7) }],
  notes: [{ id: id(), clientId, body: 'Prefers evenings', level: 'team', ...own, createdAt: day(7, 13) }],
};
// Built inside each test, not once for the file, so that what a test checks is computed
// while it runs (mutation testing attributes code to the test that ran it).
const storyOf = (input: ClientRecords = records) => clientStory(input, new Date(day(10)));

describe('clientStory', () => {
  it.each([
    ['key worker', (s: ClientStory) => s.keyWorkerId, own.createdBy],
    ['current needs from the latest assessment, urgent first', (s: ClientStory) => s.currentNeeds, [{ domain: 'sexual_health', need: 'urgent' }, { domain: 'housing', need: 'some', notes: 'hostel' }]],
    ['when the latest assessment was made', (s: ClientStory) => s.assessedAt, day(6)],
    ['open referrals, newest first', (s: ClientStory) => s.openReferrals.map((r) => r.status), ['booked', 'sent']],
    ['upcoming appointments, soonest first', (s: ClientStory) => s.upcomingAppointments.map((a) => a.at), [day(15), day(20)]],
    ['past appointments still booked, awaiting an outcome', (s: ClientStory) => s.awaitingOutcome.map((a) => a.at), [day(2), day(8)]],
    ['open follow-ups, soonest due first', (s: ClientStory) => s.openFollowUps.map((f) => f.dueAt), [day(9), day(12)]],
    ['follow-ups done, most recent first', (s: ClientStory) => s.doneFollowUps.map((f) => f.completedAt), [day(7), day(6)]],
    ['missed appointments', (s: ClientStory) => s.missedAppointments.map((a) => a.status), ['missed']],
    ['the last five contacts, newest first', (s: ClientStory) => s.lastContacts.map((c) => c.at), [7, 6, 5, 4, 3].map((d) => day(d))],
    ['safety flags', (s: ClientStory) => s.safetyFlags, ['violent_partner']],
    ['consent state: latest per kind and agency', (s: ClientStory) => s.consentState.map((c) => `${c.kind}:${c.decision}`), ['share:withdrawn', 'store:given']],
  ] as const)('%s', (_name, read, expected) => {
    expect(read(storyOf())).toEqual(expected);
  });

  it('orders by time whatever order the records come in, and not by when they were made', () => {
    const shuffled: ClientRecords = {
      ...records,
      contacts: [...records.contacts].reverse(),
      assessments: [...records.assessments].reverse(),
      consents: [...records.consents].reverse(),
      referrals: [referral('sent', 5), referral('booked', 3), referral('acknowledged', 4)],
      appointments: [appointment('missed', 2), appointment('booked', 20), appointment('missed', 6), appointment('booked', 15), appointment('missed', 4)],
    };
    const story = storyOf(shuffled);
    expect(story.lastContacts.map((c) => c.at)).toEqual([7, 6, 5, 4, 3].map((d) => day(d)));
    expect(story.currentNeeds.map((n) => n.domain)).toEqual(['sexual_health', 'housing']);
    expect(story.consentState.map((c) => `${c.kind}:${c.decision}`)).toEqual(['share:withdrawn', 'store:given']);
    expect(story.openReferrals.map((r) => r.status)).toEqual(['sent', 'acknowledged', 'booked']);
    expect(story.upcomingAppointments.map((a) => a.at)).toEqual([day(15), day(20)]);
    expect(story.missedAppointments.map((a) => a.at)).toEqual([day(6), day(4), day(2)]);
  });

  it('orders by when things happened, not by when their records were made', () => {
    // Each list is made newest first, so record ids run against time.
    const late = [contact(9), contact(8)];
    const assessments = [
      { id: id(), clientId, assessedAt: day(9), domains: { housing: { need: 'urgent' as const } }, ...own },
      { id: id(), clientId, assessedAt: day(8), domains: { housing: { need: 'some' as const } }, ...own },
    ];
    const consents = [consent('store', 'withdrawn', 9), consent('store', 'given', 8)];
    const story = storyOf({ ...records, contacts: late, assessments, consents });
    expect(story.lastContacts.map((c) => c.at)).toEqual([day(9), day(8)]);
    expect(story.currentNeeds).toEqual([{ domain: 'housing', need: 'urgent' }]);
    expect(story.consentState.map((c) => c.decision)).toEqual(['withdrawn']);
  });

  it('keeps consent to share per agency', () => {
    const [one, two] = [id(), id()];
    const story = storyOf({ ...records, consents: [consent('share', 'given', 2, one), consent('share', 'withdrawn', 3, two)] });
    expect(story.consentState.map((c) => `${c.agencyId}:${c.decision}`)).toEqual([`${two}:withdrawn`, `${one}:given`]);
  });

  it('shows as upcoming only what is still booked from now on', () => {
    const appointments = [appointment('cancelled', 20), appointment('booked', 2), appointment('booked', 10), { ...appointment('booked', 10), at: day(10, 11) }];
    const story = storyOf({ ...records, appointments });
    expect(story.upcomingAppointments.map((a) => a.at)).toEqual([day(10)]);
  });

  it('reads needs from the correction, not from the assessment it corrects', () => {
    const latest = records.assessments[1];
    if (latest === undefined) throw new Error('fixture');
    // The corrected one stays the newest by date; its correction is what counts.
    const correction = { ...latest, id: id(), assessedAt: day(4), corrects: latest.id, domains: { housing: { need: 'urgent' as const } } };
    const story = storyOf({ ...records, assessments: [...records.assessments, correction] });
    expect(story.currentNeeds).toEqual([{ domain: 'housing', need: 'urgent' }]);
    expect(story.assessedAt).toBe(day(4));
  });

  it('has no key worker and no safety flags for a client who has none', () => {
    const { keyWorkerId: _k, safetyFlags: _f, ...bare } = client;
    const story = storyOf({ ...records, client: bare });
    expect(story.keyWorkerId).toBeNull();
    expect(story.safetyFlags).toEqual([]);
  });

  it('merges every kind of record into one timeline, newest first', () => {
    const story = storyOf();
    const times = story.timeline.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(story.timeline[0]?.kind).toBe('appointment'); // booked on day 20 at 09:00
    expect(new Set(story.timeline.map((e) => e.kind))).toEqual(new Set(['contact', 'assessment', 'referral', 'appointment', 'note', 'consent']));
    expect(story.timeline).toHaveLength(7 + 2 + 3 + 3 + 6 + 1);
  });

  it("keeps the newest note for the next worker, however many contacts came after it", () => {
    const withNote = (d: number, summary: string): ContactRecord => ({ ...contact(d), summary });
    const contacts = [withNote(1, 'Old news'), withNote(2, 'Ask about the dog'), ...[3, 4, 5, 6, 7, 8].map(contact), withNote(9, '   ')];
    expect(storyOf({ ...records, contacts }).forNextWorker).toMatchObject({ at: day(2), summary: 'Ask about the dog' });
    expect(storyOf().forNextWorker).toBeNull();
  });

  it('is empty but well-formed for a client with no records', () => {
    const empty = clientStory({ client, contacts: [], assessments: [], consents: [], referrals: [], appointments: [], notes: [] }, new Date());
    expect(empty).toMatchObject({ currentNeeds: [], assessedAt: null, openReferrals: [], timeline: [], forNextWorker: null });
  });
});
