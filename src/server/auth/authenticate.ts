/**
 * Resolves `Authorization: Bearer` to the signed-in user and device, or refuses. A revoked
 * device is told to wipe itself (`wipe: true`); an unknown, expired or malformed token is a
 * plain 401. Object-level checks (team, role) happen in the services, from this context.
 */
import type { Storage } from '../storage/database';
import { getDevice } from '../storage/devices-store';
import type { Device } from '../storage/devices-store';
import { deleteToken, getToken, touchToken } from '../storage/tokens-store';
import { getUserById } from '../storage/users-store';
import type { User } from '../storage/users-store';
import { ApiError, unauthorized } from '../services/errors';
import { bearerToken, hashToken, isTokenExpired } from './tokens';

export interface AuthContext {
  readonly user: User;
  readonly device: Device;
  readonly tokenHash: string;
}

/** Refresh `last_used_at` at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export async function authenticate(storage: Storage, header: string | undefined, nowMs: number): Promise<AuthContext> {
  const token = bearerToken(header);
  if (token === undefined) throw unauthorized('Sign in to continue.');
  const tokenHash = hashToken(token);
  const stored = await getToken(storage.db, tokenHash);
  if (stored === undefined) throw unauthorized('Your session has ended. Please sign in again.');
  const device = await getDevice(storage.db, stored.deviceId);
  if (device === undefined || device.revokedAt !== null) {
    throw new ApiError(401, 'unauthorized', 'This device has been signed out by your team lead.', true);
  }
  if (isTokenExpired(stored, nowMs)) {
    await deleteToken(storage.db, tokenHash);
    throw unauthorized('Your session has expired. Please sign in again.');
  }
  const user = await getUserById(storage.db, stored.userId);
  if (user === undefined || !user.active || device.userId !== user.id) {
    throw unauthorized('Your account is not active. Please speak to your team lead.');
  }
  if (Date.parse(stored.lastUsedAt) + TOUCH_INTERVAL_MS <= nowMs) {
    await touchToken(storage.db, tokenHash, new Date(nowMs).toISOString());
  }
  return { user, device, tokenHash };
}
