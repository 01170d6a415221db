/**
 * Password hashing: argon2id with the OWASP minimum parameters (19 MiB, 2 passes, 1 lane).
 * `verifyPasswordOrDummy` spends the same work for an unknown user, so response time does
 * not reveal which usernames exist.
 */
import { hash, verify } from '@node-rs/argon2';
import type { Options } from '@node-rs/argon2';

// `Algorithm` is a const enum, which isolatedModules cannot import; 2 is Argon2id.
const ARGON2ID = 2 as Options['algorithm'];

const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Verifies `password` against `passwordHash`, or burns equal time when there is no user. */
export async function verifyPasswordOrDummy(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    dummyHash ??= hash('lantern-no-such-user-dummy', OPTIONS);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A one-time password a team lead hands over (read out or written down): 16 characters of
 * the unambiguous alphabet in groups of four, about 90 bits. It must be replaced at the
 * first sign-in.
 */
export function generateTemporaryPassword(): string {
  return (generatePassword(16).match(/.{4}/g) ?? []).join('-');
}

/** A random password for the first admin: 20 characters from an unambiguous alphabet. */
export function generatePassword(length = 20): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const out: string[] = [];
  // Rejection sampling keeps every character equally likely.
  while (out.length < length) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < 256 - (256 % alphabet.length) && out.length < length) out.push(alphabet[b % alphabet.length] ?? '');
    }
  }
  return out.join('');
}
