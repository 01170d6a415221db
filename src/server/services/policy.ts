/**
 * Who may see and write what: ONE table, role × collection. Pull uses it to drop and redact
 * records; push uses it to refuse commands. A peer volunteer's device must never receive a
 * restricted field, so a peer may also only write fields it is allowed to read back.
 * Everything here is decided from the token's user, never from request parameters.
 */
import type { Role } from '../../shared/domain/common';
import type { CollectionName } from '../../shared/sync/collections';
import { collectionNames } from '../../shared/sync/collections';
import type { CommandName } from '../../shared/sync/commands';

/** What a role receives of a collection: every field, or only the listed ones. */
export type FieldRule = { readonly kind: 'all' } | { readonly kind: 'keep'; readonly fields: readonly string[] } | { readonly kind: 'omit'; readonly fields: readonly string[] };

const ALL: FieldRule = { kind: 'all' };

/** Client fields a peer volunteer receives (and clocks for them). */
export const PEER_CLIENT_FIELDS = ['id', 'teamId', 'alias', 'safetyFlags', 'usualAreas', 'keyWorkerId', 'createdAt', 'createdBy', 'updatedAt'] as const;

const everything = (except: readonly CollectionName[] = []): Partial<Record<CollectionName, FieldRule>> =>
  Object.fromEntries(collectionNames.filter((c) => !except.includes(c)).map((c) => [c, ALL]));

/** Absent collection = not visible at all. */
export const readPolicy: Readonly<Record<Role, Partial<Record<CollectionName, FieldRule>>>> = {
  peer_volunteer: {
    clients: { kind: 'keep', fields: PEER_CLIENT_FIELDS },
    contacts: { kind: 'omit', fields: ['summary'] },
    agencies: ALL,
    safetyAlerts: ALL,
    users: ALL,
  },
  outreach_worker: everything(['reviewItems']),
  team_lead: everything(),
};

/** Commands each role may run; the collection each writes decides field checks. */
export const commandPolicy: Readonly<Record<Role, readonly CommandName[]>> = {
  peer_volunteer: ['client.create', 'contact.record', 'safetyAlert.raise'],
  outreach_worker: ['client.create', 'client.update', 'contact.record', 'assessment.record', 'consent.record', 'note.add', 'safetyAlert.raise'],
  team_lead: ['client.create', 'client.update', 'contact.record', 'assessment.record', 'consent.record', 'note.add', 'safetyAlert.raise'],
};

export function visibleCollections(role: Role): CollectionName[] {
  return collectionNames.filter((c) => readPolicy[role][c] !== undefined);
}

function fieldVisible(rule: FieldRule, field: string): boolean {
  if (rule.kind === 'all') return true;
  if (rule.kind === 'keep') return rule.fields.includes(field);
  return !rule.fields.includes(field);
}

/**
 * The record as `role` may see it, or null when the collection is hidden. Field clocks are
 * filtered with their fields, so not even the fact that a restricted field was set leaks.
 */
export function redactRecord(role: Role, collection: CollectionName, record: Readonly<Record<string, unknown>>): Record<string, unknown> | null {
  const rule = readPolicy[role][collection];
  if (rule === undefined) return null;
  if (rule.kind === 'all') return { ...record };
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === 'clocks' && typeof value === 'object' && value !== null) {
      out.clocks = Object.fromEntries(Object.entries(value).filter(([f]) => fieldVisible(rule, f)));
    } else if (fieldVisible(rule, field)) {
      out[field] = value;
    }
  }
  return out;
}

/** May `role` run a command that writes `fields` into `collection`? */
export function mayWrite(role: Role, command: CommandName, collection: CollectionName, fields: readonly string[]): boolean {
  if (!commandPolicy[role].includes(command)) return false;
  const rule = readPolicy[role][collection];
  if (rule === undefined) return false;
  return fields.every((f) => fieldVisible(rule, f));
}
