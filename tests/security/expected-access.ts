/**
 * Who may do and see what, written out by hand from DESIGN.md ("Who uses it" and the
 * security model) — the expectations the authorization and command matrices check the
 * server against. Nothing here is computed from `src/server/services/policy.ts`, and this
 * file must never import it: a matrix that took its answers from the table it tests would
 * pass any wrong rule. Where DESIGN.md is silent, the row follows what the server does
 * today and a comment says why; changing such a rule means changing it here too, on purpose.
 * The `Record<CollectionName | CommandName, …>` types make a new collection or command fail
 * to compile until someone decides, here, who may use it.
 */
import type { Role } from '../../src/shared/domain/common';
import type { CollectionName } from '../../src/shared/sync/collections';
import type { CommandName } from '../../src/shared/sync/commands';
import type { CallerKind } from './world';

export type Access = 'allowed' | 'denied';
export type Caller = CallerKind | 'anonymous';

/**
 * Per endpoint (`METHOD route`) and caller. A denied anonymous call answers 401, a denied
 * signed-in one 403; an allowed call naming another team's user or device answers 404.
 */
export const expectedEndpointAccess: Readonly<Record<string, Readonly<Record<Caller, Access>>>> = {
  'GET /api/health': { anonymous: 'allowed', outreach_worker: 'allowed', peer_volunteer: 'allowed', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  'GET /api/health/ready': { anonymous: 'allowed', outreach_worker: 'allowed', peer_volunteer: 'allowed', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  'POST /api/auth/login': { anonymous: 'allowed', outreach_worker: 'allowed', peer_volunteer: 'allowed', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  'POST /api/auth/logout': { anonymous: 'denied', outreach_worker: 'allowed', peer_volunteer: 'allowed', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // Everyone signed in chooses their own password.
  'POST /api/auth/password': { anonymous: 'denied', outreach_worker: 'allowed', peer_volunteer: 'allowed', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  'GET /api/me': { anonymous: 'denied', outreach_worker: 'allowed', peer_volunteer: 'allowed', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // Every role syncs; what a push may do and a pull returns is decided per command and collection below.
  'POST /api/sync/push': { anonymous: 'denied', outreach_worker: 'allowed', peer_volunteer: 'allowed', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  'GET /api/sync/pull': { anonymous: 'denied', outreach_worker: 'allowed', peer_volunteer: 'allowed', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // Any team lead adds workers and peers; only an admin adds a team lead (decision 007,
  // refining DESIGN.md's "an admin flag ... manages users"). The matrix adds a worker.
  'POST /api/users': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // A lead resets a worker's or a peer's forgotten password (an admin also a lead's).
  'POST /api/users/:id/password': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // A team lead "reviews ... users" and "accounts and devices" at the desk.
  'GET /api/users': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // Silent on rename/role/deactivate; the server lets any lead do it (docs/security.md: "a team lead ... deactivates a user").
  'PATCH /api/users/:id': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // "Team leads reviewing": who did what and when, for their team; viewing is audited.
  'GET /api/audit': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // The figures for commissioners are a team lead's to read (issue: reports on the lead's desk).
  'GET /api/reports': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // The right to erasure (issue: the person's rights over their data): "a team lead (with a
  // second team lead's confirmation, or an admin) erases a person". Any lead asks, confirms
  // (someone else's request) or cancels, and sees what is waiting.
  // Subject access (issue: the person's rights): a team lead gives a person their own copy.
  'GET /api/clients/:id/export': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  'GET /api/erasures': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  'POST /api/erasures': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  'POST /api/erasures/:id/confirm': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  'POST /api/erasures/:id/cancel': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  'GET /api/devices': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // "A device revoked by a team lead erases itself": any lead, not only an admin.
  'POST /api/devices/:id/revoke': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // Silent on who sets the team's idle lock; the server lets any lead, who runs the team's devices.
  'PATCH /api/team': { anonymous: 'denied', outreach_worker: 'denied', peer_volunteer: 'denied', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
  // Silent; every signed-in device reports its own lock and quick-exit events to the audit log.
  'POST /api/audit/events': { anonymous: 'denied', outreach_worker: 'allowed', peer_volunteer: 'allowed', team_lead: 'allowed', 'team_lead+admin': 'allowed' },
};

/**
 * What a role receives of a collection: nothing, the whole record, the whole record except
 * `restricted` rows written by someone else, or only the listed fields (and the field
 * clocks of those fields, so not even the fact that a hidden field was set leaks).
 */
export type Visibility = 'hidden' | 'whole record' | 'whole record; restricted rows only to their author' | readonly string[];

const OWNERSHIP = ['id', 'teamId', 'createdAt', 'createdBy'];

/** The team's records per collection and role (every row is of the caller's own team). */
export const expectedVisibility: Readonly<Record<CollectionName, Readonly<Record<Role, Visibility>>>> = {
  // A peer sees the client alias and safety flags; usual areas and key worker are not
  // restricted by DESIGN.md and let a peer find someone and know whom to tell.
  // A peer also sees "do not process", so their search leaves the person out as everyone's does.
  clients: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: [...OWNERSHIP, 'updatedAt', 'alias', 'safetyFlags', 'usualAreas', 'keyWorkerId', 'processingRestricted'] },
  // A peer sees the last contact: when, where, kind, supplies, outcome — never the summary (a free-text note).
  contacts: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: [...OWNERSHIP, 'clientId', 'at', 'area', 'kind', 'supplies', 'outcome', 'corrects'] },
  assessments: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: 'hidden' },
  // Consents hold NRM decisions.
  consents: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: 'hidden' },
  // The agency directory.
  agencies: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: 'whole record' },
  // Silent for peers; a referral carries the need and a consented summary of the person's story.
  referrals: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: 'hidden' },
  // Silent for peers; an appointment says which agency (clinic, immigration advice) someone sees.
  appointments: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: 'hidden' },
  // Silent for peers; follow-ups carry notes.
  followUps: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: 'hidden' },
  // Silent on restricted notes; the server gives them to their author and to team leads.
  notes: { outreach_worker: 'whole record; restricted rows only to their author', team_lead: 'whole record', peer_volunteer: 'hidden' },
  safetyAlerts: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: 'whole record' },
  // The review queue is the team lead's.
  reviewItems: { outreach_worker: 'hidden', team_lead: 'whole record', peer_volunteer: 'hidden' },
  // Silent; a peer gets enough to show a key worker's name, not a username.
  users: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: ['id', 'name', 'role'] },
  // Issue: trafficking cues are "visible to workers and leads, never to peers".
  observations: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: 'hidden' },
  // Issue: "peers refused and never receiving cues or NRM records".
  nrmReferrals: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: 'hidden' },
  dutyToNotify: { outreach_worker: 'whole record', team_lead: 'whole record', peer_volunteer: 'hidden' },
};

