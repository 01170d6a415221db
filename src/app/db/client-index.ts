/**
 * The in-memory client search index. Records are sealed at rest, so search must decrypt;
 * doing that on every keystroke costs ~650 ms at 10,000 clients. Instead the decrypted,
 * parsed clients are loaded once after unlock, with their alias, legal name and areas
 * folded (case and accents stripped) once per record, and kept current from the clients
 * change log (client-changes.ts): each search first reads that one meta row, then
 * refreshes only the ids written since the stamp it holds, or reloads everything when the
 * log cannot tell. `forget()` drops every decrypted value (on lock).
 *
 * Why this is correct under `liveQuery`: every write to the clients table rewrites the log
 * row in the same transaction, and every search reads that row first (in the caller's
 * live-query context), so any clients change re-runs the query; the refresh then reads
 * the log and the changed rows in ONE read transaction, so the index always matches a
 * committed (or consistently optimistic) snapshot. A stamp that disappears (a rolled-back
 * optimistic write, a resync, trimming) forces a full reload, never a stale answer.
 */
import type { ClientRecord } from '../../shared/domain/client';
import type { RecordCipher } from './cipher';
import { dropHandOffs, entriesSince, handOffOf, headStamp, readClientChanges, type ClientChangeLog } from './client-changes';
import { openStoredRecord, warnUnreadable, type OnUnreadable } from './repositories/record-reader';
import type { LanternDb, StoredRecord } from './schema';

interface IndexedClient {
  readonly record: ClientRecord;
  /** Folded alias, legal name and areas, separated by NUL so no match spans two fields. */
  readonly haystack: string;
  readonly sortKey: string;
}

interface IndexState {
  stamp: string;
  readonly byId: Map<string, IndexedClient>;
  sorted: IndexedClient[] | null;
}

export interface ClientIndex {
  /** Clients matching `query` (folded substring of alias, legal name or an area), sorted by alias. */
  search(query: string): Promise<ClientRecord[]>;
  /** Drops the decrypted index (call on lock); the next search reloads it. */
  forget(): void;
}

/** Lower-cases and strips accents, so "Zoë" matches "zoe". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

function indexed(record: ClientRecord): IndexedClient {
  const fields = [record.alias, record.legalName ?? '', ...(record.usualAreas ?? [])];
  return { record, haystack: fields.map(foldForSearch).join('\u0000'), sortKey: foldForSearch(record.alias) };
}

/**
 * Of the entries after the index's stamp, each changed id's newest state: from the entry's
 * hand-off when the last entry naming the id has one (`handed`), else to be read (`unread`).
 */
function resolveChanges(db: LanternDb, entries: ClientChangeLog['entries']): { handed: Map<string, ClientRecord | null>; unread: string[] } {
  const last = new Map<string, string>();
  for (const entry of entries) for (const id of entry.ids) last.set(id, entry.stamp);
  const handed = new Map<string, ClientRecord | null>();
  const unread: string[] = [];
  for (const [id, stamp] of last) {
    const record = handOffOf(db, stamp)?.get(id);
    if (record === undefined) unread.push(id);
    else handed.set(id, record);
  }
  return { handed, unread };
}

const bySortKey = (a: IndexedClient, b: IndexedClient): number =>
  a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.record.id < b.record.id ? -1 : 1;

/** Creates the index for `db`; nothing is read until the first search. */
export function createClientIndex(db: LanternDb, cipher: RecordCipher, onUnreadable: OnUnreadable = warnUnreadable): ClientIndex {
  const table = db.records('clients');
  let state: IndexState | null = null;
  let generation = 0;
  let queue: Promise<void> = Promise.resolve();

  async function openRows(rows: readonly (StoredRecord | undefined)[], ids: readonly string[], into: Map<string, IndexedClient>) {
    const opened = await Promise.all(rows.map((row) => (row === undefined ? Promise.resolve(undefined) : openStoredRecord(cipher, 'clients', row))));
    opened.forEach((result, i) => {
      const id = ids[i] ?? '';
      if (result?.ok === true) into.set(result.record.id, indexed(result.record));
      else into.delete(id);
      if (result?.ok === false) onUnreadable(result.problem);
    });
  }

  async function refresh(): Promise<void> {
    const started = generation;
    const held = state;
    const snapshot = await db.transaction('r', db.meta, table, async () => {
      const log = await readClientChanges(db);
      if (held !== null && held.stamp === headStamp(log)) return null;
      const entries = held === null ? null : entriesSince(log, held.stamp);
      if (entries === null) return { stamp: headStamp(log), changed: null, handed: null, rows: await table.toArray() };
      const { handed, unread } = resolveChanges(db, entries);
      return { stamp: headStamp(log), changed: unread, handed, rows: await table.bulkGet(unread) };
    });
    if (snapshot === null) return;
    const byId = snapshot.changed === null || held === null ? new Map<string, IndexedClient>() : held.byId;
    for (const [id, record] of snapshot.handed ?? []) {
      if (record === null) byId.delete(id);
      else byId.set(id, indexed(record));
    }
    const ids = snapshot.changed ?? snapshot.rows.map((row) => row?.id ?? '');
    await openRows(snapshot.rows, ids, byId);
    if (generation !== started) return; // forgotten meanwhile: keep nothing
    state = { stamp: snapshot.stamp, byId, sorted: null };
  }

  function catchUp(): Promise<void> {
    const run = queue.then(refresh);
    queue = run.catch(() => undefined);
    return run;
  }

  function sorted(current: IndexState): IndexedClient[] {
    current.sorted ??= [...current.byId.values()].sort(bySortKey);
    return current.sorted;
  }

  return {
    async search(query) {
      // Read in the caller's context first: a live query re-runs whenever this row changes.
      await readClientChanges(db);
      await catchUp();
      if (state === null) return [];
      const folded = foldForSearch(query.trim());
      const all = sorted(state);
      const hits = folded === '' ? all : all.filter((entry) => entry.haystack.includes(folded));
      return hits.map((entry) => entry.record);
    },
    forget() {
      generation++;
      state = null;
      dropHandOffs(db);
    },
  };
}
