/**
 * Login rate limits, counted in the database so they hold across every server process on
 * it (several processes on one PostgreSQL would otherwise each allow the full count), on
 * SQLite too so both engines run one code path. Three limits, checked in this order and
 * counted only until one refuses: per address (one machine guessing many accounts), per
 * address and account (one machine guessing one account), and per account from everywhere,
 * with a ceiling three times the per-address one. One attacker hammering an account from
 * one address is stopped by the second limit before the account-wide count grows, so the
 * owner can still sign in from their own phone; it takes several addresses at once to
 * slow them. A key's one-minute window starts at its first attempt; keys are stored as
 * SHA-256 hashes, and a key is deleted once its window has ended.
 */
import { createHash } from 'node:crypto';
import type { Storage } from '../storage/database';
import { countLoginAttempt, deleteLoginWindowsEndedBy } from '../storage/login-limits-store';

const LOGIN_WINDOW_MS = 60_000;
const LOGIN_LIMIT_PER_ADDRESS = 50;
const LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS = 10;
const LOGIN_LIMIT_PER_ACCOUNT = 3 * LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS;

/** Who is trying: the client's address (as the trusted proxy reports it) and the username. */
export interface LoginAttempt {
  readonly address: string;
  readonly username: string;
}

interface Limit {
  readonly max: number;
  key(attempt: LoginAttempt): string;
}

const LIMITS: readonly Limit[] = [
  { max: LOGIN_LIMIT_PER_ADDRESS, key: (a) => `address\n${a.address}` },
  { max: LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS, key: (a) => `account-address\n${a.address}\n${a.username}` },
  { max: LOGIN_LIMIT_PER_ACCOUNT, key: (a) => `account\n${a.username}` },
];

const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export interface LoginLimiter {
  /** Counts the attempt; false when a limit refuses it (the caller answers 429). */
  admits(attempt: LoginAttempt, nowMs: number): Promise<boolean>;
}

/** A limiter over `storage`; it sweeps ended windows at most once per window. */
export function createLoginLimiter(storage: Storage): LoginLimiter {
  let sweptAt = 0;
  return {
    async admits(attempt, nowMs) {
      if (nowMs - sweptAt >= LOGIN_WINDOW_MS) {
        sweptAt = nowMs;
        await deleteLoginWindowsEndedBy(storage.db, new Date(nowMs - LOGIN_WINDOW_MS).toISOString());
      }
      const now = new Date(nowMs).toISOString();
      for (const limit of LIMITS) {
        if ((await countLoginAttempt(storage.db, hashKey(limit.key(attempt)), now, LOGIN_WINDOW_MS)) > limit.max) return false;
      }
      return true;
    },
  };
}
