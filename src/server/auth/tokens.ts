/**
 * Opaque bearer tokens: 32 random bytes, base64url. Only the SHA-256 hash is stored, so a
 * copy of the database cannot be replayed as sessions. A token dies after 12 hours unused
 * or 30 days after it was issued, whichever comes first.
 */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_IDLE_MS = 12 * 60 * 60 * 1000;
export const TOKEN_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface TokenTimes {
  readonly lastUsedAt: string;
  readonly expiresAt: string;
}

/** True when the token is past its absolute expiry or has been idle too long. */
export function isTokenExpired(token: TokenTimes, nowMs: number): boolean {
  if (Date.parse(token.expiresAt) <= nowMs) return true;
  return Date.parse(token.lastUsedAt) + TOKEN_IDLE_MS <= nowMs;
}

/** Parses `Authorization: Bearer <token>`; undefined for anything else. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match?.[1];
}
