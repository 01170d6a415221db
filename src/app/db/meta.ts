/**
 * Device metadata in the `meta` table, one row per key. Everything here is about the
 * device and its sync, not about people — except the session (user name, token), which
 * is therefore stored sealed.
 *
 * Two rows are in the clear ON PURPOSE, because the lock screen needs them before any key
 * is available: `wrappedKey` (the data key, wrapped by the password: useless without it)
 * and `lockInfo` (the STAFF member's user id and username, and the idle-lock minutes).
 * Never put a client's data in either.
 *
 * Values are parsed when read back: storage is a boundary like any other.
 */
import { z } from 'zod';
import { loginResponseSchema, type LoginResponse } from '../../shared/api/auth';
import { decodeHlc, encodeHlc, hlcStringSchema, initialHlc, type Hlc } from '../../shared/hlc';
import { uuidv7 } from '../../shared/ids';
import { isSealed, type RecordCipher, type Sealed } from './cipher';
import { parseWrappedKey, wrappedKeySchema, type WrappedKey } from './crypto/key-vault';
import type { LanternDb } from './schema';

/**
 * A sync failure: its code, which the sync bar words in the person's language, and the
 * message as the server or the device put it (English, kept for whoever diagnoses it).
 */
export const syncErrorInfoSchema = z.object({ code: z.string(), message: z.string(), at: z.number() });
export type SyncErrorInfo = z.infer<typeof syncErrorInfoSchema>;

/** What the lock screen shows and needs before unlock: staff identity only, never a client's. */
export const lockInfoSchema = z.object({
  userId: z.string().min(1),
  username: z.string().min(1),
  /** Minutes of inactivity before the app locks itself (set per team by the team lead). */
  idleLockMinutes: z.number().int().min(1).max(24 * 60),
});
export type LockInfo = z.infer<typeof lockInfoSchema>;

const metaSchemas = {
  /** This device's id; see the invariant in schema.ts. */
  deviceId: z.string().min(1),
  /** Pull cursor: the highest server_seq applied. Only moves forward (except resync → 0). */
  cursor: z.number().int().min(0),
  /** The device's hybrid logical clock, encoded. */
  hlc: hlcStringSchema,
  /** Device time (ms) of the last complete sync. */
  lastSyncedAt: z.number(),
  lastError: syncErrorInfoSchema.nullable(),
  /** The sealed login response (user, token, expiry). */
  session: z.custom<Sealed>(isSealed),
  /** The data key wrapped by the password-derived key (key-vault.ts). Clear by design. */
  wrappedKey: wrappedKeySchema,
  /** The lock screen's facts (see the header). Clear by design. */
  lockInfo: lockInfoSchema,
} as const;

export type MetaKey = keyof typeof metaSchemas;
export type MetaValue<K extends MetaKey> = z.infer<(typeof metaSchemas)[K]>;

/** Reads a meta value; `undefined` if unset or unreadable (an unreadable value is not trusted). */
export async function getMeta<K extends MetaKey>(db: LanternDb, key: K): Promise<MetaValue<K> | undefined> {
  const row = await db.meta.get(key);
  if (row === undefined) return undefined;
  const parsed = metaSchemas[key].safeParse(row.value);
  return parsed.success ? (parsed.data as MetaValue<K>) : undefined;
}

/** Writes a meta value (joins the caller's Dexie transaction if there is one). */
export async function setMeta<K extends MetaKey>(db: LanternDb, key: K, value: MetaValue<K>): Promise<void> {
  await db.meta.put({ key, value });
}

/** This device's id, created on first use if the database somehow lacks one. */
export async function getDeviceId(db: LanternDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta(db, 'deviceId');
    if (existing !== undefined) return existing;
    const created = uuidv7();
    await setMeta(db, 'deviceId', created);
    return created;
  });
}

/** The device's current clock (not ticked). */
export async function loadHlc(db: LanternDb): Promise<Hlc> {
  const stored = await getMeta(db, 'hlc');
  if (stored !== undefined) return decodeHlc(stored);
  return initialHlc(await getDeviceId(db));
}

export async function saveHlc(db: LanternDb, hlc: Hlc): Promise<void> {
  await setMeta(db, 'hlc', encodeHlc(hlc));
}

/** The pull cursor (0 before the first sync). */
export async function getCursor(db: LanternDb): Promise<number> {
  return (await getMeta(db, 'cursor')) ?? 0;
}

/** Stores the session sealed; `null` removes it. */
export async function writeSession(db: LanternDb, cipher: RecordCipher, session: LoginResponse | null): Promise<void> {
  if (session === null) {
    await db.meta.delete('session');
    return;
  }
  await setMeta(db, 'session', await cipher.seal(session));
}

/** The stored session, or `null` if none (or it no longer parses). */
export async function readSession(db: LanternDb, cipher: RecordCipher): Promise<LoginResponse | null> {
  const sealed = await getMeta(db, 'session');
  if (sealed === undefined) return null;
  const parsed = loginResponseSchema.safeParse(await cipher.open(sealed));
  return parsed.success ? parsed.data : null;
}

/** Stores (`null`: removes) the wrapped data key. */
export async function writeWrappedKey(db: LanternDb, wrapped: WrappedKey | null): Promise<void> {
  if (wrapped === null) await db.meta.delete('wrappedKey');
  else await setMeta(db, 'wrappedKey', parseWrappedKey(wrapped));
}

/** The stored wrapped data key, or `null` if there is none (or it no longer parses). */
export async function readWrappedKey(db: LanternDb): Promise<WrappedKey | null> {
  return (await getMeta(db, 'wrappedKey')) ?? null;
}

/** Stores (`null`: removes) what the lock screen needs. */
export async function writeLockInfo(db: LanternDb, info: LockInfo | null): Promise<void> {
  if (info === null) await db.meta.delete('lockInfo');
  else await setMeta(db, 'lockInfo', lockInfoSchema.parse(info));
}

/** What the lock screen needs, or `null` if nobody has set up this device (or it no longer parses). */
export async function readLockInfo(db: LanternDb): Promise<LockInfo | null> {
  return (await getMeta(db, 'lockInfo')) ?? null;
}
