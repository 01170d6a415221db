import { describe, expect, it } from 'vitest';
import type { AppointmentRecord } from './appointment';
import type { AssessmentRecord } from './assessment';
import type { ConsentRecord } from './consent';
import type { ContactRecord } from './contact';
import type { DutyToNotifyRecord } from './duty-to-notify';
import type { NrmReferralRecord, NrmStatus } from './nrm';
import type { ReferralRecord } from './referral';
import { buildReport, firstContactTimes, isOutOfHours, suppressSmall, type ReportRecords } from './report';

let n = 0;
const id = () => `01a20165-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const [sam, kim, robin, ash, jo, clinic, hostel] = [id(), id(), id(), id(), id(), id(), id()];
const own = (by = sam) => ({ teamId: id(), createdBy: by, createdAt: '2026-01-01T00:00:00.000Z' });
// November 2026 in London is GMT (UTC+0): local and UTC hours agree.
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
const TZ = 'Europe/London';

const contact = (clientId: string | null, when: string, extra: Partial<ContactRecord> = {}): ContactRecord => ({
  id: id(), clientId, at: when, area: 'Docks', kind: 'street', outcome: 'support_given', supplies: { condoms: 2, needles: 0, naloxone: 0, food: 1, hygienePacks: 0 }, ...own(), ...extra,
});
const assessment = (clientId: string, when: string, domains: AssessmentRecord['domains'], extra: Partial<AssessmentRecord> = {}): AssessmentRecord => ({ id: id(), clientId, assessedAt: when, domains, ...own(), ...extra });
const referral = (clientId: string, agencyId: string, status: ReferralRecord['status'], when: string): ReferralRecord => ({
  id: id(), clientId, agencyId, need: 'housing', urgency: 'soon', consentId: id(), consentedSummary: '', sharedFields: [], status, ...own(), createdAt: when, updatedAt: when, history: [],
});
const appointment = (status: AppointmentRecord['status'], when: string, accompaniedBy: string | null = null): AppointmentRecord => ({
  id: id(), clientId: robin, agencyId: clinic, at: when, place: 'Door', status, accompaniedBy, ...own(), updatedAt: when, history: [],
});
const consent = (kind: ConsentRecord['kind'], decision: ConsentRecord['decision'], when: string): ConsentRecord => ({ id: id(), clientId: robin, kind, decision, method: 'verbal', decidedAt: when, ...own() });

function records(): ReportRecords {
  const superseded = assessment(robin, at(5, 22), { housing: { need: 'urgent' } });
  const contacts = [
    contact(robin, at(3, 22), { outcome: 'building_trust', supplies: { condoms: 10, needles: 5, naloxone: 1, food: 0, hygienePacks: 2 } }), // Tue 22:00: out of hours
    contact(robin, at(10, 12)), // Tue 12:00
    contact(ash, at(7, 14), { outcome: 'building_trust' }), // Saturday: out of hours
    contact(null, at(4, 8), { area: 'Market' }), // 08:00: out of hours, anonymous
    contact(ash, at(20, 23), { createdBy: kim }), // Friday 23:00: out of hours
    contact(ash, '2026-10-20T12:00:00.000Z'), // before: Ash is returning
    contact(jo, '2026-12-01T00:00:00.000Z'), // after the period
  ];
  return {
    contacts,
    firstContactAt: firstContactTimes(contacts),
    assessments: [
      superseded,
      assessment(robin, at(6, 22), { housing: { need: 'some' }, mental_health: { need: 'urgent' } }, { corrects: superseded.id }),
      assessment(robin, at(2, 22), { housing: { need: 'urgent' } }),
      assessment(ash, at(7, 14), { housing: { need: 'urgent' }, mental_health: { need: 'none' } }),
      assessment(jo, '2026-10-01T00:00:00.000Z', { housing: { need: 'urgent' } }),
    ],
    referrals: [referral(robin, hostel, 'sent', at(3, 23)), referral(ash, hostel, 'attended', at(8, 10)), referral(ash, clinic, 'declined', at(9, 10)), referral(jo, clinic, 'sent', '2026-10-02T00:00:00.000Z')],
    appointments: [appointment('attended', at(12, 10), sam), appointment('missed', at(13, 10)), appointment('booked', at(28, 10), kim), appointment('attended', '2026-12-02T10:00:00.000Z')],
    consents: [consent('nrm', 'given', at(4, 1)), consent('nrm', 'declined', at(4, 2)), consent('duty_to_notify', 'given', at(5, 1)), consent('child_safeguarding', 'given', at(6, 1)), consent('nrm', 'given', '2026-10-01T00:00:00.000Z')],
    nrmReferrals: [nrmReferral(robin, '2026-11-04', 'rg_positive'), nrmReferral(ash, '2026-10-30', 'referred')],
    dutyToNotify: [dutyToNotify('2026-11-05'), dutyToNotify('2026-12-01')],
  };
}

function nrmReferral(clientId: string, referredOn: string, status: NrmStatus): NrmReferralRecord {
  return {
    id: id(),
    clientId, route: 'adult', consentId: null, firstResponder: 'Outreach', referredOn, reference: null, status, decisions: {},
    ...own(), updatedAt: `${referredOn}T20:00:00.000Z`, history: [],
  };
}

function dutyToNotify(notifiedOn: string): DutyToNotifyRecord {
  return { id: id(), notifiedOn, exploitation: 'sexual', reference: null, ...own() };
}

const november = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: TZ };

describe('buildReport', () => {
  it('counts each figure for the period', () => {
    const report = buildReport(records(), november);
    expect(report.contacts).toEqual({ total: 5, known: 4, anonymous: 1, outOfHours: 4, buildingTrust: 2, byKind: [{ kind: 'street', count: 5 }] });
    expect(report.people).toEqual({ unique: 2, new: 1, returning: 1 });
    expect(report.needs.find((d) => d.domain === 'housing')).toEqual({ domain: 'housing', some: 1, urgent: 1 });
    expect(report.needs.find((d) => d.domain === 'mental_health')).toEqual({ domain: 'mental_health', some: 0, urgent: 1 });
    expect(report.needs.filter((d) => d.some + d.urgent > 0)).toHaveLength(2);
    expect(report.referrals).toEqual({
      total: 3,
      byAgency: [
        { agencyId: hostel, count: 2 },
        { agencyId: clinic, count: 1 },
      ],
      byStatus: [
        { status: 'sent', count: 1 },
        { status: 'attended', count: 1 },
        { status: 'declined', count: 1 },
      ],
    });
    expect(report.appointments).toEqual({ due: 3, attended: 1, missed: 1, stillBooked: 1, accompanied: 2 });
    // The NRM referral made in November (not October's); a Duty to Notify as its own record and as a consent event from before.
    expect(report.legal).toEqual({ nrmReferrals: 1, nrmByStatus: [{ status: 'rg_positive', count: 1 }], dutyToNotify: 2, childSafeguarding: 1 });
    expect(report.supplies).toEqual({ condoms: 18, needles: 5, naloxone: 1, food: 4, hygienePacks: 2 });
    expect(report.weekly).toEqual([
      { weekStart: '2026-11-02', contacts: 3 },
      { weekStart: '2026-11-09', contacts: 1 },
      { weekStart: '2026-11-16', contacts: 1 },
    ]);
  });

  it('narrows to one area or one worker', () => {
    expect(buildReport(records(), { ...november, area: 'Market' }).contacts).toEqual({ total: 1, known: 0, anonymous: 1, outOfHours: 1, buildingTrust: 0, byKind: [{ kind: 'street', count: 1 }] });
    const kims = buildReport(records(), { ...november, workerId: kim });
    expect(kims.contacts.total).toBe(1);
    expect(kims.referrals.total).toBe(0);
  });

  it('starts a period at its first instant and ends it before its last', () => {
    const edge = { contacts: [contact(robin, november.from), contact(ash, november.to)], assessments: [], referrals: [], appointments: [], consents: [], nrmReferrals: [], dutyToNotify: [], firstContactAt: new Map() };
    expect(buildReport(edge, november).contacts.total).toBe(1);
  });

  it('says out of hours in the team’s time zone', () => {
    // 08:30 UTC in June is 09:30 in London (BST): office hours there.
    expect(isOutOfHours('2026-06-03T08:30:00.000Z', 'Europe/London')).toBe(false);
    expect(isOutOfHours('2026-06-03T08:30:00.000Z', 'UTC')).toBe(true);
    expect(isOutOfHours('2026-06-03T16:59:00.000Z', 'UTC')).toBe(false);
    expect(isOutOfHours('2026-06-03T17:00:00.000Z', 'UTC')).toBe(true);
  });
});

describe('firstContactTimes', () => {
  it('keeps each person’s earliest contact, whatever the order and offset', () => {
    const first = firstContactTimes([contact(robin, at(9, 10)), contact(robin, '2026-11-09T10:30:00+01:00'), contact(null, at(1, 1)), contact(ash, at(2, 2))]);
    expect(first).toEqual(new Map([[robin, '2026-11-09T10:30:00+01:00'], [ash, at(2, 2)]]));
  });
});

describe('suppressSmall', () => {
  it.each([
    [0, '0'],
    [1, '<5'],
    [4, '<5'],
    [5, '5'],
    [120, '120'],
  ])('%i → %s', (value, shown) => {
    expect(suppressSmall(value)).toBe(shown);
  });
});
