/**
 * Applying pulled changes to the device. One pull page and its cursor are written in ONE
 * transaction, so the cursor never runs ahead of the data (or behind it). Pending outbox
 * entries are re-applied on top of each pulled record (pending-overlay.ts), so the
 * device keeps showing its own unsynced changes (pull-overlay.ts). Every write to the clients
 * table also updates the clients change log in the same transaction (client-changes.ts).
 *
 * Sealing is async (WebCrypto), so the page is computed and sealed before the
 * transaction. A local write could slip in meanwhile; the transaction therefore checks
 * that the outbox's highest id is unchanged and, if not, the page is recomputed.
 */
import { compareEncodedHlc, decodeHlc, receiveHlc, type Hlc } from '../../shared/hlc';
import { collectionSchemas, type CollectionName } from '../../shared/sync/collections';
import type { Change, PullResponse } from '../../shared/sync/wire';
import type { RecordCipher } from '../db/cipher';
import { getCursor, loadHlc, saveHlc, setMeta } from '../db/meta';
import { warnUnreadable, type OnUnreadable } from '../db/repositories/record-reader';
import { toStoredRecord, type LanternDb, type StoredRecord } from '../db/schema';
import { noteClientChanges, resetClientChanges, type HandOff } from '../db/client-changes';
import type { ClientRecord } from '../../shared/domain/client';
import { forgetPeople } from './forget-people';
import { highestOutboxId, pendingEntries, rejectedEntries, type OpenedOutboxEntry } from './outbox';
import { applyToViews, commandTargets, targetKey, type AnyRecord, type OverlaySession, type RecordTarget, type RecordViews } from './pending-overlay';
import { overlayPendingOnPage, type OverlaidRecord } from './pull-overlay';

export interface ApplyPullOptions {
  /** Ownership for pending creations re-applied on top; null if unknown. */
  readonly session: OverlaySession | null;
  readonly now?: () => number;
  readonly onUnreadable?: OnUnreadable;
  readonly maxAttempts?: number;
  /** The page parsed and sealed ahead (`prepareAhead`), used when nothing is pending. */
  readonly ahead?: PreparedAhead;
}

/**
 * A page parsed and sealed before its turn, as if nothing were pending: then the overlay
 * leaves every record as parsed, and what is stored is exactly this. Made while the page
 * before is being written (the main thread mostly waits on IndexedDB then), so a first
 * sync parses and seals one page while it stores the one before.
 */
export interface PreparedAhead {
  readonly parsed: ReturnType<typeof pageBases>;
  readonly sealed: Promise<Pick<PreparedPage, 'puts' | 'deletes'>>;
}

export function prepareAhead(cipher: RecordCipher, page: PullResponse, onUnreadable: OnUnreadable = warnUnreadable): PreparedAhead {
  const parsed = pageBases(page.changes, onUnreadable);
  const sealed = sealViews(cipher, [...parsed.bases.values()].map(({ target, record }) => ({ target, view: record })));
  sealed.catch(() => undefined); // awaited when used; unused (the app locked, the apply failed), it must not go unhandled
  return { parsed, sealed };
}

export interface ApplyPullResult {
  readonly written: number;
  readonly deleted: number;
  /** Changes whose record did not parse (reported, not stored). */
  readonly skipped: number;
}

interface PreparedPage {
  readonly puts: { readonly collection: CollectionName; readonly view: AnyRecord; readonly row: StoredRecord }[];
  readonly deletes: { readonly collection: CollectionName; readonly id: string }[];
  readonly skipped: number;
  /** Highest field clock among pulled records, to advance the device clock past it. */
  readonly highestClock: string | null;
}

class OutboxChangedError extends Error {}

type PageBases = Map<string, { readonly target: RecordTarget; readonly record: AnyRecord | undefined }>;

function parseChange(change: Change, onUnreadable: OnUnreadable): AnyRecord | null {
  const parsed = collectionSchemas[change.collection].safeParse(change.record);
  if (parsed.success && parsed.data.id === change.id) return parsed.data;
  const problems = parsed.success ? ['id: does not match the change'] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
  onUnreadable({ collection: change.collection, id: change.id, problems });
  return null;
}