/**
 * May a role run a sync command at all (on a record of its own team)? The admin flag adds
 * nothing here: it is about managing users and teams. DESIGN.md is silent on team leads
 * writing casework; the server lets them do all a worker does (a lead also goes on rounds).
 */
export const expectedCommandAccess: Readonly<Record<CommandName, Readonly<Record<Role, Access>>>> = {
  // Silent; a peer may start a record by alias (only fields it may read back) for a contact.
  'client.create': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'allowed' },
  'client.update': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  // A peer "logs contacts (often anonymous), hands out supplies".
  'contact.record': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'allowed' },
  'assessment.record': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  'consent.record': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  'note.add': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  // Silent on who raises an alert; a peer on the street is often the one who sees the danger.
  'safetyAlert.raise': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'allowed' },
  'referral.create': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  'referral.transition': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  'appointment.book': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  'appointment.transition': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  'followUp.create': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  'followUp.complete': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  // "Team leads reviewing the synced caseload": the review queue is theirs alone.
  // Whoever may mark an appointment missed may take it back within the shift.
  'appointment.undoMissed': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  // The team's follow-ups are the lead's to hand out ("reassign").
  'followUp.reassign': { outreach_worker: 'denied', team_lead: 'allowed', peer_volunteer: 'denied' },
  'reviewItem.resolve': { outreach_worker: 'denied', team_lead: 'allowed', peer_volunteer: 'denied' },
  // Anyone raises an alert; a team lead ends one early (issue: "withdraw a safety alert early").
  'safetyAlert.withdraw': { outreach_worker: 'denied', team_lead: 'allowed', peer_volunteer: 'denied' },
  // The directory is the team lead's to keep (issue: "add, edit, archive … team leads only").
  'agency.create': { outreach_worker: 'denied', team_lead: 'allowed', peer_volunteer: 'denied' },
  'agency.update': { outreach_worker: 'denied', team_lead: 'allowed', peer_volunteer: 'denied' },
  'agency.archive': { outreach_worker: 'denied', team_lead: 'allowed', peer_volunteer: 'denied' },
  // Issue: cues and the NRM are for workers and leads; peers are refused.
  'observation.record': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  'nrm.refer': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  'nrm.record': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
  'dutyToNotify.record': { outreach_worker: 'allowed', team_lead: 'allowed', peer_volunteer: 'denied' },
};

/** The collections a role receives at all. */
export function expectedCollections(role: Role): CollectionName[] {
  return (Object.keys(expectedVisibility) as CollectionName[]).filter((c) => expectedVisibility[c][role] !== 'hidden');
}

/**
 * Fields only a team lead may write, whoever reads them: restricting processing ("do not
 * process", issue: the person's rights) is a team lead's decision.
 */
export const leadOnlyFields: Readonly<Record<'clients', readonly string[]>> = { clients: ['processingRestricted'] };
