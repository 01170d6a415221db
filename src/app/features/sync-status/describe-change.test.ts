import { describe, expect, it } from 'vitest';
import { noSupplies } from '../../../shared/domain/contact';
import { commandNames, type Command } from '../../../shared/sync/commands';
import { describeChange, type ChangeNames } from './describe-change';

const clientId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const agencyId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01';
const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a99';
const at = '2026-11-22T23:30:00.000Z';
const names: ChangeNames = { client: (i) => (i === clientId ? 'Kestrel' : undefined), agency: (i) => (i === agencyId ? 'Clinic 5' : undefined) };

const examples: Command[] = [
  { name: 'client.create', args: { id: clientId, profile: { alias: 'Kestrel', usualAreas: ['Docks', 'Pier'], legalName: null, mayBeUnder18: false } } },
  { name: 'client.update', args: { id: clientId, set: { pronouns: 'they/them', keyWorkerId: id }, seen: {} } },
  { name: 'contact.record', args: { id, clientId, at, area: 'Docks', kind: 'drop_in', supplies: { ...noSupplies, condoms: 1 }, outcome: 'building_trust', summary: 'Ask about the dog' } },
  { name: 'assessment.record', args: { id, clientId, assessedAt: at, domains: { housing: { need: 'urgent' }, mental_health: { need: 'not_asked' } } } },
  { name: 'consent.record', args: { id, clientId, kind: 'share', decision: 'given', method: 'verbal', decidedAt: at, agencyId } },
  { name: 'note.add', args: { id, clientId, body: 'Prefers evenings', level: 'team' } },
  { name: 'safetyAlert.raise', args: { id, area: 'Canal Street', message: 'Car circling', expiresAt: at } },
  { name: 'referral.create', args: { id, clientId, agencyId, need: 'housing', urgency: 'urgent', consentId: id, consentedSummary: 'x', sharedFields: ['alias'], status: 'sent' } },
  { name: 'referral.transition', args: { id, to: 'acknowledged', at } },
  { name: 'appointment.book', args: { id, clientId, agencyId, at, place: 'Front desk' } },
  { name: 'appointment.transition', args: { id, to: 'missed', at, followUpId: id } },
  { name: 'followUp.create', args: { id, clientId, reason: 'missed_appointment', dueAt: at, assigneeId: null } },
  { name: 'followUp.complete', args: { id, at } },
  { name: 'reviewItem.resolve', args: { id, keep: 'other', at } },
  { name: 'safetyAlert.withdraw', args: { id, at } },
  { name: 'appointment.undoMissed', args: { id, at } },
  { name: 'followUp.reassign', args: { id, assigneeId: null } },
  {
    name: 'agency.create',
    args: { id, profile: { name: 'Night Clinic', services: ['sexual_health'], openingHours: [], outOfHours: true, fastTrack: false, womenOnly: false, transInclusive: true, howToRefer: 'Walk in' } },
  },
  { name: 'agency.update', args: { id: agencyId, set: { phone: '01632 960999', noIdNeeded: true }, seen: {} } },
  { name: 'agency.archive', args: { id: agencyId, archived: true } },
  { name: 'observation.record', args: { id, clientId, observedAt: at, cues: ['someone_else_answered', 'others_hold_documents'] } },
  { name: 'nrm.refer', args: { id, clientId, route: 'adult', consentId: id, firstResponder: 'Night Outreach', referredOn: '2026-11-22', reference: null, followUpId: id } },
  { name: 'nrm.record', args: { id, to: 'rg_positive', on: '2026-12-01', followUpId: id, at } },
  { name: 'dutyToNotify.record', args: { id, notifiedOn: '2026-11-22', exploitation: 'sexual', reference: null } },
];

describe('a waiting change in words', () => {
  it('has an example of every command', () => {
    expect(examples.map((c) => c.name).sort()).toEqual([...commandNames].sort());
  });

  it.each([
    [0, 'New client: Kestrel', ['Legal name: cleared', 'May be under 18: no', 'Usual areas: Docks, Pier']],
    [1, 'Profile change: Kestrel', ['Pronouns: they/them', 'Key worker: assigned']],
    [2, 'Contact in Docks', [expect.stringContaining('Kestrel'), 'At a drop-in', 'Building trust', '1 condom', 'For the next worker: Ask about the dog']],
    [3, 'Assessment: Kestrel', ['Housing: Urgent']],
    [4, 'Consent: Kestrel', ['Given to share with Clinic 5', expect.any(String)]],
    [7, 'Referral to Clinic 5', ['Kestrel: Housing']],
    [10, 'Appointment update', ['Now missed', expect.any(String)]],
    [11, 'Follow-up: Kestrel', ['Missed appointment', expect.stringMatching(/^Due /)]],
    [17, 'New agency: Night Clinic', [expect.stringMatching(/^Sexual health/)]],
    [18, 'Agency change: Clinic 5', ['Phone', 'No ID or address needed']],
    [19, 'Agency archived: Clinic 5', []],
    [20, 'What you noticed: Kestrel', ['Someone else answered or interpreted for them', 'Someone else holds their ID or documents']],
    [21, 'NRM referral: Kestrel', ['By Night Outreach', 'Referred 22 Nov 2026']],
    [22, 'NRM update', ['Positive reasonable grounds decision', '1 Dec 2026']],
    [23, 'Duty to Notify (anonymous)', ['Sexual exploitation', '22 Nov 2026']],
  ] as const)('example %i reads as "%s"', (index, title, details) => {
    const command = examples[index];
    if (command === undefined) throw new Error('no example');
    expect(describeChange(command, names)).toEqual({ title, details });
  });

  it('never shows an id or JSON, and names what it does not know plainly', () => {
    const unknown: ChangeNames = { client: () => undefined, agency: () => undefined };
    for (const command of examples) {
      const { title, details } = describeChange(command, unknown);
      const text = [title, ...details].join('\n');
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
      expect(text).not.toMatch(/[{}"]/);
    }
    expect(describeChange(examples[7] as Command, unknown).title).toBe('Referral to an agency');
  });
});
