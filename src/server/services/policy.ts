/**
 * Who may see and do what: ONE table, `policyTable`, role × collection × field, plus the
 * team-management actions. Pull uses it to drop and redact records; push uses it to refuse
 * commands; every management route asks `mayManage`. Everything is team-scoped: callers
 * only ever reach rows of their own team (storage filters by the token's team), so the
 * table never grants anything across teams. A peer volunteer's device must never receive
 * a restricted field, so a peer may also only write fields it is allowed to read back.
 * Everything here is decided from the token's user, never from request parameters.
 * Field lists are allowlists where a role sees part of a record: a field added to a schema
 * later stays hidden from that role until someone decides otherwise here.
 */
import { leadOnlyClientProfileFields, peerClientProfileFields } from '../../shared/domain/client';
import type { Role } from '../../shared/domain/common';
import type { CollectionName } from '../../shared/sync/collections';
import { collectionNames } from '../../shared/sync/collections';
import type { CommandName } from '../../shared/sync/commands';

/** What a role receives of a collection: every field, or only the listed ones. */
export type FieldRule = { readonly kind: 'all' } | { readonly kind: 'keep'; readonly fields: readonly string[] };

/**
 * Which rows of a visible collection a role receives. `restrictedToAuthor`: rows whose
 * `level` is `restricted` go only to their author (team leads use `all`).
 */
export type RowRule = 'all' | 'restrictedToAuthor';

export interface CollectionPolicy {
  readonly fields: FieldRule;
  readonly rows: RowRule;
  /** Commands that write this collection which the role may run. */
  readonly write: readonly CommandName[];
}

/** Absent collection = not visible and not writable at all. */
export type RolePolicy = Readonly<Partial<Record<CollectionName, CollectionPolicy>>>;

const ALL: FieldRule = { kind: 'all' };
const keep = (...fields: string[]): FieldRule => ({ kind: 'keep', fields });
const see = (fields: FieldRule, write: readonly CommandName[] = [], rows: RowRule = 'all'): CollectionPolicy => ({ fields, rows, write });

const OWNERSHIP = ['id', 'teamId', 'createdAt', 'createdBy'];

/** Client fields a peer volunteer receives (and clocks for them). */
export const PEER_CLIENT_FIELDS = [...OWNERSHIP, ...peerClientProfileFields, 'updatedAt'] as const;
/** A contact as a peer sees it: when and where, never the summary. */
export const PEER_CONTACT_FIELDS = [...OWNERSHIP, 'clientId', 'at', 'area', 'kind', 'supplies', 'outcome', 'corrects'] as const;
/** Colleagues as a peer sees them: enough to show a key worker's name, not a username. */
export const PEER_USER_FIELDS = ['id', 'name', 'role'] as const;

/** Everything in the team, minus `except`, with the given row rule on notes. */
function fullAccess(write: Partial<Record<CollectionName, readonly CommandName[]>>, notes: RowRule, except: readonly CollectionName[] = []): RolePolicy {
  const entries = collectionNames
    .filter((c) => !except.includes(c))
    .map((c) => [c, see(ALL, write[c] ?? [], c === 'notes' ? notes : 'all')] as const);
  return Object.fromEntries(entries);
}

const CASEWORK_WRITES: Partial<Record<CollectionName, readonly CommandName[]>> = {
  clients: ['client.create', 'client.update'],
  contacts: ['contact.record'],
  assessments: ['assessment.record'],
  consents: ['consent.record'],
  notes: ['note.add'],
  safetyAlerts: ['safetyAlert.raise'],
  referrals: ['referral.create', 'referral.transition'],
  appointments: ['appointment.book', 'appointment.transition', 'appointment.undoMissed'],
  // A missed appointment opens its follow-up in the same command (appointment-commands.ts),
  // and undoing "missed" closes it.
  // An NRM referral, and each new wait for its decision, opens a follow-up too; the decision closes it.
  followUps: ['followUp.create', 'followUp.complete', 'appointment.transition', 'appointment.undoMissed', 'nrm.refer', 'nrm.record'],
  // Trafficking cues, NRM referrals and Duty to Notify: workers and leads only. A peer has
  // no entry for them, so never receives them.
  observations: ['observation.record'],
  nrmReferrals: ['nrm.refer', 'nrm.record'],
  dutyToNotify: ['dutyToNotify.record'],
};

