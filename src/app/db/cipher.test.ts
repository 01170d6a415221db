import { describe, expect, it } from 'vitest';
import { createPassthroughCipher, isSealed, PASSTHROUGH_CIPHER_VERSION, sameSealed, type Sealed } from './cipher';

const bytes = (...values: number[]) => new Uint8Array(values);
const buffer = (...values: number[]) => bytes(...values).buffer;

describe('the passthrough cipher', () => {
  it('opens what it sealed', async () => {
    const cipher = createPassthroughCipher();
    const value = { alias: 'Robin', areas: ['Docks'], n: 3, none: null };
    const sealed = await cipher.seal(value);
    expect(sealed).toMatchObject({ v: PASSTHROUGH_CIPHER_VERSION, iv: null });
    expect(await cipher.open(sealed)).toEqual(value);
  });

  it.each<[string, Sealed]>([
    ['another cipher version', { v: 1, iv: null, data: '{}' }],
    ['binary data', { v: PASSTHROUGH_CIPHER_VERSION, iv: null, data: buffer(1, 2) }],
  ])('refuses %s, naming the version', async (_label, sealed) => {
    await expect(createPassthroughCipher().open(sealed)).rejects.toThrow(`cannot open a value sealed with cipher version ${sealed.v}`);
  });
});

describe('isSealed', () => {
  it.each<[string, unknown, boolean]>([
    ['a passthrough value', { v: 0, iv: null, data: '{}' }, true],
    ['an AES-GCM value', { v: 1, iv: bytes(1, 2, 3), data: buffer(4) }, true],
    ['null', null, false],
    ['a string', 'sealed', false],
    ['no version', { iv: null, data: '{}' }, false],
    ['a version that is not a number', { v: '1', iv: null, data: '{}' }, false],
    ['an iv that is not bytes', { v: 1, iv: [1, 2], data: buffer(4) }, false],
    ['no iv at all', { v: 1, data: buffer(4) }, false],
    ['data that is neither text nor bytes', { v: 1, iv: null, data: 42 }, false],
    ['data as a byte view rather than a buffer', { v: 1, iv: null, data: bytes(1) }, false],
  ])('%s → %s', (_label, value, expected) => {
    expect(isSealed(value)).toBe(expected);
  });
});

describe('sameSealed (the optimistic version check)', () => {
  const aes = (iv: Uint8Array, data: ArrayBuffer): Sealed => ({ v: 1, iv, data });
  it.each<[string, Sealed | undefined, Sealed | undefined, boolean]>([
    ['both absent', undefined, undefined, true],
    ['one absent', undefined, { v: 0, iv: null, data: '{}' }, false],
    ['the other absent', { v: 0, iv: null, data: '{}' }, undefined, false],
    ['the same text', { v: 0, iv: null, data: '{"a":1}' }, { v: 0, iv: null, data: '{"a":1}' }, true],
    ['different text', { v: 0, iv: null, data: '{"a":1}' }, { v: 0, iv: null, data: '{"a":2}' }, false],
    ['the same text under another version', { v: 0, iv: null, data: '{}' }, { v: 2, iv: null, data: '{}' }, false],
    ['text against bytes', { v: 1, iv: null, data: '{}' }, { v: 1, iv: null, data: buffer(1) }, false],
    ['bytes against text', { v: 1, iv: null, data: buffer(1) }, { v: 1, iv: null, data: '{}' }, false],
    ['the same iv and bytes', aes(bytes(1, 2), buffer(3, 4)), aes(bytes(1, 2), buffer(3, 4)), true],
    ['the same bytes in another buffer', aes(bytes(1, 2), buffer(3, 4)), aes(new Uint8Array(buffer(1, 2)), new Uint8Array([3, 4]).buffer), true],
    ['another iv (a re-seal)', aes(bytes(1, 2), buffer(3, 4)), aes(bytes(1, 9), buffer(3, 4)), false],
    ['an iv of another length', aes(bytes(1, 2), buffer(3, 4)), aes(bytes(1, 2, 0), buffer(3, 4)), false],
    ['an iv against none', aes(bytes(1, 2), buffer(3, 4)), { v: 1, iv: null, data: buffer(3, 4) }, false],
    ['none against an iv', { v: 1, iv: null, data: buffer(3, 4) }, aes(bytes(1, 2), buffer(3, 4)), false],
    ['other bytes, same length', aes(bytes(1, 2), buffer(3, 4)), aes(bytes(1, 2), buffer(3, 5)), false],
    ['bytes of another length', aes(bytes(1, 2), buffer(3, 4)), aes(bytes(1, 2), buffer(3, 4, 0)), false],
    ['bytes that differ only at the start', aes(bytes(1, 2), buffer(9, 4)), aes(bytes(1, 2), buffer(3, 4)), false],
  ])('%s → %s', (_label, a, b, expected) => {
    expect(sameSealed(a, b)).toBe(expected);
  });
});
