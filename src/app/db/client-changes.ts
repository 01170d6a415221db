/**
 * The clients change log: one `meta` row (`clientChanges`) that every write to the
 * `clients` table updates IN THE SAME TRANSACTION (local-write.ts, apply-pull.ts, resync).
 * It lets the in-memory search index (client-index.ts) catch up by refreshing only the
 * ids that changed, and gives `liveQuery` a one-row read that changes whenever any client
 * does.
 *
 * Each write appends an entry with a fresh random stamp. An index remembers the stamp it
 * has applied; if that stamp is no longer in the log (trimmed, a resync reset, or a write
 * that was rolled back after an optimistic read) it reloads everything — never serves stale
 * rows. Only ids are kept here, which the clients table already holds in the clear.
 *
 * A pull page may also hand its clients, as parsed, to this tab's index under its entry's
 * stamp (`handOff`): the index then takes them from memory instead of reading them back and
 * decrypting them (a first sync of 10,000 clients would otherwise open every one twice).
 * Hand-offs live in memory only, a few pages at most, and are dropped with the index when
 * the app locks (`dropHandOffs`).
 */
import { z } from 'zod';
import type { ClientRecord } from '../../shared/domain/client';
import { uuidv7 } from '../../shared/ids';
import type { LanternDb } from './schema';

export const CLIENT_CHANGES_KEY = 'clientChanges';
/** Ids kept in the log; an index further behind than this reloads in full. */
const MAX_LOGGED_IDS = 2_000;

const clientChangeLogSchema = z.object({
  /** The stamp just before the first entry (what an index that applied nothing here holds). */
  base: z.string(),
  entries: z.array(z.object({ stamp: z.string(), ids: z.array(z.string()) })),
});
export type ClientChangeLog = z.infer<typeof clientChangeLogSchema>;

/** The log of a database no client was ever written to through the log. */
export const INITIAL_CLIENT_LOG: ClientChangeLog = { base: 'initial', entries: [] };

/** The log's newest stamp: what an index holds once it is up to date. */
export function headStamp(log: ClientChangeLog): string {
  return log.entries.at(-1)?.stamp ?? log.base;
}

/** Reads the log (one meta row; an unreadable row reads as a fresh start). */
export async function readClientChanges(db: LanternDb): Promise<ClientChangeLog> {
  const row = await db.meta.get(CLIENT_CHANGES_KEY);
  if (row === undefined) return INITIAL_CLIENT_LOG;
  const parsed = clientChangeLogSchema.safeParse(row.value);
  return parsed.success ? parsed.data : { base: `unreadable-${uuidv7()}`, entries: [] };
}

/** The log's entries after `stamp`, or `null` if the log cannot tell (the index must reload). */
export function entriesSince(log: ClientChangeLog, stamp: string): ClientChangeLog['entries'] | null {
  if (stamp === log.base) return log.entries;
  const at = log.entries.findIndex((entry) => entry.stamp === stamp);
  return at === -1 ? null : log.entries.slice(at + 1);
}

/**
 * The ids changed after `stamp`, or `null` if the log cannot tell (the index must reload).
 */
export function changedSince(log: ClientChangeLog, stamp: string): string[] | null {
  return entriesSince(log, stamp)?.flatMap((entry) => entry.ids) ?? null;
}

/** A page's clients as written (null: deleted), by id. */
export type HandOff = ReadonlyMap<string, ClientRecord | null>;

/** Pages kept for the index; one further behind reads the rest back. */
const MAX_HAND_OFFS = 4;
const handOffs = new WeakMap<LanternDb, Map<string, HandOff>>();

/** The hand-off of the entry `stamp`, if this tab wrote it and still holds it. */
export function handOffOf(db: LanternDb, stamp: string): HandOff | undefined {
  return handOffs.get(db)?.get(stamp);
}

/** Drops every hand-off of `db` (on lock, with the index, and when the log restarts). */
export function dropHandOffs(db: LanternDb): void {
  handOffs.delete(db);
}

function keepHandOff(db: LanternDb, stamp: string, written: HandOff): void {
  const kept = handOffs.get(db) ?? new Map<string, HandOff>();
  kept.set(stamp, written);
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX_HAND_OFFS) break;
    kept.delete(oldest);
  }
  handOffs.set(db, kept);
}

/**
 * Records that `ids` were written or deleted. Call inside the rw transaction that writes
 * them (its scope must include `meta`). `written`, when given, holds every one of `ids` as
 * written, parsed by the clients schema (see the module comment). A transaction that rolls
 * back leaves its stamp out of the log, so its hand-off is never taken.
 */
export async function noteClientChanges(db: LanternDb, ids: readonly string[], written?: HandOff): Promise<void> {
  if (ids.length === 0) return;
  const log = await readClientChanges(db);
  const stamp = uuidv7();
  if (written !== undefined) keepHandOff(db, stamp, written);
  const entries = [...log.entries, { stamp, ids: [...new Set(ids)] }];
  let base = log.base;
  let total = entries.reduce((sum, entry) => sum + entry.ids.length, 0);
  while (entries.length > 1 && total > MAX_LOGGED_IDS) {
    const dropped = entries.shift();
    base = dropped?.stamp ?? base;
    total -= dropped?.ids.length ?? 0;
  }
  await db.meta.put({ key: CLIENT_CHANGES_KEY, value: { base, entries } });
}

/** Starts a fresh log: every index reloads (after the clients table was cleared). */
export async function resetClientChanges(db: LanternDb): Promise<void> {
  dropHandOffs(db);
  await db.meta.put({ key: CLIENT_CHANGES_KEY, value: { base: uuidv7(), entries: [] } });
}
