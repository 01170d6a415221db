/**
 * Team management by a team lead: the team's users and devices, and the idle lock. Every
 * action is checked against `managementPolicy` and scoped to the caller's team (from the
 * token): another team's user or device answers 404 exactly as a missing one does, so a
 * lead cannot even learn it exists. Every action — allowed, denied or not found — is
 * audited with ids only. A change to a user rewrites their synced `users` record in the
 * same transaction, so the team's devices see it at their next pull.
 */
import type { z } from 'zod';
import type { auditQuerySchema, ListAuditResponse } from '../../shared/api/admin';
import type { AuditEventRequest, ListDevicesResponse, ListUsersResponse, TeamDevice, TeamSettings, TeamUser, UpdateTeamRequest, UpdateUserRequest } from '../../shared/api/admin';
import type { Storage } from '../storage/database';
import { appendAudit, listAudit } from '../storage/audit-store';
import type { Device } from '../storage/devices-store';
import { getDevice, listTeamDevices, revokeDevice, revokeUserDevices } from '../storage/devices-store';
import { putRecord } from '../storage/records-store';
import type { User } from '../storage/users-store';
import { getTeam, getUserById, listTeamUsers, setIdleLockMinutes, setPassword, updateUser } from '../storage/users-store';
import { deleteUserTokens } from '../storage/tokens-store';
import { generateTemporaryPassword, hashPassword } from '../auth/passwords';
import type { TemporaryPasswordResponse } from '../../shared/api/auth';
import { ApiError, forbidden } from './errors';
import type { ManagementAction } from './policy';
import { mayManage } from './policy';
import { toUserRecord } from './users-service';

export interface Actor {
  readonly user: User;
  readonly deviceId: string;
}

type AuditTarget = { readonly collection?: string; readonly recordId?: string };

async function audit(storage: Storage, actor: Actor, action: string, outcome: string, target: AuditTarget = {}): Promise<void> {
  await appendAudit(storage.db, { userId: actor.user.id, deviceId: actor.deviceId, action, outcome, ...target });
}

/** Throws 403 (audited) unless the policy lets the actor take `action`. */
export async function authorize(storage: Storage, actor: Actor, action: ManagementAction): Promise<void> {
  if (mayManage(actor.user, action)) return;
  await audit(storage, actor, action, 'denied');
  throw forbidden('Only a team lead can do that.');
}

async function notFound(storage: Storage, actor: Actor, action: ManagementAction, target: AuditTarget): Promise<never> {
  await audit(storage, actor, action, 'denied:not_found', target);
  throw new ApiError(404, 'not_found', 'Not found.');
}

export function toTeamUser(user: User): TeamUser {
  return { id: user.id, username: user.username, name: user.name, role: user.role, admin: user.admin, active: user.active };
}

export function toTeamDevice(device: Device): TeamDevice {
  const { id, userId, name, createdAt, lastSeenAt, revokedAt, report } = device;
  return { id, userId, name, createdAt, lastSeenAt, revokedAt, report };
}

export async function listUsers(storage: Storage, actor: Actor): Promise<ListUsersResponse> {
  await authorize(storage, actor, 'users.list');
  const users = await listTeamUsers(storage.db, actor.user.teamId);
  await audit(storage, actor, 'users.list', 'ok', { collection: 'users' });
  return { users: users.map(toTeamUser) };
}

/** Refuses changes a lead may not make: to an admin or a lead (unless admin), or removing their own access. */
function checkUserChange(actor: Actor, target: User, changes: UpdateUserRequest): void {
  if (target.admin && !actor.user.admin) throw forbidden('Only an admin can change an admin.');
  const makesLead = changes.role === 'team_lead' && target.role !== 'team_lead';
  if (makesLead && !actor.user.admin) throw forbidden('Only an admin can make someone a team lead.');
  const demotesSelf = changes.role !== undefined && changes.role !== 'team_lead';
  if (target.id === actor.user.id && (demotesSelf || changes.active === false)) {
    throw new ApiError(409, 'conflict', 'You cannot remove your own team-lead access. Ask another team lead.');
  }
}

/** Renames, changes the role of, or (de)activates a user; deactivating revokes their devices. */
export async function updateTeamUser(storage: Storage, actor: Actor, id: string, changes: UpdateUserRequest, nowMs: number): Promise<TeamUser> {
  await authorize(storage, actor, 'users.update');
  const target = await getUserById(storage.db, id);
  if (target === undefined || target.teamId !== actor.user.teamId) return notFound(storage, actor, 'users.update', { collection: 'users', recordId: id });
  checkUserChange(actor, target, changes);
  const now = new Date(nowMs).toISOString();
  const updated: User = { ...target, ...changes };
  await storage.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, changes);
    if (changes.active === false) await revokeUserDevices(trx, id, now);
    await putRecord(trx, { collection: 'users', id, teamId: target.teamId, data: toUserRecord(updated) });
    await appendAudit(trx, { userId: actor.user.id, deviceId: actor.deviceId, action: 'users.update', collection: 'users', recordId: id, outcome: 'ok' }, now);
  });
  return toTeamUser(updated);
}

