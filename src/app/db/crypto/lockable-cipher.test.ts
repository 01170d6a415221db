import { describe, expect, it } from 'vitest';
import { LockedError, createLockableCipher } from './lockable-cipher';
import { createTestDataKey } from './test-keys';

describe('lockable cipher', () => {
  it('starts locked and rejects seal and open with LockedError', async () => {
    const cipher = createLockableCipher();
    expect(cipher.isUnlocked).toBe(false);
    await expect(cipher.seal({ a: 1 })).rejects.toBeInstanceOf(LockedError);
    await expect(cipher.open({ v: 1, iv: new Uint8Array(12), data: new ArrayBuffer(32) })).rejects.toBeInstanceOf(LockedError);
  });

  it('seals and opens once unlocked, and rejects again after lock', async () => {
    const cipher = createLockableCipher();
    const key = await createTestDataKey();
    cipher.unlock(key);
    expect(cipher.isUnlocked).toBe(true);
    const sealed = await cipher.seal({ alias: 'Robin' });
    expect(await cipher.open(sealed)).toEqual({ alias: 'Robin' });

    cipher.lock();
    expect(cipher.isUnlocked).toBe(false);
    await expect(cipher.open(sealed)).rejects.toBeInstanceOf(LockedError);
    await expect(cipher.seal({ alias: 'Robin' })).rejects.toBeInstanceOf(LockedError);

    cipher.unlock(key); // the same object serves the app's whole lifetime
    expect(await cipher.open(sealed)).toEqual({ alias: 'Robin' });
  });

  it('does not hand out what an open started before a lock decrypted', async () => {
    const cipher = createLockableCipher();
    cipher.unlock(await createTestDataKey());
    const sealed = await cipher.seal({ alias: 'Robin' });
    const inFlight = cipher.open(sealed);
    cipher.lock();
    await expect(inFlight).rejects.toBeInstanceOf(LockedError);
  });
});
