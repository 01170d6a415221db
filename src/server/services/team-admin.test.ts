/**
 * The team lead's services called directly on SQLite (tests/security/team-admin.test.ts
 * drives the same through HTTP on both engines): each refusal's status and words, what
 * each action changes and what it leaves alone, and the audit row every action writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { Role } from '../../shared/domain/common';
import { verifyPasswordOrDummy } from '../auth/passwords';
import { getDevice, insertDeviceIfAbsent } from '../storage/devices-store';
import { getRecord } from '../storage/records-store';
import { getToken, insertToken } from '../storage/tokens-store';
import type { User } from '../storage/users-store';
import { getUserById, insertTeam } from '../storage/users-store';
import type { TestDatabase } from '../testing';
import { createTestDatabase } from '../testing';
import { lastAuditId, refusal } from './service-test-kit';
import type { Actor } from './team-admin';
import { listDevices, listUsers, recordAuditEvent, resetUserPassword, revokeTeamDevice, updateTeam, updateTeamUser, viewAudit } from './team-admin';
import { buildUser, createUser, insertUserWithRecord } from './users-service';

let db: TestDatabase;
const [teamId, otherTeamId] = [uuidv7(), uuidv7()];
const NOW = Date.parse('2030-05-05T05:05:05.000Z');
let lead: Actor;
let admin: Actor;
let worker: Actor;
let outsider: Actor;

async function addUser(team: string, role: Role, isAdmin = false): Promise<User> {
  const username = `${role}.${uuidv7().slice(-12)}`;
  const user = await buildUser({ teamId: team, username, name: username, role, admin: isAdmin, password: 'a-long-password-1' }, NOW);
  await db.storage.db.transaction().execute((trx) => insertUserWithRecord(trx, user));
  return user;
}

async function actor(team: string, role: Role, isAdmin = false): Promise<Actor> {
  return { user: await addUser(team, role, isAdmin), deviceId: uuidv7() };
}

/** The actor's audit rows after `since`, as `action outcome collection recordId`. */
async function auditOf(who: Actor, since = 0): Promise<string[]> {
  const rows = await db.storage.db.selectFrom('audit_log').selectAll().where('user_id', '=', who.user.id).where('id', '>', since).orderBy('id').execute();
  return rows.map((r) => [r.action, r.outcome, r.collection ?? '-', r.record_id ?? '-', r.device_id === who.deviceId ? 'device' : (r.device_id ?? '-')].join(' '));
}



async function addDevice(user: User): Promise<string> {
  const id = uuidv7();
  await insertDeviceIfAbsent(db.storage.db, { id, userId: user.id, name: 'Phone', now: new Date(NOW).toISOString() });
  await insertToken(db.storage.db, { tokenHash: `hash-${id}`, deviceId: id, userId: user.id, createdAt: new Date(NOW).toISOString(), lastUsedAt: new Date(NOW).toISOString(), expiresAt: '2031-01-01T00:00:00.000Z' });
  return id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  for (const id of [teamId, otherTeamId]) await insertTeam(db.storage.db, { id, name: `Team ${id.slice(-4)}`, idleLockMinutes: 5, createdAt: new Date(NOW).toISOString() });
  [lead, admin, worker, outsider] = await Promise.all([actor(teamId, 'team_lead'), actor(teamId, 'team_lead', true), actor(teamId, 'outreach_worker'), actor(otherTeamId, 'team_lead')]);
});
afterAll(async () => {
  await db.storage.close();
  await db.drop();
});

describe('who may manage', () => {
  it('refuses a worker with 403, audited as denied', async () => {
    const since = await lastAuditId(db.storage.db);
    expect(await refusal(listUsers(db.storage, worker))).toEqual({ status: 403, code: 'forbidden', message: 'Only a team lead can do that.' });
    expect(await auditOf(worker, since)).toEqual(['users.list denied - - device']);
  });

  it('lists the team’s users only, audited', async () => {
    const since = await lastAuditId(db.storage.db);
    const { users } = await listUsers(db.storage, lead);
    expect(users.map((u) => u.id)).toContain(worker.user.id);
    expect(users.map((u) => u.id)).not.toContain(outsider.user.id);
    expect(await auditOf(lead, since)).toEqual(['users.list ok users - device']);
  });
});

