/**
 * Every sync command, once: valid args for it against a team, with whatever it needs
 * (a client, a consent to share, an agency, a referral, a booked appointment, an open
 * follow-up) written straight to that team's storage first. The command matrix and the
 * args fuzzer both read this table, and its `Record<CommandName, …>` type makes a new
 * command in shared/sync/commands.ts fail to compile until it is added here.
 */
import type { Storage } from '../../src/server/storage/database';
import { putRecord } from '../../src/server/storage/records-store';
import { nrmExplanationItems } from '../../src/shared/domain/consent';
import { encodeHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import type { CollectionName } from '../../src/shared/sync/collections';
import { collectionSchemas } from '../../src/shared/sync/collections';
import type { CommandName } from '../../src/shared/sync/commands';

export interface Prerequisites {
  readonly clientId: string;
  readonly agencyId: string;
  readonly consentId: string;
  readonly referralId: string;
  readonly appointmentId: string;
  readonly followUpId: string;
  readonly reviewItemId: string;
  readonly alertId: string;
  readonly missedAppointmentId: string;
  readonly nrmConsentId: string;
  readonly nrmReferralId: string;
}

export interface CommandFixture {
  /** Does the command name a record of a team (so another team's answers not_found)? */
  readonly targeted: boolean;
  args(p: Prerequisites): Record<string, unknown>;
}

const now = () => new Date().toISOString();
const today = () => now().slice(0, 10);
/** A clock of a made-up device, `offset` ms in the past. */
const clock = (offset: number) => encodeHlc({ wallMs: Date.now() - 1_000 + offset, counter: 0, deviceId: 'matrix-device' });
const supplies = { condoms: 1, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 };

export const commandFixtures: Readonly<Record<CommandName, CommandFixture>> = {
  'client.create': { targeted: false, args: () => ({ id: uuidv7(), profile: { alias: 'Matrix' } }) },
  'client.update': { targeted: true, args: (p) => ({ id: p.clientId, set: { alias: 'Renamed' }, seen: {} }) },
  'contact.record': { targeted: true, args: (p) => ({ id: uuidv7(), clientId: p.clientId, at: now(), area: 'North', kind: 'street', supplies, outcome: 'building_trust' }) },
  'assessment.record': { targeted: true, args: (p) => ({ id: uuidv7(), clientId: p.clientId, assessedAt: now(), domains: {} }) },
  'consent.record': { targeted: true, args: (p) => ({ id: uuidv7(), clientId: p.clientId, kind: 'store', decision: 'given', method: 'verbal', decidedAt: now() }) },
  'note.add': { targeted: true, args: (p) => ({ id: uuidv7(), clientId: p.clientId, body: 'Seen at the station', level: 'team' }) },
  'safetyAlert.raise': { targeted: false, args: () => ({ id: uuidv7(), area: 'North', message: 'Blue van', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }) },
  'referral.create': {
    targeted: true,
    args: (p) => ({ id: uuidv7(), clientId: p.clientId, agencyId: p.agencyId, need: 'housing', urgency: 'soon', consentId: p.consentId, consentedSummary: 'Needs a bed', sharedFields: ['alias'], status: 'sent' }),
  },
  'referral.transition': { targeted: true, args: (p) => ({ id: p.referralId, to: 'acknowledged', at: now() }) },
  'appointment.book': { targeted: true, args: (p) => ({ id: uuidv7(), clientId: p.clientId, agencyId: p.agencyId, at: now(), place: 'Clinic door' }) },
  'appointment.transition': { targeted: true, args: (p) => ({ id: p.appointmentId, to: 'missed', at: now(), followUpId: uuidv7() }) },
  'followUp.create': { targeted: true, args: (p) => ({ id: uuidv7(), clientId: p.clientId, reason: 'check_in', dueAt: now(), assigneeId: null }) },
  'followUp.complete': { targeted: true, args: (p) => ({ id: p.followUpId, at: now() }) },
  'followUp.reassign': { targeted: true, args: (p) => ({ id: p.followUpId, assigneeId: null }) },
  'reviewItem.resolve': { targeted: true, args: (p) => ({ id: p.reviewItemId, keep: 'other', at: now() }) },
  'safetyAlert.withdraw': { targeted: true, args: (p) => ({ id: p.alertId, at: now() }) },
  'appointment.undoMissed': { targeted: true, args: (p) => ({ id: p.missedAppointmentId, at: now() }) },
  'agency.create': {
    targeted: false,
    args: () => ({
      id: uuidv7(),
      profile: { name: 'Matrix Clinic', services: ['sexual_health'], openingHours: [{ day: 5, opens: '22:00', closes: '02:00', dropIn: true }], outOfHours: true, fastTrack: false, womenOnly: false, transInclusive: true, howToRefer: 'Walk in' },
    }),
  },
  'agency.update': { targeted: true, args: (p) => ({ id: p.agencyId, set: { phone: '01632 960999' }, seen: {} }) },
  'agency.archive': { targeted: true, args: (p) => ({ id: p.agencyId, archived: true }) },
  'observation.record': { targeted: true, args: (p) => ({ id: uuidv7(), clientId: p.clientId, observedAt: now(), cues: ['someone_else_answered'] }) },
  'nrm.refer': {
    targeted: true,
    args: (p) => ({ id: uuidv7(), clientId: p.clientId, route: 'adult', consentId: p.nrmConsentId, firstResponder: 'Matrix Outreach', referredOn: today(), reference: null, followUpId: uuidv7() }),
  },
  'nrm.record': { targeted: true, args: (p) => ({ id: p.nrmReferralId, to: 'rg_positive', on: today(), supportProvider: 'Matrix Support', followUpId: uuidv7(), at: now() }) },
  'dutyToNotify.record': { targeted: false, args: () => ({ id: uuidv7(), notifiedOn: today(), exploitation: 'sexual', reference: null }) },
};

function prerequisiteRecords(p: Prerequisites, own: { teamId: string; createdBy: string; createdAt: string }): [CollectionName, Record<string, unknown>][] {
  const t = own.createdAt;
  const lifecycle = { ...own, updatedAt: t, history: [{ status: 'sent', at: t, by: own.createdBy }] };
  return [
    ['clients', { id: p.clientId, alias: 'Matrix', ...own, updatedAt: t, clocks: {} }],
    ['agencies', { id: p.agencyId, name: 'Example — Matrix', services: ['housing'], openingHours: [], outOfHours: false, fastTrack: false, womenOnly: false, transInclusive: true, howToRefer: 'Call', isExample: true, ...own, updatedAt: t, clocks: {} }],
    ['consents', { id: p.consentId, clientId: p.clientId, kind: 'share', decision: 'given', method: 'verbal', decidedAt: t, agencyId: p.agencyId, ...own }],
    ['referrals', { id: p.referralId, clientId: p.clientId, agencyId: p.agencyId, need: 'housing', urgency: 'soon', consentId: p.consentId, consentedSummary: 'x', sharedFields: [], status: 'sent', ...lifecycle }],
    ['appointments', { id: p.appointmentId, clientId: p.clientId, agencyId: p.agencyId, at: t, place: 'Door', status: 'booked', ...lifecycle }],
    ['followUps', { id: p.followUpId, clientId: p.clientId, reason: 'check_in', dueAt: t, assigneeId: null, status: 'open', ...own, updatedAt: t }],
    ['appointments', { id: p.missedAppointmentId, clientId: p.clientId, agencyId: p.agencyId, at: t, place: 'Door', status: 'missed', ...own, updatedAt: t, history: [{ status: 'missed', at: t, by: own.createdBy }] }],
    ['consents', { id: p.nrmConsentId, clientId: p.clientId, kind: 'nrm', decision: 'given', method: 'verbal', decidedAt: t, explanationGiven: [...nrmExplanationItems], ...own }],
    [
      'nrmReferrals',
      { id: p.nrmReferralId, clientId: p.clientId, route: 'adult', consentId: p.nrmConsentId, firstResponder: 'Matrix Outreach', referredOn: t.slice(0, 10), reference: null, status: 'referred', decisions: {}, ...own, updatedAt: t, history: [{ status: 'referred', on: t.slice(0, 10), at: t, by: own.createdBy }] },
    ],
    ['safetyAlerts', { id: p.alertId, area: 'North', message: 'Blue van', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), ...own }],
    [
      'reviewItems',
      { id: p.reviewItemId, teamId: own.teamId, collection: 'clients', recordId: p.clientId, field: 'alias', losingValue: 'Matrix Two', losingHlc: clock(1), winningValue: 'Matrix', winningHlc: clock(2), status: 'open', createdAt: t },
    ],
  ];
}

/** Fresh prerequisites in `teamId`, so each case starts from the same state. */
export async function seedPrerequisites(storage: Storage, teamId: string, authorId: string): Promise<Prerequisites> {
  const p: Prerequisites = { clientId: uuidv7(), agencyId: uuidv7(), consentId: uuidv7(), referralId: uuidv7(), appointmentId: uuidv7(), followUpId: uuidv7(), reviewItemId: uuidv7(), alertId: uuidv7(), missedAppointmentId: uuidv7(), nrmConsentId: uuidv7(), nrmReferralId: uuidv7() };
  const records = prerequisiteRecords(p, { teamId, createdBy: authorId, createdAt: now() });
  await storage.db.transaction().execute(async (trx) => {
    for (const [collection, raw] of records) {
      const data = collectionSchemas[collection].parse(raw) as Record<string, unknown>;
      await putRecord(trx, { collection, id: String(data.id), teamId, data });
    }
  });
  return p;
}
