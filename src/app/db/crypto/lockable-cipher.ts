/**
 * The app's one cipher for its whole lifetime. Repositories, the sync engine and drafts
 * are built once with this object; unlocking hands it the data key (from key-vault.ts)
 * and locking drops the only reference to it, so while locked nothing can be sealed or
 * opened — every call rejects with `LockedError` and the UI shows the lock screen.
 *
 * An open that was started before a lock and finishes after it also rejects: decrypted
 * data must not reach a screen that has just been locked.
 */
import type { RecordCipher, Sealed } from '../cipher';
import { createAesGcmCipher } from './aes-gcm-cipher';

/** The device is locked: nothing can be sealed or opened until it is unlocked. */
export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor() {
    super('Lantern is locked.');
  }
}

/** A `RecordCipher` whose key can be handed in (unlock) and dropped (lock). */
export interface LockableCipher extends RecordCipher {
  /** Starts sealing and opening with `key` (a non-extractable AES-GCM data key). */
  unlock(key: CryptoKey): void;
  /** Drops the key; later (and in-flight) seals and opens reject with `LockedError`. */
  lock(): void;
  readonly isUnlocked: boolean;
}

/** Creates a cipher that starts locked. */
export function createLockableCipher(): LockableCipher {
  let inner: RecordCipher | null = null;
  // Bumped on every lock/unlock, so work started under one key never completes under another state.
  let generation = 0;

  async function withInner<T>(run: (cipher: RecordCipher) => Promise<T>): Promise<T> {
    const cipher = inner;
    if (cipher === null) throw new LockedError();
    const started = generation;
    const result = await run(cipher);
    if (generation !== started) throw new LockedError();
    return result;
  }

  return {
    seal: (value: unknown): Promise<Sealed> => withInner((cipher) => cipher.seal(value)),
    open: (sealed: Sealed): Promise<unknown> => withInner((cipher) => cipher.open(sealed)),
    unlock(key) {
      inner = createAesGcmCipher(key);
      generation++;
    },
    lock() {
      inner = null;
      generation++;
    },
    get isUnlocked() {
      return inner !== null;
    },
  };
}
