/**
 * Sign-in, sign-out, password change and `me`, called directly on SQLite (the HTTP and
 * security suites run them through routes on both engines): who is let in on which
 * device, the same words for every failed sign-in, and the audit row of each attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { AuthContext } from '../auth/authenticate';
import { hashToken } from '../auth/tokens';
import { getDevice, revokeDevice } from '../storage/devices-store';
import { getToken } from '../storage/tokens-store';
import type { User } from '../storage/users-store';
import { getUserById, insertTeam, updateUser } from '../storage/users-store';
import type { TestDatabase } from '../testing';
import { createTestDatabase } from '../testing';
import { lastAuditId, refusal } from './service-test-kit';
import { changePassword, login, logout, me } from './auth-service';
import { buildUser, insertUserWithRecord } from './users-service';

let db: TestDatabase;
const teamId = uuidv7();
const NOW = Date.parse('2030-05-05T05:05:05.000Z');
const PASSWORD = 'a-long-password-1';

async function addUser(): Promise<User> {
  const username = `user.${uuidv7().slice(-12)}`;
  const user = await buildUser({ teamId, username, name: username, role: 'outreach_worker', admin: false, password: PASSWORD }, NOW);
  await db.storage.db.transaction().execute((trx) => insertUserWithRecord(trx, user));
  return user;
}

/** Audit rows after `since`: `action outcome user device`. */
async function auditSince(since: number): Promise<string[]> {
  const rows = await db.storage.db.selectFrom('audit_log').selectAll().where('id', '>', since).orderBy('id').execute();
  return rows.map((r) => [r.action, r.outcome, r.user_id ?? '-', r.device_id ?? '-'].join(' '));
}



async function session(user: User, deviceId = uuidv7()): Promise<AuthContext & { token: string }> {
  const { token } = await login(db.storage, { username: user.username, password: PASSWORD, deviceId }, NOW);
  const [fresh, device] = [await getUserById(db.storage.db, user.id), await getDevice(db.storage.db, deviceId)];
  if (fresh === undefined || device === undefined) throw new Error('no session');
  return { user: fresh, device, tokenHash: hashToken(token), token };
}

beforeAll(async () => {
  db = await createTestDatabase();
  await insertTeam(db.storage.db, { id: teamId, name: 'Team', idleLockMinutes: 7, createdAt: new Date(NOW).toISOString() });
});
afterAll(async () => {
  await db.storage.close();
  await db.drop();
});

