/**
 * Sign-in and sessions. A device id is bound to the first user who signs in on it, even when
 * several sign-ins race with it; another user presenting it is refused, so one person's
 * replica is never filled for another. Signing out ends every session of the device. Every
 * attempt is audited by id; the answer to a wrong username and a wrong password is the same
 * and takes the same time.
 */
import type { ChangePasswordRequest, LoginRequest, LoginResponse, MeResponse } from '../../shared/api/auth';
import type { AuthContext } from '../auth/authenticate';
import { hashPassword, verifyPasswordOrDummy } from '../auth/passwords';
import { TOKEN_ABSOLUTE_MS, generateToken, hashToken } from '../auth/tokens';
import type { Storage } from '../storage/database';
import { appendAudit } from '../storage/audit-store';
import { getDevice, insertDeviceIfAbsent, touchDevice } from '../storage/devices-store';
import type { Device } from '../storage/devices-store';
import { deleteDeviceTokens, insertToken } from '../storage/tokens-store';
import type { User } from '../storage/users-store';
import { getTeam, getUserByUsername, setPassword } from '../storage/users-store';
import { ApiError, forbidden, unauthorized } from './errors';

export function sessionUser(user: User): LoginResponse['user'] {
  return { id: user.id, name: user.name, role: user.role, teamId: user.teamId, admin: user.admin };
}

async function verifyCredentials(storage: Storage, request: LoginRequest): Promise<User> {
  const user = await getUserByUsername(storage.db, request.username);
  const valid = await verifyPasswordOrDummy(user?.passwordHash, request.password);
  if (user === undefined || !valid || !user.active) {
    await appendAudit(storage.db, { userId: user?.id ?? null, deviceId: null, action: 'login', outcome: 'failed' });
    throw unauthorized('Wrong username or password.');
  }
  return user;
}

/** Is this device row one `user` may sign in on? */
const mayUse = (device: Device | undefined, user: User): device is Device => device !== undefined && device.userId === user.id && device.revokedAt === null;

export async function login(storage: Storage, request: LoginRequest, nowMs: number): Promise<LoginResponse> {
  const user = await verifyCredentials(storage, request);
  const now = new Date(nowMs).toISOString();
  const token = generateToken();
  const expiresAt = new Date(nowMs + TOKEN_ABSOLUTE_MS).toISOString();
  // Bind-if-new, then read back who the device is bound to: a concurrent sign-in with the
  // same new id may have bound it first (to this user or another), and that is not an error.
  const bound = await storage.db.transaction().execute(async (trx) => {
    await insertDeviceIfAbsent(trx, { id: request.deviceId, userId: user.id, name: request.deviceName ?? 'Device', now });
    const device = await getDevice(trx, request.deviceId);
    if (!mayUse(device, user)) {
      await appendAudit(trx, { userId: user.id, deviceId: request.deviceId, action: 'login', outcome: 'denied' }, now);
      return false;
    }
    await touchDevice(trx, device.id, now, request.deviceName);
    await insertToken(trx, { tokenHash: hashToken(token), deviceId: device.id, userId: user.id, createdAt: now, lastUsedAt: now, expiresAt });
    await appendAudit(trx, { userId: user.id, deviceId: device.id, action: 'login', outcome: 'ok' }, now);
    return true;
  });
  if (!bound) throw forbidden('This device cannot be used with this account. Reset the app on this device to sign in.');
  return { token, user: sessionUser(user), expiresAt, mustChangePassword: user.mustChangePassword };
}

/**
 * The signed-in person replaces their password (a temporary one after their first sign-in
 * or a reset). Needs the current one; audited either way.
 */
export async function changePassword(storage: Storage, auth: AuthContext, request: ChangePasswordRequest): Promise<void> {
  const audit = { userId: auth.user.id, deviceId: auth.device.id, action: 'password.change' };
  if (!(await verifyPasswordOrDummy(auth.user.passwordHash, request.currentPassword))) {
    await appendAudit(storage.db, { ...audit, outcome: 'failed' });
    throw new ApiError(400, 'bad_request', 'Your current password is not right.');
  }
  const passwordHash = await hashPassword(request.newPassword);
  await storage.db.transaction().execute(async (trx) => {
    await setPassword(trx, auth.user.id, passwordHash, false);
    await appendAudit(trx, { ...audit, outcome: 'ok' });
  });
}

/** Ends every session of this device (not only the token presented); its data stays. */
export async function logout(storage: Storage, auth: AuthContext): Promise<void> {
  await deleteDeviceTokens(storage.db, auth.device.id);
  await appendAudit(storage.db, { userId: auth.user.id, deviceId: auth.device.id, action: 'logout', outcome: 'ok' });
}

export async function me(storage: Storage, auth: AuthContext): Promise<MeResponse> {
  const team = await getTeam(storage.db, auth.user.teamId);
  if (team === undefined) throw new ApiError(401, 'unauthorized', 'Your team no longer exists.');
  return { user: sessionUser(auth.user), deviceId: auth.device.id, idleLockMinutes: team.idleLockMinutes };
}
