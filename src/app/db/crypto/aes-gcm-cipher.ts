/**
 * The real cipher behind the seam in ../cipher.ts: AES-GCM-256 with the device's data key
 * (key-vault.ts). Each seal is JSON → UTF-8 → AES-GCM with a fresh random 12-byte IV, so
 * the same value sealed twice is stored differently (nothing to compare across records),
 * and GCM's tag makes any altered byte fail to open instead of yielding wrong data.
 *
 * Every WebCrypto promise is wrapped in `Promise.resolve(...)`. Repositories are queried
 * inside Dexie `liveQuery` (useLiveQuery), and Dexie's rule for non-Dexie async calls
 * there is exactly this: a native promise from another API, awaited as is, can drop the
 * query's zone, so Dexie reads after it are no longer observed and the UI stops updating.
 * `Promise.resolve` lets Dexie's zone-aware promise carry the context across the await.
 */
import type { RecordCipher, Sealed } from '../cipher';
import { ownBytes, randomBytes } from './key-vault';

/** Version of the AES-GCM cipher in `Sealed.v` (0 is the passthrough). */
export const AES_GCM_CIPHER_VERSION = 1;

const IV_BYTES = 12;

/** A sealed value this cipher cannot open: wrong version, wrong key, or altered bytes. */
export class UnopenableValueError extends Error {
  override readonly name = 'UnopenableValueError';
}

async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('only JSON-compatible values can be sealed');
  const iv = randomBytes(IV_BYTES);
  // Promise.resolve: Dexie liveQuery rule for non-Dexie async calls (see header).
  const data = await Promise.resolve(
    globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(json)),
  );
  return { v: AES_GCM_CIPHER_VERSION, iv, data };
}

async function open(key: CryptoKey, sealed: Sealed): Promise<unknown> {
  // Messages carry no values: they end up in "unreadable record" reports.
  if (sealed.v !== AES_GCM_CIPHER_VERSION) {
    throw new UnopenableValueError(`cannot open a value sealed with cipher version ${sealed.v}`);
  }
  if (!(sealed.iv instanceof Uint8Array) || sealed.iv.length !== IV_BYTES || !(sealed.data instanceof ArrayBuffer)) {
    throw new UnopenableValueError('malformed AES-GCM value');
  }
  let plain: ArrayBuffer;
  try {
    // Promise.resolve: Dexie liveQuery rule for non-Dexie async calls (see header).
    plain = await Promise.resolve(
      globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: ownBytes(sealed.iv) }, key, sealed.data),
    );
  } catch {
    throw new UnopenableValueError('AES-GCM value failed authentication (altered, or another key)');
  }
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}

/**
 * A `RecordCipher` sealing with `key` (an AES-GCM-256 key with encrypt/decrypt usages).
 * `open` rejects values of another version, another key, or altered in any byte.
 */
export function createAesGcmCipher(key: CryptoKey): RecordCipher {
  return {
    seal: (value) => seal(key, value),
    open: (sealed) => open(key, sealed),
  };
}
