import { describe, expect, it } from 'vitest';
import { TOKEN_ABSOLUTE_MS, TOKEN_IDLE_MS, bearerToken, generateToken, hashToken, isTokenExpired } from './tokens';

describe('tokens', () => {
  it('are 32 random bytes in base64url', () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('hash to a stable SHA-256 hex that does not contain the token', () => {
    const t = generateToken();
    expect(hashToken(t)).toBe(hashToken(t));
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).not.toContain(t);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    ['fresh', 0, false],
    ['idle just under 12 h', TOKEN_IDLE_MS - 1, false],
    ['idle 12 h', TOKEN_IDLE_MS, true],
  ])('idle expiry: %s', (_label, idle, expired) => {
    const now = Date.parse('2025-01-01T12:00:00Z') + idle;
    const token = { lastUsedAt: '2025-01-01T12:00:00.000Z', expiresAt: new Date(now + TOKEN_ABSOLUTE_MS).toISOString() };
    expect(isTokenExpired(token, now)).toBe(expired);
  });

  it('absolute expiry wins even when recently used', () => {
    const now = Date.parse('2025-02-01T00:00:00Z');
    expect(isTokenExpired({ lastUsedAt: new Date(now - 1000).toISOString(), expiresAt: new Date(now).toISOString() }, now)).toBe(true);
  });

  it.each([
    [undefined, undefined],
    ['Basic abc', undefined],
    ['Bearer short', undefined],
    ['Bearer ' + 'a'.repeat(43), 'a'.repeat(43)],
  ])('bearerToken(%s)', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
