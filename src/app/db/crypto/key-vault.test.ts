import { describe, expect, it } from 'vitest';
import { readWrappedKey, writeWrappedKey } from '../meta';
import { createTestDb } from '../test-support';
import { createAesGcmCipher } from './aes-gcm-cipher';
import { createDataKey, parseWrappedKey, PBKDF2_ITERATIONS, resolveIterations, unwrapDataKey, WrongPasswordError } from './key-vault';
import { TEST_KDF } from './test-keys';
import { measureUnlock } from './unlock-bench';

const subtle = globalThis.crypto.subtle;

describe('key vault', () => {
  it('creates a non-extractable data key and a plain wrapped copy', async () => {
    const { key, wrapped } = await createDataKey('pw', 'user-1', TEST_KDF);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(subtle.exportKey('raw', key)).rejects.toThrow();
    expect(wrapped).toMatchObject({ v: 1, userId: 'user-1', iterations: 1_000 });
    expect(wrapped.salt).toHaveLength(16);
    expect(wrapped.iv).toHaveLength(12);
    expect(parseWrappedKey(structuredClone(wrapped))).toEqual(wrapped);
  });

  it('unwraps with the right password to a non-extractable key that opens what the first sealed', async () => {
    const { key, wrapped } = await createDataKey('correct horse', 'user-1', TEST_KDF);
    const unwrapped = await unwrapDataKey('correct horse', wrapped);
    expect(unwrapped.extractable).toBe(false);
    await expect(subtle.exportKey('raw', unwrapped)).rejects.toThrow();
    const sealed = await createAesGcmCipher(key).seal({ alias: 'Robin' });
    expect(await createAesGcmCipher(unwrapped).open(sealed)).toEqual({ alias: 'Robin' });
  });

  it('throws WrongPasswordError for a wrong password, another user id or an altered wrap', async () => {
    const { wrapped } = await createDataKey('right', 'user-1', TEST_KDF);
    await expect(unwrapDataKey('wrong', wrapped)).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(unwrapDataKey('right', { ...wrapped, userId: 'user-2' })).rejects.toBeInstanceOf(WrongPasswordError);
    const altered = new Uint8Array(wrapped.wrapped.slice(0));
    altered[0] = (altered[0] ?? 0) ^ 1;
    await expect(unwrapDataKey('right', { ...wrapped, wrapped: altered.buffer })).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('matches the same password typed in another Unicode form', async () => {
    const { wrapped } = await createDataKey('Zoë', 'user-1', TEST_KDF);
    await expect(unwrapDataKey('Zoe\u0308', wrapped)).resolves.toBeDefined();
  });

  it('enforces the 600,000-iteration floor unless a test explicitly opts out', () => {
    expect(resolveIterations()).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect(() => resolveIterations({ iterations: 1_000 })).toThrow(RangeError);
    expect(resolveIterations({ iterations: 1_000, unsafeLowIterationsForTests: true })).toBe(1_000);
    expect(() => resolveIterations({ iterations: 0.5, unsafeLowIterationsForTests: true })).toThrow(RangeError);
    // The bounds, even for tests: at least 1, at most 10 million.
    expect(resolveIterations({ iterations: 1, unsafeLowIterationsForTests: true })).toBe(1);
    expect(() => resolveIterations({ iterations: 0, unsafeLowIterationsForTests: true })).toThrow('invalid PBKDF2 iteration count 0');
    expect(resolveIterations({ iterations: 10_000_000 })).toBe(10_000_000);
    expect(() => resolveIterations({ iterations: 10_000_001 })).toThrow('invalid PBKDF2 iteration count 10000001');
    expect(() => resolveIterations({ iterations: 1_000 })).toThrow('PBKDF2 needs at least 600000 iterations');
  });

  it('rejects a stored value that is not a wrapped key', () => {
    expect(() => parseWrappedKey({ v: 1, userId: 'u', salt: 'x', iv: new Uint8Array(12), wrapped: new ArrayBuffer(40), iterations: 1 })).toThrow();
    expect(() => parseWrappedKey(null)).toThrow();
  });

  it('round-trips through IndexedDB: stored, read back, unwrapped', async () => {
    const db = createTestDb();
    const { key, wrapped } = await createDataKey('pw', 'user-1', TEST_KDF);
    const sealed = await createAesGcmCipher(key).seal({ note: 'kept' });
    await writeWrappedKey(db, wrapped);
    db.close(); // read back from storage, not from a cache
    await db.open();
    const stored = await readWrappedKey(db);
    expect(stored).not.toBeNull();
    const unwrapped = await unwrapDataKey('pw', stored!);
    expect(await createAesGcmCipher(unwrapped).open(sealed)).toEqual({ note: 'kept' });
    await writeWrappedKey(db, null);
    expect(await readWrappedKey(db)).toBeNull();
  });

  it('creates and unwraps at the production 600,000 iterations', async () => {
    const timing = await measureUnlock();
    expect(timing.iterations).toBe(600_000);
    expect(timing.unwrapMs).toBeGreaterThan(0);
    expect(timing.totalMs).toBeLessThan(15_000);
  });
});
