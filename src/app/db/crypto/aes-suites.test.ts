/**
 * The existing device and sync suites, unchanged, with the real cipher: every
 * `createPassthroughCipher()` they call returns an AES-GCM cipher instead. Proves nothing
 * in db/ or sync/ relied on sealed values being readable, comparable or deterministic.
 * (Vitest isolates modules per test file, so the mock never leaks into the originals.)
 */
import { describe, expect, it, vi } from 'vitest';
import { createPassthroughCipher } from '../cipher';
import type * as CipherModule from '../cipher';
import { AES_GCM_CIPHER_VERSION } from './aes-gcm-cipher';
// Importing a suite registers its tests in this file.
import '../local-write.test';
import '../drafts.test';
import '../repositories/clients.test';
import '../../sync/outbox.test';
import '../../sync/apply-pull.test';
import '../../sync/engine.test';

// Hoisted above the imports by Vitest, so every importer of ../cipher sees it.

vi.mock('../cipher', async (importOriginal) => {
  const original = await importOriginal<typeof CipherModule>();
  const { createAesGcmCipher } = await import('./aes-gcm-cipher');
  const { createTestDataKey } = await import('./test-keys');
  const key = await createTestDataKey();
  return { ...original, createPassthroughCipher: () => createAesGcmCipher(key) };
});

describe('the suites above', () => {
  it('really run with the AES-GCM cipher', async () => {
    const sealed = await createPassthroughCipher().seal({ alias: 'x' });
    expect(sealed.v).toBe(AES_GCM_CIPHER_VERSION);
    expect(sealed.data).toBeInstanceOf(ArrayBuffer);
  });
});
