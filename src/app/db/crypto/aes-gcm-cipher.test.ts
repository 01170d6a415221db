import { describe, expect, it } from 'vitest';
import { createPassthroughCipher, sameSealed, type Sealed } from '../cipher';
import { createTestDb } from '../test-support';
import { AES_GCM_CIPHER_VERSION, createAesGcmCipher, UnopenableValueError } from './aes-gcm-cipher';
import { createTestDataKey } from './test-keys';

const flipFirstByte = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => {
  const copy = new Uint8Array(bytes);
  copy[0] = (copy[0] ?? 0) ^ 1;
  return copy;
};

describe('AES-GCM cipher', () => {
  it('round-trips JSON values', async () => {
    const cipher = createAesGcmCipher(await createTestDataKey());
    for (const value of [{ alias: 'Zoë', areas: ['Docks'], n: 3, ok: true, none: null }, 'text', 0, []]) {
      const sealed = await cipher.seal(value);
      expect(sealed.v).toBe(AES_GCM_CIPHER_VERSION);
      expect(sealed.iv).toHaveLength(12);
      expect(await cipher.open(sealed)).toEqual(value);
    }
    await expect(cipher.seal(undefined)).rejects.toThrow(TypeError);
  });

  it('seals the same value differently every time (fresh IV)', async () => {
    const cipher = createAesGcmCipher(await createTestDataKey());
    const a = await cipher.seal({ alias: 'Robin' });
    const b = await cipher.seal({ alias: 'Robin' });
    expect(a.iv).not.toEqual(b.iv);
    expect(new Uint8Array(a.data as ArrayBuffer)).not.toEqual(new Uint8Array(b.data as ArrayBuffer));
  });

  it('rejects altered ciphertext, an altered IV, another key and another cipher version', async () => {
    const cipher = createAesGcmCipher(await createTestDataKey());
    const sealed = await cipher.seal({ alias: 'Robin' });
    const alteredData: Sealed = { ...sealed, data: flipFirstByte(new Uint8Array(sealed.data as ArrayBuffer)).buffer };
    await expect(cipher.open(alteredData)).rejects.toBeInstanceOf(UnopenableValueError);
    await expect(cipher.open({ ...sealed, iv: flipFirstByte(sealed.iv!) })).rejects.toBeInstanceOf(UnopenableValueError);
    await expect(createAesGcmCipher(await createTestDataKey()).open(sealed)).rejects.toBeInstanceOf(UnopenableValueError);
    const plain = await createPassthroughCipher().seal({ alias: 'Robin' });
    await expect(cipher.open(plain)).rejects.toThrow(/version 0/);
  });

  it.each<[string, (sealed: Sealed) => Sealed]>([
    ['an IV of the wrong length', (s) => ({ ...s, iv: new Uint8Array(11) })],
    ['no IV', (s) => ({ ...s, iv: null })],
    ['text where the ciphertext should be', (s) => ({ ...s, data: 'not bytes' })],
  ])('refuses a malformed value: %s', async (_label, malform) => {
    const cipher = createAesGcmCipher(await createTestDataKey());
    const sealed = await cipher.seal({ alias: 'Robin' });
    await expect(cipher.open(malform(sealed))).rejects.toThrow(new UnopenableValueError('malformed AES-GCM value'));
    await expect(cipher.open(sealed)).resolves.toEqual({ alias: 'Robin' });
  });

  it('refuses to seal what JSON cannot hold', async () => {
    const cipher = createAesGcmCipher(await createTestDataKey());
    await expect(cipher.seal(undefined)).rejects.toThrow(new TypeError('only JSON-compatible values can be sealed'));
  });

  it('never puts a value in an error message', async () => {
    const cipher = createAesGcmCipher(await createTestDataKey());
    const sealed = await createAesGcmCipher(await createTestDataKey()).seal({ alias: 'Secret Name' });
    await expect(cipher.open(sealed)).rejects.not.toThrow(/Secret/);
  });

  it('keeps sameSealed meaningful: a stored value read back is the same, a re-seal is not', async () => {
    const cipher = createAesGcmCipher(await createTestDataKey());
    const db = createTestDb();
    const enc = await cipher.seal({ alias: 'Robin' });
    await db.drafts.put({ id: 'd', updatedAt: 1, enc });
    const first = (await db.drafts.get('d'))!.enc;
    const second = (await db.drafts.get('d'))!.enc;
    expect(sameSealed(first, second)).toBe(true); // untouched → equal, so no needless retry
    expect(sameSealed(first, await cipher.seal({ alias: 'Robin' }))).toBe(false); // rewritten → "changed"
    expect(sameSealed(undefined, undefined)).toBe(true);
    expect(sameSealed(first, undefined)).toBe(false);
  });
});
