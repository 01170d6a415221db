/**
 * What a pull must contain for a viewer, from the hand-written table in expected-access.ts
 * (never from the policy table under test), and DESIGN.md's list of what a peer volunteer
 * may never hold — written by hand on purpose, so a wrong policy table cannot make its own
 * test pass.
 */
import type { Role } from '../../src/shared/domain/common';
import type { CollectionName } from '../../src/shared/sync/collections';
import { expectedVisibility } from './expected-access';
import type { SeededRecord } from './seed';

/** Collections a peer volunteer never receives (DESIGN.md, "Who uses it"). */
export const PEER_FORBIDDEN_COLLECTIONS: readonly CollectionName[] = [
  'assessments',
  'notes',
  'consents',
  'referrals',
  'appointments',
  'followUps',
  'reviewItems',
  'observations',
  'nrmReferrals',
  'dutyToNotify',
];

/** Field names that must appear nowhere in a peer's pull. */
export const PEER_FORBIDDEN_FIELDS = [
  'legalName',
  'birthYear',
  'ageBand',
  'mayBeUnder18',
  'genderIdentity',
  'pronouns',
  'languages',
  'preferredLanguage',
  'interpreterNeeded',
  'interpreterGender',
  'interpreterNotFromTheirCommunity',
  'gpRegistered',
  'safeContactMethods',
  'summary',
  'username',
  'domains',
  'body',
  'consentedSummary',
] as const;

/** The record as expected-access.ts says the viewer receives it: null when hidden. */
export function expectedView(role: Role, viewerId: string, seeded: SeededRecord): Record<string, unknown> | null {
  const visibility = expectedVisibility[seeded.collection][role];
  if (visibility === 'hidden') return null;
  if (visibility === 'whole record') return seeded.data;
  if (visibility === 'whole record; restricted rows only to their author') {
    return seeded.data.level === 'restricted' && seeded.data.createdBy !== viewerId ? null : seeded.data;
  }
  const view = Object.fromEntries(Object.entries(seeded.data).filter(([k]) => visibility.includes(k)));
  if ('clocks' in seeded.data && typeof seeded.data.clocks === 'object' && seeded.data.clocks !== null) {
    view.clocks = Object.fromEntries(Object.entries(seeded.data.clocks).filter(([k]) => visibility.includes(k)));
  }
  return view;
}

/** Every string key anywhere in a JSON value. */
export function allKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) allKeys(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      allKeys(v, out);
    }
  }
  return out;
}