function highestClockOf(record: AnyRecord, current: string | null): string | null {
  if (!('clocks' in record)) return current;
  return Object.values(record.clocks).reduce<string | null>(
    (max, clock) => (max === null || compareEncodedHlc(clock, max) > 0 ? clock : max),
    current,
  );
}

/** The page's records by `targetKey` (later changes of a record win), parsed. */
function pageBases(changes: readonly Change[], onUnreadable: OnUnreadable) {
  const bases: PageBases = new Map();
  let skipped = 0;
  let highestClock: string | null = null;
  for (const change of changes) {
    const target = { collection: change.collection, id: change.id };
    if (change.deleted || change.record === null) {
      bases.set(targetKey(target), { target, record: undefined });
      continue;
    }
    const parsed = parseChange(change, onUnreadable);
    if (parsed === null) {
      skipped++;
      continue;
    }
    bases.set(targetKey(target), { target, record: parsed });
    highestClock = highestClockOf(parsed, highestClock);
  }
  return { bases, skipped, highestClock };
}

/**
 * Seals a page's records all at once: WebCrypto works off the main thread, so a page's
 * thousand seals overlap instead of each waiting for the one before.
 */
async function sealViews(cipher: RecordCipher, overlaid: readonly OverlaidRecord[]): Promise<Pick<PreparedPage, 'puts' | 'deletes'>> {
  const deletes = overlaid.flatMap(({ target, view }) => (view === undefined ? [target] : []));
  const live = overlaid.flatMap(({ target, view }) => (view === undefined ? [] : [{ collection: target.collection, view }]));
  const puts = await Promise.all(live.map(async ({ collection, view }) => ({ collection, view, row: toStoredRecord(collection, view, await cipher.seal(view)) })));
  return { puts, deletes };
}

async function preparePage(
  db: LanternDb,
  cipher: RecordCipher,
  changes: readonly Change[],
  pending: readonly OpenedOutboxEntry[],
  options: ApplyPullOptions,
): Promise<PreparedPage> {
  const { bases, skipped, highestClock } = options.ahead?.parsed ?? pageBases(changes, options.onUnreadable ?? warnUnreadable);
  if (options.ahead !== undefined && pending.length === 0) return { ...(await options.ahead.sealed), skipped, highestClock };
  const overlaid = await overlayPendingOnPage(db, cipher, bases, pending, options.session);
  return { ...(await sealViews(cipher, overlaid)), skipped, highestClock };
}

/** `items` grouped by `key`, each group's values in the items' order (later ones win in a bulkPut). */
function groupBy<T, K, V>(items: readonly T[], key: (item: T) => K, value: (item: T) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [value(item)]);
    else group.push(value(item));
  }
  return groups;
}

/** Every view of the clients collection was parsed by the clients schema (pull-overlay.ts `checked`). */
const isClientView = (collection: CollectionName, _view: AnyRecord): _view is ClientRecord => collection === 'clients';

/** The clients a page writes (as parsed) or deletes, for this tab's search index (client-changes.ts). */
function clientsWritten(prepared: Pick<PreparedPage, 'puts' | 'deletes'>): HandOff {
  return new Map<string, ClientRecord | null>([
    ...prepared.puts.flatMap(({ collection, view }) => (isClientView(collection, view) ? [[view.id, view] as const] : [])),
    ...prepared.deletes.filter(({ collection }) => collection === 'clients').map(({ id }) => [id, null] as const),
  ]);
}

/** Ids of clients a page writes or deletes (for the clients change log). */
function clientIdsOf(prepared: Pick<PreparedPage, 'puts' | 'deletes'>): string[] {
  return [
    ...prepared.puts.filter(({ collection }) => collection === 'clients').map(({ row }) => row.id),
    ...prepared.deletes.filter(({ collection }) => collection === 'clients').map(({ id }) => id),
  ];
}

/** The device clock after seeing the pulled clocks and the server's time. */
function advancedClock(local: Hlc, highestClock: string | null, serverTime: number, nowMs: number): Hlc {
  const seen = highestClock === null ? local : receiveHlc(local, decodeHlc(highestClock), nowMs);
  return receiveHlc(seen, { wallMs: serverTime, counter: 0 }, nowMs);
}

