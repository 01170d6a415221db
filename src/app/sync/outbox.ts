/**
 * The outbox: commands made on this device that the server has not yet acknowledged.
 *
 * An entry leaves the outbox only when the server has acknowledged it (its id ≤ the
 * device's `lastMutationId`) and did not reject it. A rejected entry is KEPT, with its
 * sealed data and the server's reason, for "needs attention"; only an explicit user
 * action (`dismissRejected`) removes it. The outbox drains or shows why not.
 */
import { commandArgsSchemas, type Command } from '../../shared/sync/commands';
import type { Rejection } from '../../shared/sync/wire';
import type { RecordCipher } from '../db/cipher';
import { noteClientChanges } from '../db/client-changes';
import type { LanternDb, OutboxEntry } from '../db/schema';
import { recordsMadeBy } from './pending-overlay';

/** An outbox entry with its command opened (args decrypted and parsed). */
export interface OpenedOutboxEntry {
  readonly entry: OutboxEntry;
  readonly command: Command;
}

export interface OutboxSummary {
  readonly pending: number;
  readonly rejected: number;
  /** Device time (ms) of the oldest entry still waiting, or null. */
  readonly oldestPendingAt: number | null;
}

/** Decrypts and parses an entry's command. Throws if its sealed args no longer parse. */
export async function openOutboxEntry(cipher: RecordCipher, entry: OutboxEntry): Promise<OpenedOutboxEntry> {
  const opened = (await cipher.open(entry.enc)) as { args?: unknown } | null;
  const args = commandArgsSchemas[entry.name].parse(opened?.args);
  return { entry, command: { name: entry.name, args } as Command };
}

async function openByStatus(
  db: LanternDb,
  cipher: RecordCipher,
  status: OutboxEntry['status'],
  limit: number,
): Promise<OpenedOutboxEntry[]> {
  // Within one status the index yields entries in id order, i.e. the order they were made.
  const entries = await db.outbox.where('status').equals(status).limit(limit).toArray();
  return Promise.all(entries.map((entry) => openOutboxEntry(cipher, entry)));
}

/** Entries waiting for the server, oldest first (at most `limit`), with their commands opened. */
export function pendingEntries(db: LanternDb, cipher: RecordCipher, limit = Infinity): Promise<OpenedOutboxEntry[]> {
  return openByStatus(db, cipher, 'pending', limit);
}

/** Entries the server rejected, for "needs attention", with their data. */
export function rejectedEntries(db: LanternDb, cipher: RecordCipher): Promise<OpenedOutboxEntry[]> {
  return openByStatus(db, cipher, 'rejected', Infinity);
}

/** Counts for the sync status line. */
export async function outboxSummary(db: LanternDb): Promise<OutboxSummary> {
  return db.transaction('r', db.outbox, async () => {
    // Fresh collections each time: Dexie's first()/limit() narrow the collection in place.
    const pending = () => db.outbox.where('status').equals('pending');
    const oldest = await pending().first();
    return {
      pending: await pending().count(),
      rejected: await db.outbox.where('status').equals('rejected').count(),
      oldestPendingAt: oldest?.createdAt ?? null,
    };
  });
}

/** The highest outbox id ever still present (0 if empty): a cheap "did anyone write?" check. */
export async function highestOutboxId(db: LanternDb): Promise<number> {
  const last = await db.outbox.orderBy(':id').lastKey();
  return typeof last === 'number' ? last : 0;
}

/**
 * Applies a push answer in one transaction: entries with id ≤ `lastMutationId` are
 * dropped, except rejected ones, which are marked `rejected` with the server's reason and
 * kept. The records a rejected command created on this device (`pushed` holds the commands
 * just sent) are dropped with it: the server never had them. A record it changed is
 * re-sent by the server, so the next pull replaces the refused change with the server's
 * version. Returns how many entries were dropped.
 */
export async function acknowledge(
  db: LanternDb,
  lastMutationId: number,
  rejections: readonly Rejection[],
  pushed: readonly OpenedOutboxEntry[] = [],
): Promise<number> {
  const rejectedById = new Map(rejections.map((rejection) => [rejection.id, rejection]));
  const madeByRejected = pushed.filter(({ entry }) => rejectedById.has(entry.id)).flatMap(({ command }) => recordsMadeBy(command));
  const recordTables = [...new Set(madeByRejected.map(({ collection }) => collection))].map((collection) => db.records(collection));
  const tables = madeByRejected.length > 0 ? [db.outbox, db.meta, ...recordTables] : [db.outbox];
  return db.transaction('rw', tables, async () => {
    const acknowledged = await db.outbox.where(':id').belowOrEqual(lastMutationId).toArray();
    const toDrop: number[] = [];
    for (const entry of acknowledged) {
      const rejection = rejectedById.get(entry.id);
      if (rejection !== undefined) {
        await db.outbox.update(entry.id, { status: 'rejected', rejection: { code: rejection.code, message: rejection.message } });
      } else if (entry.status === 'pending') {
        toDrop.push(entry.id);
      }
    }
    await db.outbox.bulkDelete(toDrop);
    for (const { collection, id } of madeByRejected) await db.records(collection).delete(id);
    const clientIds = madeByRejected.filter(({ collection }) => collection === 'clients').map(({ id }) => id);
    if (clientIds.length > 0) await noteClientChanges(db, clientIds);
    return toDrop.length;
  });
}

/** Removes a rejected entry after the user has seen it and chosen to dismiss it. */
export async function dismissRejected(db: LanternDb, id: number): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entry = await db.outbox.get(id);
    if (entry?.status === 'rejected') await db.outbox.delete(id);
  });
}