/**
 * Gives a colleague a new temporary password (answered once) which they must replace at
 * their next sign-in, and ends every session they hold: a reset is for a forgotten or
 * exposed password. An admin's (or one's own) password is not reset here.
 */
export async function resetUserPassword(storage: Storage, actor: Actor, id: string): Promise<TemporaryPasswordResponse> {
  await authorize(storage, actor, 'users.resetPassword');
  const target = await getUserById(storage.db, id);
  if (target === undefined || target.teamId !== actor.user.teamId) return notFound(storage, actor, 'users.resetPassword', { collection: 'users', recordId: id });
  if (target.id === actor.user.id) throw new ApiError(409, 'conflict', 'Change your own password from your own account.');
  if ((target.admin || target.role === 'team_lead') && !actor.user.admin) throw forbidden("Only an admin can reset a team lead's password.");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await storage.db.transaction().execute(async (trx) => {
    await setPassword(trx, id, passwordHash, true);
    await deleteUserTokens(trx, id);
    await appendAudit(trx, { userId: actor.user.id, deviceId: actor.deviceId, action: 'users.resetPassword', collection: 'users', recordId: id, outcome: 'ok' });
  });
  return { temporaryPassword };
}

export async function listDevices(storage: Storage, actor: Actor): Promise<ListDevicesResponse> {
  await authorize(storage, actor, 'devices.list');
  const devices = await listTeamDevices(storage.db, actor.user.teamId);
  await audit(storage, actor, 'devices.list', 'ok', { collection: 'devices' });
  return { devices: devices.map(toTeamDevice) };
}

/** Revokes a device of the team; its next request answers 401 `wipe: true`. Idempotent. */
export async function revokeTeamDevice(storage: Storage, actor: Actor, id: string, nowMs: number): Promise<TeamDevice> {
  await authorize(storage, actor, 'devices.revoke');
  const target = { collection: 'devices', recordId: id };
  const device = await getDevice(storage.db, id);
  const owner = device === undefined ? undefined : await getUserById(storage.db, device.userId);
  if (device === undefined || owner?.teamId !== actor.user.teamId) return notFound(storage, actor, 'devices.revoke', target);
  const revokedAt = device.revokedAt ?? new Date(nowMs).toISOString();
  if (device.revokedAt === null) await revokeDevice(storage.db, id, revokedAt);
  await audit(storage, actor, 'devices.revoke', 'ok', target);
  return toTeamDevice({ ...device, revokedAt });
}

export async function updateTeam(storage: Storage, actor: Actor, request: UpdateTeamRequest): Promise<TeamSettings> {
  await authorize(storage, actor, 'team.update');
  const teamId = actor.user.teamId;
  await setIdleLockMinutes(storage.db, teamId, request.idleLockMinutes);
  await audit(storage, actor, 'team.update', 'ok', { collection: 'teams', recordId: teamId });
  const team = await getTeam(storage.db, teamId);
  return { id: teamId, idleLockMinutes: team?.idleLockMinutes ?? request.idleLockMinutes };
}

/**
 * The team's audit log for a team lead: the actions of the team's people (ids, action and
 * outcome names, times), filtered by person, record and date, newest first. Looking is
 * itself audited.
 */
export async function viewAudit(storage: Storage, actor: Actor, query: z.output<typeof auditQuerySchema>): Promise<ListAuditResponse> {
  await authorize(storage, actor, 'audit.view');
  const team = (await listTeamUsers(storage.db, actor.user.teamId)).map((u) => u.id);
  const userIds = query.userId === undefined ? team : team.filter((id) => id === query.userId);
  const entries = await listAudit(storage.db, { userIds, recordId: query.recordId, action: query.action, from: query.from, to: query.to, before: query.before, limit: query.limit });
  await audit(storage, actor, query.purpose === 'export' ? 'audit.export' : 'audit.view', 'ok', query.recordId === undefined ? {} : { recordId: query.recordId });
  return { entries, nextBefore: entries.length === query.limit ? (entries.at(-1)?.id ?? null) : null };
}

/** A device reports an export, a lock or a wipe; only the ids and the kind are kept. */
export async function recordAuditEvent(storage: Storage, actor: Actor, request: AuditEventRequest): Promise<void> {
  await authorize(storage, actor, 'audit.record');
  await audit(storage, actor, `device.${request.action}`, 'ok');
}
