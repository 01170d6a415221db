/**
 * A store for @fastify/rate-limit that keeps its counters in the database
 * (storage/rate-limits-store.ts) instead of the process's memory, so limits hold across
 * every API process on one database. The library still does the limiting (keys, windows,
 * headers, 429s); this only counts. Keys are stored as SHA-256 hashes. Counted with the
 * app's clock, so tests can hold time still.
 */
import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Storage } from './storage/database';
import { countRateLimitHit, deleteEndedRateLimits } from './storage/rate-limits-store';

type IncrCallback = Parameters<FastifyRateLimitStore['incr']>[1];

/**
 * The store as the library calls it: it passes the limit's window as a third argument
 * (its type declarations omit it), and route options that may name the route.
 */
interface RateLimitStore {
  incr(key: string, callback: IncrCallback, timeWindow?: number): void;
  child(routeOptions: object): RateLimitStore;
}

const SWEEP_EVERY_MS = 60_000;
const DEFAULT_WINDOW_MS = 60_000;

function routeNameOf(routeOptions: object): string {
  const info = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
  return info === undefined ? '' : `${String(info.method)} ${String(info.url)}`;
}

/** The store class to hand to @fastify/rate-limit for this app's storage and clock. */
export function databaseRateLimitStore(storage: Storage, now: () => number): FastifyRateLimitStoreCtor {
  let sweptAt = 0;
  const sweep = async (nowMs: number): Promise<void> => {
    if (nowMs - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = nowMs;
    await deleteEndedRateLimits(storage.db, nowMs);
  };
  const store = (namespace: string): RateLimitStore => ({
    incr(key, callback, timeWindow = DEFAULT_WINDOW_MS) {
      const nowMs = now();
      const keyHash = createHash('sha256').update(`${namespace}\n${key}`).digest('hex');
      sweep(nowMs)
        .then(() => countRateLimitHit(storage.db, keyHash, nowMs, timeWindow))
        .then(
          ({ hits, endsAtMs }) => callback(null, { current: hits, ttl: Math.max(0, endsAtMs - nowMs) }),
          (error: unknown) => callback(error instanceof Error ? error : new Error('rate limit store failed')),
        );
    },
    // A route's own limit counts apart from every other route's.
    child: (routeOptions) => store(routeNameOf(routeOptions)),
  });
  return class DatabaseRateLimitStore {
    constructor() {
      return store('');
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
