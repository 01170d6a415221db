/**
 * Test support (not shipped code paths): data keys made quickly. Production keys come from
 * key-vault.ts at 600,000 iterations; tests that are not about the work factor use these.
 */
import { createDataKey, type KeyDerivationOptions } from './key-vault';

/** A low work factor, for tests only. */
export const TEST_KDF: KeyDerivationOptions = { iterations: 1_000, unsafeLowIterationsForTests: true };

/** A fresh non-extractable AES-GCM-256 data key, made the way the vault makes it. */
export async function createTestDataKey(password = 'test password', userId = 'test-user'): Promise<CryptoKey> {
  return (await createDataKey(password, userId, TEST_KDF)).key;
}
