/**
 * Login attempt counters: one row per limiter key and fixed window, so every server process
 * on the database counts the same attempts. Keys arrive already hashed (they hold usernames
 * and addresses); windows are ISO times, so text order is time order.
 */
import type { Db } from './records-store';

/**
 * Counts one attempt in the key's window and returns the window's count including it. One
 * statement (insert, or add one on conflict), so concurrent attempts are never lost.
 */
export async function countLoginAttempt(db: Db, keyHash: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('login_limits')
    .values({ key_hash: keyHash, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['key_hash', 'window_start']).doUpdateSet((eb) => ({ hits: eb('login_limits.hits', '+', 1) })))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

/** Drops the windows that started before `windowStart` (they no longer limit anyone). */
export async function deleteLoginWindowsBefore(db: Db, windowStart: string): Promise<void> {
  await db.deleteFrom('login_limits').where('window_start', '<', windowStart).execute();
}
