/**
 * A realistic encounter for the bench: contact, consent to store, an assessment of all
 * eight domains, two referrals, one appointment and a client update — as the encounter
 * screen builds it, saved through `encounters.record` in one transaction.
 */
import { needDomainSchema } from '../../../src/shared/domain/common';
import { uuidv7 } from '../../../src/shared/ids';
import type { Command } from '../../../src/shared/sync/commands';

export function encounterCommands(clientId: string, sample: number): Command[] {
  const at = new Date().toISOString();
  const consentId = uuidv7();
  const domains = Object.fromEntries(needDomainSchema.options.map((d, i) => [d, { need: i % 3 === 0 ? ('urgent' as const) : ('some' as const), notes: `Answer ${i}` }]));
  const referral = (need: 'housing' | 'sexual_health'): Command => ({
    name: 'referral.create',
    args: { id: uuidv7(), clientId, agencyId: uuidv7(), need, urgency: 'urgent', consentId, consentedSummary: `Needs ${need}`, sharedFields: [need], status: 'sent' },
  });
  return [
    { name: 'consent.record', args: { id: consentId, clientId, kind: 'store', decision: 'given', method: 'verbal', decidedAt: at } },
    {
      name: 'contact.record',
      args: { id: uuidv7(), clientId, at, area: 'Docks', kind: 'street', supplies: { condoms: 3, needles: 0, naloxone: 1, food: 1, hygienePacks: 0 }, outcome: 'referral_made' },
    },
    { name: 'assessment.record', args: { id: uuidv7(), clientId, assessedAt: at, domains } },
    referral('housing'),
    referral('sexual_health'),
    { name: 'appointment.book', args: { id: uuidv7(), clientId, agencyId: null, at, place: 'Clinic on Canal Street', accompaniedBy: null } },
    { name: 'client.update', args: { id: clientId, set: { pronouns: sample % 2 === 0 ? 'they/them' : 'she/her' }, seen: { pronouns: null } } },
  ];
}