/** THE table. Tests iterate over it; nothing else grants access to a record. */
export const policyTable: Readonly<Record<Role, RolePolicy>> = {
  peer_volunteer: {
    clients: see(keep(...PEER_CLIENT_FIELDS), ['client.create']),
    contacts: see(keep(...PEER_CONTACT_FIELDS), ['contact.record']),
    agencies: see(ALL),
    safetyAlerts: see(ALL, ['safetyAlert.raise']),
    users: see(keep(...PEER_USER_FIELDS)),
  },
  outreach_worker: fullAccess(CASEWORK_WRITES, 'restrictedToAuthor', ['reviewItems']),
  // A team lead also resolves the review queue, which may rewrite a client's or an agency's
  // field, withdraws a safety alert early, reassigns the team's follow-ups, and keeps the
  // agency directory.
  team_lead: fullAccess(
    {
      ...CASEWORK_WRITES,
      clients: ['client.create', 'client.update', 'reviewItem.resolve'],
      agencies: ['agency.create', 'agency.update', 'agency.archive', 'reviewItem.resolve'],
      reviewItems: ['reviewItem.resolve'],
      safetyAlerts: ['safetyAlert.raise', 'safetyAlert.withdraw'],
      followUps: [...(CASEWORK_WRITES.followUps ?? []), 'followUp.reassign'],
    },
    'all',
  ),
};

/** Team-management actions, and who may take them (`admin`: only a lead with the admin flag). */
export const managementPolicy = {
  // Any lead adds workers and peers; making a team lead (or changing one) needs the admin
  // flag (decision 007): users-service.ts and team-admin.ts check the role asked for.
  'users.create': { roles: ['team_lead'], admin: false },
  'users.list': { roles: ['team_lead'], admin: false },
  'users.update': { roles: ['team_lead'], admin: false },
  'users.resetPassword': { roles: ['team_lead'], admin: false },
  'devices.list': { roles: ['team_lead'], admin: false },
  'devices.revoke': { roles: ['team_lead'], admin: false },
  'team.update': { roles: ['team_lead'], admin: false },
  'audit.record': { roles: ['outreach_worker', 'peer_volunteer', 'team_lead'], admin: false },
  'audit.view': { roles: ['team_lead'], admin: false },
  'reports.view': { roles: ['team_lead'], admin: false },
  // Any lead asks and a second lead confirms; an admin's request is carried out at once
  // (services/erasure.ts checks the second pair of hands).
  'clients.erase': { roles: ['team_lead'], admin: false },
  // A person's own copy of everything held about them (subject access): a team lead's to give.
  'clients.export': { roles: ['team_lead'], admin: false },
} as const satisfies Record<string, { roles: readonly Role[]; admin: boolean }>;
export type ManagementAction = keyof typeof managementPolicy;

export function mayManage(user: { readonly role: Role; readonly admin: boolean }, action: ManagementAction): boolean {
  const rule: { roles: readonly Role[]; admin: boolean } = managementPolicy[action];
  return rule.roles.includes(user.role) && (!rule.admin || user.admin);
}

export function visibleCollections(role: Role): CollectionName[] {
  return collectionNames.filter((c) => policyTable[role][c] !== undefined);
}

function fieldVisible(rule: FieldRule, field: string): boolean {
  return rule.kind === 'all' || rule.fields.includes(field);
}

/** Who is looking: the role decides fields, the id decides authored restricted rows. */
export interface Viewer {
  readonly role: Role;
  readonly userId: string;
}

function rowVisible(rule: RowRule, viewer: Viewer, record: Readonly<Record<string, unknown>>): boolean {
  if (rule === 'all') return true;
  return record.level !== 'restricted' || record.createdBy === viewer.userId;
}

/**
 * The record as `viewer` may see it, or null when it is hidden. Field clocks are filtered
 * with their fields, so not even the fact that a restricted field was set leaks.
 */
export function redactRecord(viewer: Viewer, collection: CollectionName, record: Readonly<Record<string, unknown>>): Record<string, unknown> | null {
  const policy = policyTable[viewer.role][collection];
  if (policy === undefined || !rowVisible(policy.rows, viewer, record)) return null;
  if (policy.fields.kind === 'all') return { ...record };
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === 'clocks' && typeof value === 'object' && value !== null) {
      out.clocks = Object.fromEntries(Object.entries(value).filter(([f]) => fieldVisible(policy.fields, f)));
    } else if (fieldVisible(policy.fields, field)) {
      out[field] = value;
    }
  }
  return out;
}

/** May `role` run a command that writes `fields` into `collection`? */
/** Fields of a collection only a team lead may write, whoever may write the rest. */
const leadOnlyFields: Partial<Record<CollectionName, readonly string[]>> = { clients: leadOnlyClientProfileFields };

export function mayWrite(role: Role, command: CommandName, collection: CollectionName, fields: readonly string[]): boolean {
  const policy = policyTable[role][collection];
  if (policy === undefined || !policy.write.includes(command)) return false;
  if (role !== 'team_lead' && fields.some((f) => leadOnlyFields[collection]?.includes(f) === true)) return false;
  return fields.every((f) => fieldVisible(policy.fields, f));
}
