/**
 * The local write: commands' effects on the device's records and their outbox entries,
 * made durable together. This is the only way case data changes on the device.
 *
 * `recordLocalChanges` takes a batch (an encounter: contact, consents, assessment,
 * referrals, appointments, a client update…) and applies it in order; EVERY record and
 * EVERY outbox entry of the batch commit in one transaction or not at all.
 *
 * Sealing happens BEFORE the transaction (WebCrypto promises inside an IndexedDB
 * transaction would let it auto-commit half-way). Because the records and clock were read
 * before the transaction, it checks inside that none changed (a pull or another write
 * raced) and, if so, recomputes from scratch.
 *
 * Work that must commit with the batch or not at all (an encounter's draft is deleted in
 * the transaction that records the encounter) joins it through `alongside`.
 */
import type { Table } from 'dexie';
import { encodeHlc, tickHlc, type Hlc } from '../../shared/hlc';
import { collectionSchemas, type CollectionName } from '../../shared/sync/collections';
import { commandArgsSchemas, type Command } from '../../shared/sync/commands';
import { applyToViews, commandTarget, type AnyRecord, type OverlaySession, type RecordViews } from '../sync/pending-overlay';
import { noteClientChanges } from './client-changes';
import { sameSealed, type RecordCipher } from './cipher';
import { loadTargets, type LoadedTargets } from './local-write-targets';
import { getMeta, loadHlc, saveHlc } from './meta';
import { toStoredRecord, type LanternDb, type OutboxEntry, type StoredRecord } from './schema';

export interface LocalChange {
  readonly command: Command;
  /** Ownership for records the command creates. */
  readonly session: OverlaySession;
}

export interface LocalChangeResult {
  /** The outbox entry's id, which is also the mutation id sent to the server. */
  readonly outboxId: number;
  readonly hlc: string;
  /** The command's primary record as now stored on the device. */
  readonly record: AnyRecord;
}

/** Work done inside the batch's transaction, over `tables` besides the batch's own. */
export interface AlongsideWork {
  readonly tables: readonly Table[];
  /** Runs before anything is written; throwing aborts the whole batch. May run once per attempt. */
  readonly run: () => Promise<void>;
}

export interface LocalWriteOptions {
  readonly now?: () => number;
  readonly maxAttempts?: number;
  readonly alongside?: AlongsideWork;
}

class RacedError extends Error {}

interface PreparedBatch {
  readonly rows: { readonly collection: CollectionName; readonly row: StoredRecord }[];
  readonly entries: Omit<OutboxEntry, 'id'>[];
  readonly primaries: AnyRecord[];
  readonly hlcs: string[];
  readonly clock: Hlc;
}

/**
 * Applies one command on the device: ticks the clock, stores the new local view of its
 * records and queues it in the outbox, atomically. Throws if the args are invalid or the
 * command cannot apply (e.g. an update of a record the device does not hold).
 */
export async function recordLocalChange(
  db: LanternDb,
  cipher: RecordCipher,
  change: LocalChange,
  options: LocalWriteOptions = {},
): Promise<LocalChangeResult> {
  const [result] = await recordLocalChanges(db, cipher, [change], options);
  if (result === undefined) throw new Error('recordLocalChange: no result');
  return result;
}

/**
 * Applies `changes` in order, each with its own clock tick and outbox entry, and writes
 * every record and entry in ONE transaction. If any command is invalid or cannot apply,
 * nothing is written. Results are in the order of `changes`.
 */
export async function recordLocalChanges(
  db: LanternDb,
  cipher: RecordCipher,
  changes: readonly LocalChange[],
  options: LocalWriteOptions = {},
): Promise<LocalChangeResult[]> {
  if (changes.length === 0) return [];
  const attempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptLocalChanges(db, cipher, changes, options.now ?? Date.now, options.alongside);
    } catch (error) {
      if (!(error instanceof RacedError) || attempt >= attempts) throw error;
    }
  }
}

function applyBatch(views: RecordViews, changes: readonly LocalChange[], start: Hlc, nowMs: number) {
  let clock = start;
  const hlcs: string[] = [];
  for (const { command, session } of changes) {
    clock = tickHlc(clock, nowMs);
    const hlc = encodeHlc(clock);
    hlcs.push(hlc);
    if (applyToViews(views, [{ command, hlc }], session).length > 0) {
      const target = commandTarget(command);
      throw new Error(`${command.name}: no ${target.collection} record ${target.id} on this device`);
    }
  }
  return { clock, hlcs };
}

async function prepareBatch(cipher: RecordCipher, changes: readonly LocalChange[], loaded: LoadedTargets, start: Hlc, nowMs: number): Promise<PreparedBatch> {
  const commands = changes.map(({ command }) => ({ name: command.name, args: commandArgsSchemas[command.name].parse(command.args) }) as Command);
  const views: RecordViews = new Map(loaded.views);
  const { clock, hlcs } = applyBatch(views, changes.map((change, i) => ({ ...change, command: commands[i] ?? change.command })), start, nowMs);

  const rows: PreparedBatch['rows'][number][] = [];
  for (const [key, view] of views) {
    const target = loaded.targets.get(key);
    if (view === undefined || target === undefined || view === loaded.views.get(key)) continue;
    const record = collectionSchemas[target.collection].parse(view);
    rows.push({ collection: target.collection, row: toStoredRecord(target.collection, record, await cipher.seal(record)) });
  }
  const primaries = commands.map((command) => views.get(`${commandTarget(command).collection}/${command.args.id}`) as AnyRecord);
  const entries = await Promise.all(
    commands.map(async (command, i) => ({
      name: command.name,
      enc: await cipher.seal({ args: command.args }),
      hlc: hlcs[i] ?? '',
      createdAt: nowMs,
      status: 'pending' as const,
      target: commandTarget(command),
    })),
  );
  return { rows, entries, primaries, hlcs, clock };
}

async function attemptLocalChanges(
  db: LanternDb,
  cipher: RecordCipher,
  changes: readonly LocalChange[],
  now: () => number,
  alongside: AlongsideWork | undefined,
): Promise<LocalChangeResult[]> {
  const loaded = await loadTargets(db, cipher, changes.map(({ command }) => command));
  const clockBefore = await getMeta(db, 'hlc');
  const nowMs = now();
  const prepared = await prepareBatch(cipher, changes, loaded, await loadHlc(db), nowMs);
  const recordTables = [...loaded.targets.values()].map(({ collection }) => db.records(collection));
  const tables = [...new Map([...recordTables, ...(alongside?.tables ?? [])].map((table) => [table.name, table])).values()];

  // This transaction is the invariant: every record of the batch and every outbox entry
  // commit together or not at all — and so does the work `alongside`. A local write is
  // either on the server or visibly pending here.
  const ids = await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    for (const [key, target] of loaded.targets) {
      const current = await db.records(target.collection).get(target.id);
      if (!sameSealed(current?.enc, loaded.stored.get(key)?.enc)) throw new RacedError();
    }
    if ((await getMeta(db, 'hlc')) !== clockBefore) throw new RacedError();
    await alongside?.run();
    for (const { collection, row } of prepared.rows) await db.records(collection).put(row);
    const clientIds = prepared.rows.filter(({ collection }) => collection === 'clients').map(({ row }) => row.id);
    await noteClientChanges(db, clientIds);
    const outboxIds = await db.outbox.bulkAdd(prepared.entries, { allKeys: true });
    await saveHlc(db, prepared.clock);
    return outboxIds;
  });
  return prepared.primaries.map((record, i) => ({ outboxId: ids[i] ?? 0, hlc: prepared.hlcs[i] ?? '', record }));
}
