/** Session tokens, stored only as SHA-256 hashes: a database leak does not leak sessions. */
import type { Db } from './records-store';

export interface StoredToken {
  readonly tokenHash: string;
  readonly deviceId: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly lastUsedAt: string;
  readonly expiresAt: string;
}

export async function insertToken(db: Db, token: StoredToken): Promise<void> {
  await db
    .insertInto('tokens')
    .values({
      token_hash: token.tokenHash,
      device_id: token.deviceId,
      user_id: token.userId,
      created_at: token.createdAt,
      last_used_at: token.lastUsedAt,
      expires_at: token.expiresAt,
    })
    .execute();
}

export async function getToken(db: Db, tokenHash: string): Promise<StoredToken | undefined> {
  const row = await db.selectFrom('tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    tokenHash: row.token_hash,
    deviceId: row.device_id,
    userId: row.user_id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  };
}

export async function touchToken(db: Db, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('tokens').set({ last_used_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteToken(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('tokens').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user, on every device (their password was reset). */
export async function deleteUserTokens(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('tokens').where('user_id', '=', userId).execute();
}

/** Ends every session a device holds (signing out on a device signs all of it out). */
export async function deleteDeviceTokens(db: Db, deviceId: string): Promise<void> {
  await db.deleteFrom('tokens').where('device_id', '=', deviceId).execute();
}
