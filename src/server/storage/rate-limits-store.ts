/**
 * Rate-limit counters, one row per limiter key, in the database so that every server
 * process on it counts the same requests (sign-in limits must not multiply with the
 * process count). A key's window starts at its first hit and lasts its window length, as
 * in @fastify/rate-limit's own store, so a burst is never split across two windows. Keys
 * arrive hashed (they hold usernames and addresses); times are ISO strings, so text order
 * is time order.
 */
import { sql } from 'kysely';
import type { Db } from './records-store';

export interface RateLimitHit {
  /** Hits in the key's current window, this one included. */
  readonly hits: number;
  /** When the key's current window ends (ms). */
  readonly endsAtMs: number;
}

/**
 * Counts one hit for the key; a window that has ended starts again at `nowMs`. One
 * statement (insert, or update on conflict, whose SET expressions all read the row as it
 * was), so concurrent hits from several processes are never lost.
 */
export async function countRateLimitHit(db: Db, keyHash: string, nowMs: number, windowMs: number): Promise<RateLimitHit> {
  const now = new Date(nowMs).toISOString();
  const ends = new Date(nowMs + windowMs).toISOString();
  const restart = sql<boolean>`rate_limits.expires_at <= ${now}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key_hash: keyHash, window_start: now, expires_at: ends, hits: 1 })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet({
        hits: sql<number>`CASE WHEN ${restart} THEN 1 ELSE rate_limits.hits + 1 END`,
        window_start: sql<string>`CASE WHEN ${restart} THEN ${now} ELSE rate_limits.window_start END`,
        expires_at: sql<string>`CASE WHEN ${restart} THEN ${ends} ELSE rate_limits.expires_at END`,
      }),
    )
    .returning(['hits', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), endsAtMs: Date.parse(row.expires_at) };
}

/** Drops the keys whose window has ended by `nowMs` (they no longer limit anyone). */
export async function deleteEndedRateLimits(db: Db, nowMs: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('expires_at', '<=', new Date(nowMs).toISOString()).execute();
}
