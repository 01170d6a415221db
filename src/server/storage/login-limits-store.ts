/**
 * Login attempt counters: one row per limiter key, so every server process on the database
 * counts the same attempts. A key's window starts at its first attempt and lasts one window
 * length (not aligned to the clock's minutes, so a burst is never split in two halves that
 * each stay under the limit). Keys arrive already hashed (they hold usernames and
 * addresses); times are ISO strings, so text order is time order.
 */
import { sql } from 'kysely';
import type { Db } from './records-store';

/**
 * Counts one attempt for the key and returns the count in its current window, this attempt
 * included; a window that has ended starts again at `now`. One statement (insert, or update
 * on conflict; both SET expressions read the row as it was), so concurrent attempts are
 * never lost.
 */
export async function countLoginAttempt(db: Db, keyHash: string, now: string, windowMs: number): Promise<number> {
  const ended = new Date(Date.parse(now) - windowMs).toISOString();
  const row = await db
    .insertInto('login_limits')
    .values({ key_hash: keyHash, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet({
        hits: sql<number>`CASE WHEN login_limits.window_start <= ${ended} THEN 1 ELSE login_limits.hits + 1 END`,
        window_start: sql<string>`CASE WHEN login_limits.window_start <= ${ended} THEN ${now} ELSE login_limits.window_start END`,
      }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

/** Drops the keys whose window started at or before `ended` (they no longer limit anyone). */
export async function deleteLoginWindowsEndedBy(db: Db, ended: string): Promise<void> {
  await db.deleteFrom('login_limits').where('window_start', '<=', ended).execute();
}
