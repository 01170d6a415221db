/**
 * The key vault: the device's data key and how it is kept at rest (DESIGN.md "Security
 * model"). Each user on each device gets a random AES-GCM-256 data key. It is persisted
 * ONLY wrapped by a key-encryption key derived from the user's password (PBKDF2-SHA-256,
 * ≥ 600,000 iterations, random 16-byte salt), so a lost phone yields nothing without the
 * password. Unwrapped, it lives only in memory as a NON-extractable `CryptoKey`: script on
 * the page can use it while unlocked, never read it out.
 *
 * The wrap uses AES-GCM with the user id as additional data, so a wrapped key moved to
 * another user, or altered in any way, fails to unwrap exactly like a wrong password.
 *
 * WebCrypto only (`globalThis.crypto.subtle`): the same code runs in browsers and Node 20.
 */
import { z } from 'zod';

/** PBKDF2-SHA-256 iterations for every production key derivation (OWASP 2023). */
export const PBKDF2_ITERATIONS = 600_000;

/** Upper bound accepted when reading a stored count back, so a corrupt row cannot hang unlock. */
const MAX_ITERATIONS = 10_000_000;

/** The password does not unwrap this key (or the wrapped key was altered). */
export class WrongPasswordError extends Error {
  override readonly name = 'WrongPasswordError';
  constructor(message = 'That password does not unlock this device.') {
    super(message);
  }
}

/**
 * Options for deriving a key from a password. `iterations` below `PBKDF2_ITERATIONS` is
 * refused unless `unsafeLowIterationsForTests` is set: TESTS ONLY, so they stay fast.
 * Production code passes neither and always gets 600,000.
 */
export interface KeyDerivationOptions {
  readonly iterations?: number;
  readonly unsafeLowIterationsForTests?: boolean;
}

/** The iteration count to use, enforcing the production floor. */
export function resolveIterations(options: KeyDerivationOptions = {}): number {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`invalid PBKDF2 iteration count ${iterations}`);
  }
  if (iterations < PBKDF2_ITERATIONS && options.unsafeLowIterationsForTests !== true) {
    throw new RangeError(`PBKDF2 needs at least ${PBKDF2_ITERATIONS} iterations`);
  }
  return iterations;
}

const bytes = z.instanceof(Uint8Array);

/** A data key wrapped by the password: plain data, storable in IndexedDB as is. */
export const wrappedKeySchema = z.object({
  v: z.literal(1),
  userId: z.string().min(1),
  salt: bytes.refine((salt) => salt.length === 16, 'salt must be 16 bytes'),
  iv: bytes.refine((iv) => iv.length === 12, 'iv must be 12 bytes'),
  wrapped: z.instanceof(ArrayBuffer),
  // Any positive count is read back: the count used at creation is the one that unwraps,
  // and lowering it on disk only makes unwrapping fail. The floor is enforced on creation.
  iterations: z.number().int().min(1).max(MAX_ITERATIONS),
});
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

/** Parses a wrapped key read back from storage; throws if it is not one. */
export function parseWrappedKey(value: unknown): WrappedKey {
  return wrappedKeySchema.parse(value);
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** Fresh random bytes (an IV or a salt). */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** A copy backed by a plain ArrayBuffer, as WebCrypto's typings want. */
export const ownBytes = (source: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(source);

/**
 * A non-extractable AES-GCM-256 key derived from `password` (NFC-normalised, so the same
 * password typed on another keyboard still matches).
 */
export async function derivePasswordKey(
  password: string,
  salt: Uint8Array,
  iterations: number,
  usages: readonly KeyUsage[],
): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: ownBytes(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [...usages],
  );
}

const wrapParams = (iv: Uint8Array, userId: string): AesGcmParams => ({
  name: 'AES-GCM',
  iv: ownBytes(iv),
  additionalData: new TextEncoder().encode(`lantern-data-key:v1:${userId}`),
});

const DATA_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

/**
 * Creates this user's data key on this device. The fresh key is extractable only for the
 * instant it is wrapped; what is returned is the wrapped copy unwrapped again as
 * non-extractable, so the extractable original never leaves this function.
 */
export async function createDataKey(
  password: string,
  userId: string,
  options: KeyDerivationOptions = {},
): Promise<{ key: CryptoKey; wrapped: WrappedKey }> {
  const iterations = resolveIterations(options);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await derivePasswordKey(password, salt, iterations, ['wrapKey', 'unwrapKey']);
  const extractable = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, DATA_KEY_USAGES);
  const wrappedBytes = await subtle().wrapKey('raw', extractable, kek, wrapParams(iv, userId));
  const wrapped: WrappedKey = { v: 1, userId, salt, iv, wrapped: wrappedBytes, iterations };
  return { key: await unwrapWith(kek, wrapped), wrapped };
}

async function unwrapWith(kek: CryptoKey, wrapped: WrappedKey): Promise<CryptoKey> {
  return subtle().unwrapKey(
    'raw',
    wrapped.wrapped,
    kek,
    wrapParams(wrapped.iv, wrapped.userId),
    { name: 'AES-GCM', length: 256 },
    false,
    DATA_KEY_USAGES,
  );
}

/**
 * Unwraps the stored data key with the password, as a non-extractable key. Throws
 * `WrongPasswordError` for a wrong password or an altered wrapped key (AES-GCM cannot tell
 * the two apart, and neither should the lock screen).
 */
export async function unwrapDataKey(password: string, wrapped: WrappedKey): Promise<CryptoKey> {
  const parsed = parseWrappedKey(wrapped);
  const kek = await derivePasswordKey(password, parsed.salt, parsed.iterations, ['unwrapKey']);
  try {
    return await unwrapWith(kek, parsed);
  } catch {
    throw new WrongPasswordError();
  }
}