describe('signing in', () => {
  it('binds a new device to the person, names it, opens a session and audits it', async () => {
    const user = await addUser();
    const [named, unnamed] = [uuidv7(), uuidv7()];
    const since = await lastAuditId(db.storage.db);
    const answer = await login(db.storage, { username: user.username, password: PASSWORD, deviceId: named, deviceName: 'Sam’s phone' }, NOW);
    expect(answer).toMatchObject({ user: { id: user.id, role: 'outreach_worker', teamId, admin: false }, mustChangePassword: false });
    expect(await getToken(db.storage.db, hashToken(answer.token))).toMatchObject({ deviceId: named, userId: user.id });
    expect(await getDevice(db.storage.db, named)).toMatchObject({ userId: user.id, name: 'Sam’s phone' });
    await login(db.storage, { username: user.username, password: PASSWORD, deviceId: unnamed }, NOW);
    expect((await getDevice(db.storage.db, unnamed))?.name).toBe('Device');
    expect(await auditSince(since)).toEqual([`login ok ${user.id} ${named}`, `login ok ${user.id} ${unnamed}`]);
  });

  it('answers a wrong password, an unknown name and a deactivated person alike, audited as failed', async () => {
    const [user, gone] = [await addUser(), await addUser()];
    await updateUser(db.storage.db, gone.id, { active: false });
    const since = await lastAuditId(db.storage.db);
    const wrong = { status: 401, code: 'unauthorized', message: 'Wrong username or password.' };
    expect(await refusal(login(db.storage, { username: user.username, password: 'not-the-password', deviceId: uuidv7() }, NOW))).toEqual(wrong);
    expect(await refusal(login(db.storage, { username: 'nobody.here', password: PASSWORD, deviceId: uuidv7() }, NOW))).toEqual(wrong);
    expect(await refusal(login(db.storage, { username: gone.username, password: PASSWORD, deviceId: uuidv7() }, NOW))).toEqual(wrong);
    expect(await auditSince(since)).toEqual([`login failed ${user.id} -`, 'login failed - -', `login failed ${gone.id} -`]);
  });

  it('refuses a device bound to someone else, or revoked, with the same words, audited as denied', async () => {
    const [owner, other] = [await addUser(), await addUser()];
    const deviceId = uuidv7();
    await login(db.storage, { username: owner.username, password: PASSWORD, deviceId }, NOW);
    const since = await lastAuditId(db.storage.db);
    const denied = { status: 403, code: 'forbidden', message: 'This device cannot be used with this account. Reset the app on this device to sign in.' };
    expect(await refusal(login(db.storage, { username: other.username, password: PASSWORD, deviceId }, NOW))).toEqual(denied);
    await revokeDevice(db.storage.db, deviceId, new Date(NOW).toISOString());
    expect(await refusal(login(db.storage, { username: owner.username, password: PASSWORD, deviceId }, NOW))).toEqual(denied);
    expect(await getDevice(db.storage.db, deviceId)).toMatchObject({ userId: owner.id });
    expect(await auditSince(since)).toEqual([`login denied ${other.id} ${deviceId}`, `login denied ${owner.id} ${deviceId}`]);
  });
});

describe('sessions and passwords', () => {
  it('signing out ends every session of the device and no other', async () => {
    const user = await addUser();
    const [a, b, elsewhere] = [await session(user), await session(user), await session(user)];
    const again = await login(db.storage, { username: user.username, password: PASSWORD, deviceId: a.device.id }, NOW);
    const since = await lastAuditId(db.storage.db);
    await logout(db.storage, a);
    expect(await getToken(db.storage.db, a.tokenHash)).toBeUndefined();
    expect(await getToken(db.storage.db, hashToken(again.token))).toBeUndefined();
    for (const kept of [b, elsewhere]) expect(await getToken(db.storage.db, kept.tokenHash)).toBeDefined();
    expect(await auditSince(since)).toEqual([`logout ok ${user.id} ${a.device.id}`]);
  });

  it('changes a password only with the current one, audited either way', async () => {
    const auth = await session(await addUser());
    const since = await lastAuditId(db.storage.db);
    expect(await refusal(changePassword(db.storage, auth, { currentPassword: 'not-it-at-all', newPassword: 'a-new-password-22' }))).toEqual({
      status: 400,
      code: 'bad_request',
      message: 'Your current password is not right.',
    });
    await changePassword(db.storage, auth, { currentPassword: PASSWORD, newPassword: 'a-new-password-22' });
    expect((await getUserById(db.storage.db, auth.user.id))?.mustChangePassword).toBe(false);
    await expect(login(db.storage, { username: auth.user.username, password: 'a-new-password-22', deviceId: auth.device.id }, NOW)).resolves.toHaveProperty('token');
    expect((await auditSince(since)).slice(0, 2)).toEqual([`password.change failed ${auth.user.id} ${auth.device.id}`, `password.change ok ${auth.user.id} ${auth.device.id}`]);
  });

  it('answers who is signed in with the team’s idle lock, and 401 when the team is gone', async () => {
    const auth = await session(await addUser());
    expect(await me(db.storage, auth)).toEqual({ user: { id: auth.user.id, name: auth.user.name, role: 'outreach_worker', teamId, admin: false }, deviceId: auth.device.id, idleLockMinutes: 7 });
    const orphan = { ...auth, user: { ...auth.user, teamId: uuidv7() } };
    expect(await refusal(me(db.storage, orphan))).toEqual({ status: 401, code: 'unauthorized', message: 'Your team no longer exists.' });
  });
});