/**
 * Applies one pull page: records (with pending commands re-applied), tombstones, the new
 * cursor and the advanced clock, in one transaction. Retries if a local write races.
 */
export async function applyPullPage(
  db: LanternDb,
  cipher: RecordCipher,
  page: PullResponse,
  options: ApplyPullOptions,
): Promise<ApplyPullResult> {
  const attempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptPage(db, cipher, page, options);
    } catch (error) {
      if (!(error instanceof OutboxChangedError) || attempt >= attempts) throw error;
    }
  }
}

async function attemptPage(db: LanternDb, cipher: RecordCipher, page: PullResponse, options: ApplyPullOptions): Promise<ApplyPullResult> {
  const outboxMark = await highestOutboxId(db);
  // Entries the server has already processed are reflected in the pulled data.
  const pending = (await pendingEntries(db, cipher)).filter(({ entry }) => entry.id > page.lastMutationId);
  const prepared = await preparePage(db, cipher, page.changes, pending, options);
  const now = options.now ?? Date.now;
  // Only an erasure removes a person's record: then everything naming them goes too.
  const erased = prepared.deletes.filter(({ collection }) => collection === 'clients').map(({ id }) => id);
  const outbox = erased.length === 0 ? [] : [...(await pendingEntries(db, cipher)), ...(await rejectedEntries(db, cipher))];

  await db.transaction('rw', [...db.allRecordTables(), db.outbox, db.meta, db.drafts], async () => {
    if ((await highestOutboxId(db)) !== outboxMark) throw new OutboxChangedError();
    // One bulk write per collection: a page of 500 awaited one by one costs four times as much.
    for (const [collection, rows] of groupBy(prepared.puts, (p) => p.collection, (p) => p.row)) await db.records(collection).bulkPut(rows);
    for (const [collection, ids] of groupBy(prepared.deletes, (d) => d.collection, (d) => d.id)) await db.records(collection).bulkDelete(ids);
    await forgetPeople(db, erased, outbox);
    // The change log would keep an erased person's id: start it afresh (the search index reloads).
    if (erased.length > 0) await resetClientChanges(db);
    else await noteClientChanges(db, clientIdsOf(prepared), clientsWritten(prepared));
    await saveHlc(db, advancedClock(await loadHlc(db), prepared.highestClock, page.serverTime, now()));
    // The cursor only moves forward.
    await setMeta(db, 'cursor', Math.max(await getCursor(db), page.cursor));
  });
  return { written: prepared.puts.length, deleted: prepared.deletes.length, skipped: prepared.skipped };
}

/**
 * Starts over after `409 resync`: in one transaction, clears every collection, resets the
 * cursor to 0 and keeps what only this device has — the outbox, and the local view of
 * records its pending commands create — so the next pull rebuilds the rest.
 */
export async function resetForResync(db: LanternDb, cipher: RecordCipher, session: OverlaySession | null): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const outboxMark = await highestOutboxId(db);
    const views: RecordViews = new Map();
    const targets = new Map<string, RecordTarget>();
    const pending = await pendingEntries(db, cipher);
    for (const { command } of pending) for (const target of commandTargets(command)) targets.set(targetKey(target), target);
    applyToViews(views, pending.map(({ entry, command }) => ({ command, hlc: entry.hlc })), session ?? { userId: '', teamId: '' });
    const overlaid = [...targets].map(([key, target]) => ({ target, view: views.get(key) })).filter(({ target, view }) => view !== undefined && collectionSchemas[target.collection].safeParse(view).success);
    const { puts: keep } = await sealViews(cipher, overlaid);
    try {
      await db.transaction('rw', [...db.allRecordTables(), db.outbox, db.meta], async () => {
        if ((await highestOutboxId(db)) !== outboxMark) throw new OutboxChangedError();
        for (const table of db.allRecordTables()) await table.clear();
        for (const { collection, row } of keep) await db.records(collection).put(row);
        await resetClientChanges(db);
        await setMeta(db, 'cursor', 0);
      });
      return;
    } catch (error) {
      if (!(error instanceof OutboxChangedError) || attempt >= 5) throw error;
    }
  }
}
