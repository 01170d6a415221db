/**
 * One record of every collection (two restricted notes by different authors, one team
 * note) for a team, written straight to storage and parsed by the shared schemas first.
 * Every free-text field holds `SECRET-<field>` so a test can search a pull's JSON for any
 * restricted value that leaked.
 */
import type { Storage } from '../../src/server/storage/database';
import { putRecord } from '../../src/server/storage/records-store';
import { encodeHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import type { CollectionName } from '../../src/shared/sync/collections';
import { collectionSchemas } from '../../src/shared/sync/collections';

export interface SeededRecord {
  readonly collection: CollectionName;
  readonly id: string;
  readonly data: Record<string, unknown>;
}

export interface SeedAuthors {
  readonly workerId: string;
  readonly otherAuthorId: string;
}

const now = new Date().toISOString();
const later = new Date(Date.now() + 86_400_000).toISOString();

function clientRecord(id: string, own: { teamId: string; createdBy: string; createdAt: string }): Record<string, unknown> {
  const hlc = encodeHlc({ wallMs: Date.now(), counter: 0, deviceId: 'seed' });
  const profile = {
    alias: 'Alias-visible',
    legalName: 'SECRET-legalName',
    birthYear: 1990,
    ageBand: '25_34',
    mayBeUnder18: false,
    genderIdentity: 'SECRET-genderIdentity',
    pronouns: 'SECRET-pronouns',
    languages: ['SECRET-language'],
    preferredLanguage: 'ro',
    interpreterNeeded: true,
    interpreterGender: 'woman',
    interpreterNotFromTheirCommunity: true,
    gpRegistered: false,
    safeContactMethods: ['text'],
    usualAreas: ['North'],
    keyWorkerId: own.createdBy,
    safetyFlags: ['being_watched'],
  };
  const clocks = Object.fromEntries(Object.keys(profile).map((f) => [f, hlc]));
  return { ...profile, id, ...own, updatedAt: now, clocks };
}

function records(teamId: string, authors: SeedAuthors, clientId: string): [CollectionName, Record<string, unknown>][] {
  const own = { teamId, createdBy: authors.workerId, createdAt: now };
  const ids = { agency: uuidv7(), referral: uuidv7(), consent: uuidv7(), appointment: uuidv7() };
  const status = { status: 'booked', at: now, by: authors.workerId };
  const note = (createdBy: string, level: string) => ({ id: uuidv7(), clientId, body: `SECRET-note-${level}`, level, ...own, createdBy });
  return [
    ['clients', clientRecord(clientId, own)],
    ['consents', { id: ids.consent, clientId, kind: 'nrm', decision: 'given', method: 'verbal', decidedAt: now, purpose: 'SECRET-purpose', ...own }],
    ['contacts', { id: uuidv7(), clientId, at: now, area: 'North', kind: 'street', supplies: { condoms: 1, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 }, outcome: 'building_trust', summary: 'SECRET-summary', ...own }],
    ['assessments', { id: uuidv7(), clientId, assessedAt: now, domains: { immigration_nhs_entitlement: { need: 'urgent', notes: 'SECRET-immigration' } }, ...own }],
    ['agencies', { id: ids.agency, name: 'Drop-in', services: ['housing'], openingHours: [], outOfHours: false, fastTrack: false, womenOnly: true, transInclusive: true, howToRefer: 'Call', isExample: true, ...own, updatedAt: now, clocks: {} }],
    ['referrals', { id: ids.referral, clientId, agencyId: ids.agency, need: 'housing', urgency: 'soon', consentId: ids.consent, consentedSummary: 'SECRET-referral', sharedFields: [], ...own, status: 'sent', updatedAt: now, history: [] }],
    ['appointments', { id: ids.appointment, clientId, agencyId: ids.agency, at: later, place: 'SECRET-place', ...own, status: 'booked', updatedAt: now, history: [status] }],
    ['followUps', { id: uuidv7(), clientId, reason: 'check_in', dueAt: later, assigneeId: null, notes: 'SECRET-followup', ...own, status: 'open', updatedAt: now }],
    ['notes', note(authors.workerId, 'team')],
    ['notes', note(authors.workerId, 'restricted')],
    ['notes', note(authors.otherAuthorId, 'restricted')],
    ['safetyAlerts', { id: uuidv7(), area: 'North', message: 'Blue van seen', expiresAt: later, ...own }],
    ['observations', { id: uuidv7(), clientId, observedAt: now, cues: ['others_hold_documents', 'someone_else_answered'], notes: 'SECRET-observation', ...own }],
    [
      'nrmReferrals',
      { id: uuidv7(), clientId, route: 'adult', consentId: ids.consent, firstResponder: 'SECRET-first-responder', referredOn: now.slice(0, 10), reference: 'SECRET-nrm-ref', status: 'referred', decisions: {}, ...own, updatedAt: now, history: [] },
    ],
    ['dutyToNotify', { id: uuidv7(), notifiedOn: now.slice(0, 10), exploitation: 'labour', reference: 'SECRET-dtn-ref', ...own }],
    ['reviewItems', { id: uuidv7(), teamId, collection: 'clients', recordId: clientId, field: 'legalName', losingValue: 'SECRET-losing', losingHlc: encodeHlc({ wallMs: 1, counter: 0, deviceId: 'a' }), winningValue: 'SECRET-winning', winningHlc: encodeHlc({ wallMs: 2, counter: 0, deviceId: 'b' }), status: 'open', createdAt: now }],
  ];
}

/** Seeds one of every (non-user) collection for `teamId`; the team's users exist already. */
export async function seedTeam(storage: Storage, teamId: string, authors: SeedAuthors): Promise<SeededRecord[]> {
  const seeded = records(teamId, authors, uuidv7()).map(([collection, raw]) => {
    const data = collectionSchemas[collection].parse(raw) as Record<string, unknown>;
    return { collection, id: String(data.id), data };
  });
  await storage.db.transaction().execute(async (trx) => {
    for (const r of seeded) await putRecord(trx, { collection: r.collection, id: r.id, teamId, data: r.data });
  });
  return seeded;
}