describe('adding a person', () => {
  it('refuses a worker and a lead adding a lead, audited; an admin may', async () => {
    const since = await lastAuditId(db.storage.db);
    const request = { username: `new.${uuidv7().slice(-8)}`, name: 'New', role: 'team_lead' as const };
    expect(await refusal(createUser(db.storage, worker, { ...request, role: 'peer_volunteer' }, NOW))).toEqual({ status: 403, code: 'forbidden', message: 'Only a team lead can add people.' });
    expect(await refusal(createUser(db.storage, lead, request, NOW))).toEqual({ status: 403, code: 'forbidden', message: 'Only an admin can add a team lead.' });
    expect(await auditOf(worker, since)).toEqual(['users.create denied users - device']);
    expect(await auditOf(lead, since)).toEqual(['users.create denied users - device']);
    const created = await createUser(db.storage, admin, request, NOW);
    expect(created).toMatchObject({ role: 'team_lead', teamId, active: true });
    expect(await auditOf(admin, since)).toEqual([`users.create ok users ${created.id} device`]);
  });

  it('hands over a temporary password to be changed, or keeps the one given, and syncs the person', async () => {
    const temp = await createUser(db.storage, lead, { username: `temp.${uuidv7().slice(-8)}`, name: 'Temp', role: 'outreach_worker' }, NOW);
    expect(temp.temporaryPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const stored = await getUserById(db.storage.db, temp.id);
    expect(stored?.mustChangePassword).toBe(true);
    expect(await verifyPasswordOrDummy(stored?.passwordHash, temp.temporaryPassword ?? '')).toBe(true);
    expect((await getRecord(db.storage.db, 'users', temp.id))?.data).toMatchObject({ id: temp.id, role: 'outreach_worker' });

    const own = await createUser(db.storage, lead, { username: `own.${uuidv7().slice(-8)}`, name: 'Own', role: 'peer_volunteer', password: 'chosen-password-22' }, NOW);
    expect(own).not.toHaveProperty('temporaryPassword');
    const ownStored = await getUserById(db.storage.db, own.id);
    expect(ownStored?.mustChangePassword).toBe(false);
    expect(await verifyPasswordOrDummy(ownStored?.passwordHash, 'chosen-password-22')).toBe(true);
  });

  it('refuses a username already taken, on any team', async () => {
    const taken = { username: outsider.user.username, name: 'Twin', role: 'outreach_worker' as const };
    expect(await refusal(createUser(db.storage, lead, taken, NOW))).toEqual({ status: 409, code: 'conflict', message: 'That username is already taken.' });
  });
});

describe('changing a person', () => {
  it('answers 404 for another team’s person as for nobody, audited with the id', async () => {
    for (const id of [outsider.user.id, uuidv7()]) {
      const since = await lastAuditId(db.storage.db);
      expect(await refusal(updateTeamUser(db.storage, lead, id, { name: 'X' }, NOW))).toEqual({ status: 404, code: 'not_found', message: 'Not found.' });
      expect(await auditOf(lead, since)).toEqual([`users.update denied:not_found users ${id} device`]);
    }
    expect((await getUserById(db.storage.db, outsider.user.id))?.name).toBe(outsider.user.name);
  });

  it('lets only an admin change an admin or make a lead; a lead may rename a fellow lead', async () => {
    const [someone, fellow] = [await addUser(teamId, 'outreach_worker'), await addUser(teamId, 'team_lead')];
    expect(await refusal(updateTeamUser(db.storage, lead, admin.user.id, { name: 'X' }, NOW))).toEqual({ status: 403, code: 'forbidden', message: 'Only an admin can change an admin.' });
    expect(await refusal(updateTeamUser(db.storage, lead, someone.id, { role: 'team_lead' }, NOW))).toEqual({
      status: 403,
      code: 'forbidden',
      message: 'Only an admin can make someone a team lead.',
    });
    expect(await updateTeamUser(db.storage, lead, fellow.id, { name: 'Renamed lead', role: 'team_lead' }, NOW)).toMatchObject({ name: 'Renamed lead', role: 'team_lead' });
    expect(await updateTeamUser(db.storage, admin, someone.id, { role: 'team_lead' }, NOW)).toMatchObject({ role: 'team_lead' });
  });

  it('never lets a lead remove their own access, but lets them rename themselves', async () => {
    const self = await actor(teamId, 'team_lead');
    const conflict = { status: 409, code: 'conflict', message: 'You cannot remove your own team-lead access. Ask another team lead.' };
    expect(await refusal(updateTeamUser(db.storage, self, self.user.id, { role: 'outreach_worker' }, NOW))).toEqual(conflict);
    expect(await refusal(updateTeamUser(db.storage, self, self.user.id, { active: false }, NOW))).toEqual(conflict);
    expect(await updateTeamUser(db.storage, self, self.user.id, { name: 'Still lead' }, NOW)).toMatchObject({ name: 'Still lead', role: 'team_lead', active: true });
    expect(await updateTeamUser(db.storage, self, self.user.id, { role: 'team_lead', active: true }, NOW)).toMatchObject({ role: 'team_lead' });
  });

  it('deactivating revokes every device and syncs the change; renaming leaves devices alone', async () => {
    const person = await addUser(teamId, 'outreach_worker');
    const device = await addDevice(person);
    const since = await lastAuditId(db.storage.db);
    await updateTeamUser(db.storage, lead, person.id, { name: 'Renamed' }, NOW);
    expect((await getDevice(db.storage.db, device))?.revokedAt).toBeNull();
    expect(await updateTeamUser(db.storage, lead, person.id, { active: false }, NOW)).toMatchObject({ active: false, name: 'Renamed' });
    expect((await getDevice(db.storage.db, device))?.revokedAt).toBe(new Date(NOW).toISOString());
    expect((await getRecord(db.storage.db, 'users', person.id))?.data).toMatchObject({ active: false, name: 'Renamed' });
    expect(await auditOf(lead, since)).toEqual([`users.update ok users ${person.id} device`, `users.update ok users ${person.id} device`]);
  });
});

describe('resetting a password', () => {
  it('gives a new temporary password, ends every session, and is audited', async () => {
    const person = await addUser(teamId, 'peer_volunteer');
    const device = await addDevice(person);
    const since = await lastAuditId(db.storage.db);
    const { temporaryPassword } = await resetUserPassword(db.storage, lead, person.id);
    const stored = await getUserById(db.storage.db, person.id);
    expect(stored?.mustChangePassword).toBe(true);
    expect(await verifyPasswordOrDummy(stored?.passwordHash, temporaryPassword)).toBe(true);
    expect(await getToken(db.storage.db, `hash-${device}`)).toBeUndefined();
    expect(await auditOf(lead, since)).toEqual([`users.resetPassword ok users ${person.id} device`]);
  });

  it('refuses one’s own, a lead’s or an admin’s (unless admin), and another team’s', async () => {
    const fellow = await addUser(teamId, 'team_lead');
    expect(await refusal(resetUserPassword(db.storage, lead, lead.user.id))).toEqual({ status: 409, code: 'conflict', message: 'Change your own password from your own account.' });
    const onlyAdmin = { status: 403, code: 'forbidden', message: "Only an admin can reset a team lead's password." };
    expect(await refusal(resetUserPassword(db.storage, lead, fellow.id))).toEqual(onlyAdmin);
    expect(await refusal(resetUserPassword(db.storage, lead, admin.user.id))).toEqual(onlyAdmin);
    const since = await lastAuditId(db.storage.db);
    expect(await refusal(resetUserPassword(db.storage, lead, outsider.user.id))).toMatchObject({ status: 404 });
    expect(await auditOf(lead, since)).toEqual([`users.resetPassword denied:not_found users ${outsider.user.id} device`]);
    expect(await resetUserPassword(db.storage, admin, fellow.id)).toHaveProperty('temporaryPassword');
  });
});

describe('devices', () => {
  it('lists and revokes the team’s devices, once, audited; another team’s answers 404', async () => {
    const person = await addUser(teamId, 'outreach_worker');
    const device = await addDevice(person);
    const theirs = await addDevice(outsider.user);
    const since = await lastAuditId(db.storage.db);
    expect((await listDevices(db.storage, lead)).devices.map((d) => d.id)).toContain(device);
    const revoked = await revokeTeamDevice(db.storage, lead, device, NOW);
    expect(revoked).toMatchObject({ id: device, userId: person.id, revokedAt: new Date(NOW).toISOString() });
    expect((await revokeTeamDevice(db.storage, lead, device, NOW + 60_000)).revokedAt).toBe(new Date(NOW).toISOString());
    expect(await refusal(revokeTeamDevice(db.storage, lead, theirs, NOW))).toMatchObject({ status: 404 });
    expect(await refusal(revokeTeamDevice(db.storage, lead, uuidv7(), NOW))).toMatchObject({ status: 404 });
    expect((await getDevice(db.storage.db, theirs))?.revokedAt).toBeNull();
    const log = await auditOf(lead, since);
    expect(log.slice(0, 4)).toEqual(['devices.list ok devices - device', `devices.revoke ok devices ${device} device`, `devices.revoke ok devices ${device} device`, `devices.revoke denied:not_found devices ${theirs} device`]);
  });
});

describe('team settings and the audit log', () => {
  it('sets the idle lock, audited against the team', async () => {
    const since = await lastAuditId(db.storage.db);
    expect(await updateTeam(db.storage, lead, { idleLockMinutes: 12 })).toEqual({ id: teamId, idleLockMinutes: 12 });
    expect(await auditOf(lead, since)).toEqual([`team.update ok teams ${teamId} device`]);
  });

  it('pages the team’s log newest first, says where the next page starts, and audits each look', async () => {
    const viewer = await actor(teamId, 'team_lead');
    for (const action of ['export', 'lock', 'wipe'] as const) await recordAuditEvent(db.storage, viewer, { action });
    expect(await auditOf(viewer)).toEqual(['device.export ok - - device', 'device.lock ok - - device', 'device.wipe ok - - device']);
    const first = await viewAudit(db.storage, viewer, { userId: viewer.user.id, limit: 2, purpose: 'view' });
    expect(first.entries.map((e) => e.action)).toEqual(['device.wipe', 'device.lock']);
    expect(first.nextBefore).toBe(first.entries[1]?.id);
    const rest = await viewAudit(db.storage, viewer, { userId: viewer.user.id, limit: 10, before: first.nextBefore ?? undefined, purpose: 'view' });
    expect(rest.entries.map((e) => e.action)).toEqual(['device.export']);
    expect(rest.nextBefore).toBeNull();
    const about = uuidv7();
    const since = await lastAuditId(db.storage.db);
    expect((await viewAudit(db.storage, viewer, { recordId: about, limit: 10, purpose: 'view' })).entries).toEqual([]);
    expect(await auditOf(viewer, since)).toEqual([`audit.view ok - ${about} device`]);
    expect((await viewAudit(db.storage, viewer, { userId: outsider.user.id, limit: 10, purpose: 'view' })).entries).toEqual([]);
  });

  it('filters the log by action, and records an export as an export', async () => {
    const viewer = await actor(teamId, 'team_lead');
    for (const action of ['export', 'lock', 'lock'] as const) await recordAuditEvent(db.storage, viewer, { action });
    const locks = await viewAudit(db.storage, viewer, { userId: viewer.user.id, action: 'device.lock', limit: 10, purpose: 'view' });
    expect(locks.entries.map((e) => e.action)).toEqual(['device.lock', 'device.lock']);
    const since = await lastAuditId(db.storage.db);
    const exported = await viewAudit(db.storage, viewer, { userId: viewer.user.id, action: 'device.export', limit: 500, purpose: 'export' });
    expect(exported.entries.map((e) => e.action)).toEqual(['device.export']);
    expect(await auditOf(viewer, since)).toEqual(['audit.export ok - - device']);
  });
});
