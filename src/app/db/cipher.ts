/**
 * The cipher seam: every sensitive value stored on the device (record bodies, outbox
 * command args, drafts, the session) is sealed by a `RecordCipher` before it reaches
 * IndexedDB, and opened after it is read back.
 *
 * The shape is the one AES-GCM-256 needs, so the real cipher (a per-user, per-device,
 * non-extractable `CryptoKey`; see DESIGN.md "Security model") drops in without moving
 * anything: both operations are async (WebCrypto is), each sealed value has its own IV
 * slot, and a version number says which cipher sealed it so old data stays readable
 * during a migration.
 *
 * Because WebCrypto calls are promises, callers seal BEFORE opening an IndexedDB
 * transaction and open AFTER it: awaiting a non-IndexedDB promise inside a transaction
 * lets it auto-commit half-way.
 */

/** A sealed value as stored. `v` names the cipher; `iv` is per value (null when unused). */
export interface Sealed {
  readonly v: number;
  readonly iv: Uint8Array | null;
  readonly data: ArrayBuffer | string;
}

export interface RecordCipher {
  /** Seals a JSON-compatible value. */
  seal(value: unknown): Promise<Sealed>;
  /** Opens a value sealed by this cipher (or an older version it still understands). */
  open(sealed: Sealed): Promise<unknown>;
}

/** Version of the passthrough "cipher". AES-GCM will be version 1. */
export const PASSTHROUGH_CIPHER_VERSION = 0;

/**
 * A passthrough cipher: JSON in a string, NOT ENCRYPTION. It exists so that every
 * sensitive value already flows through the seam while the encryption work (per-device
 * AES-GCM key wrapped by a password-derived key) is finished. Never ship it to the field.
 */
export function createPassthroughCipher(): RecordCipher {
  return {
    seal(value) {
      return Promise.resolve({ v: PASSTHROUGH_CIPHER_VERSION, iv: null, data: JSON.stringify(value) });
    },
    open(sealed) {
      if (sealed.v !== PASSTHROUGH_CIPHER_VERSION || typeof sealed.data !== 'string') {
        return Promise.reject(new Error(`cannot open a value sealed with cipher version ${sealed.v}`));
      }
      return Promise.resolve(JSON.parse(sealed.data) as unknown);
    },
  };
}

/** True for anything shaped like a `Sealed` (used when parsing rows read back). */
export function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  const ivOk = s.iv === null || s.iv instanceof Uint8Array;
  const dataOk = typeof s.data === 'string' || s.data instanceof ArrayBuffer;
  return typeof s.v === 'number' && ivOk && dataOk;
}

function sameBytes(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  const x = a instanceof Uint8Array ? a : new Uint8Array(a);
  const y = b instanceof Uint8Array ? b : new Uint8Array(b);
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

/**
 * Whether two sealed values are the same stored bytes. Used as an optimistic version
 * check: a re-sealed value always differs (fresh IV), so "same bytes" means "untouched".
 */
export function sameSealed(a: Sealed | undefined, b: Sealed | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.v !== b.v) return false;
  if ((a.iv === null) !== (b.iv === null)) return false;
  if (a.iv !== null && b.iv !== null && !sameBytes(a.iv, b.iv)) return false;
  if (typeof a.data === 'string' || typeof b.data === 'string') return a.data === b.data;
  return sameBytes(a.data, b.data);
}
