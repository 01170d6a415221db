/**
 * Sign-in and sessions. A device id is bound to the first user who signs in on it; another
 * user presenting it is refused, so one person's replica is never filled for another. Every
 * attempt is audited by id; the answer to a wrong username and a wrong password is the same
 * and takes the same time.
 */
import type { LoginRequest, LoginResponse, MeResponse } from '../../shared/api/auth';
import type { AuthContext } from '../auth/authenticate';
import { verifyPasswordOrDummy } from '../auth/passwords';
import { TOKEN_ABSOLUTE_MS, generateToken, hashToken } from '../auth/tokens';
import type { Storage } from '../storage/database';
import { appendAudit } from '../storage/audit-store';
import { getDevice, insertDevice, touchDevice } from '../storage/devices-store';
import { deleteToken, insertToken } from '../storage/tokens-store';
import type { User } from '../storage/users-store';
import { getTeam, getUserByUsername } from '../storage/users-store';
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

export async function login(storage: Storage, request: LoginRequest, nowMs: number): Promise<LoginResponse> {
  const user = await verifyCredentials(storage, request);
  const now = new Date(nowMs).toISOString();
  const device = await getDevice(storage.db, request.deviceId);
  if (device !== undefined && (device.userId !== user.id || device.revokedAt !== null)) {
    await appendAudit(storage.db, { userId: user.id, deviceId: device.id, action: 'login', outcome: 'denied' });
    throw forbidden('This device cannot be used with this account. Reset the app on this device to sign in.');
  }
  const token = generateToken();
  const expiresAt = new Date(nowMs + TOKEN_ABSOLUTE_MS).toISOString();
  await storage.db.transaction().execute(async (trx) => {
    const name = request.deviceName ?? 'Device';
    if (device === undefined) await insertDevice(trx, { id: request.deviceId, userId: user.id, name, now });
    else await touchDevice(trx, device.id, now, request.deviceName);
    await insertToken(trx, { tokenHash: hashToken(token), deviceId: request.deviceId, userId: user.id, createdAt: now, lastUsedAt: now, expiresAt });
    await appendAudit(trx, { userId: user.id, deviceId: request.deviceId, action: 'login', outcome: 'ok' }, now);
  });
  return { token, user: sessionUser(user), expiresAt };
}

/** Ends this session only; the device's other state is untouched. */
export async function logout(storage: Storage, auth: AuthContext): Promise<void> {
  await deleteToken(storage.db, auth.tokenHash);
  await appendAudit(storage.db, { userId: auth.user.id, deviceId: auth.device.id, action: 'logout', outcome: 'ok' });
}

export async function me(storage: Storage, auth: AuthContext): Promise<MeResponse> {
  const team = await getTeam(storage.db, auth.user.teamId);
  if (team === undefined) throw new ApiError(401, 'unauthorized', 'Your team no longer exists.');
  return { user: sessionUser(auth.user), deviceId: auth.device.id, idleLockMinutes: team.idleLockMinutes };
}
