/**
 * The local write: a command's effect on the device's record and its outbox entry, made
 * durable together. This is the only way case data changes on the device.
 *
 * Sealing happens BEFORE the transaction (WebCrypto promises inside an IndexedDB
 * transaction would let it auto-commit half-way). Because the record and clock were read
 * before the transaction, it checks inside that neither changed (a pull or another write
 * raced) and, if so, recomputes from scratch.
 */
import { encodeHlc, tickHlc } from '../../shared/hlc';
import { collectionSchemas } from '../../shared/sync/collections';
import { commandArgsSchemas, type Command } from '../../shared/sync/commands';
import { applyCommand, commandTarget, type AnyRecord, type OverlaySession } from '../sync/pending-overlay';
import { sameSealed, type RecordCipher } from './cipher';
import { getMeta, loadHlc, saveHlc } from './meta';
import { openStoredRecord } from './repositories/record-reader';
import { toStoredRecord, type LanternDb } from './schema';

export interface LocalChange {
  readonly command: Command;
  /** Ownership for records the command creates. */
  readonly session: OverlaySession;
}

export interface LocalChangeResult {
  /** The outbox entry's id, which is also the mutation id sent to the server. */
  readonly outboxId: number;
  readonly hlc: string;
  /** The record as now stored on the device. */
  readonly record: AnyRecord;
}

export interface LocalWriteOptions {
  readonly now?: () => number;
  readonly maxAttempts?: number;
}

class RacedError extends Error {}

/**
 * Applies `command` on the device: ticks the clock, stores the new local view of the
 * record and queues the command in the outbox, atomically. Throws if the command's args
 * are invalid or it cannot apply (e.g. an update of a record the device does not hold).
 */
export async function recordLocalChange(
  db: LanternDb,
  cipher: RecordCipher,
  change: LocalChange,
  options: LocalWriteOptions = {},
): Promise<LocalChangeResult> {
  const attempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptLocalChange(db, cipher, change, options.now ?? Date.now);
    } catch (error) {
      if (!(error instanceof RacedError) || attempt >= attempts) throw error;
    }
  }
}

async function attemptLocalChange(
  db: LanternDb,
  cipher: RecordCipher,
  { command, session }: LocalChange,
  now: () => number,
): Promise<LocalChangeResult> {
  const args = commandArgsSchemas[command.name].parse(command.args);
  const target = commandTarget(command);
  const table = db.records(target.collection);
  const stored = await table.get(target.id);
  const opened = stored === undefined ? undefined : await openStoredRecord(cipher, target.collection, stored);
  if (opened !== undefined && !opened.ok) throw new Error(`${target.collection} record ${target.id} is unreadable`);

  const clockBefore = await getMeta(db, 'hlc');
  const nowMs = now();
  const hlc = tickHlc(await loadHlc(db), nowMs);
  const encodedHlc = encodeHlc(hlc);
  const next = applyCommand(opened?.record, command, encodedHlc, session);
  if (next === undefined) throw new Error(`${command.name}: no ${target.collection} record ${target.id} on this device`);
  const record = collectionSchemas[target.collection].parse(next);

  const enc = await cipher.seal(record);
  const argsEnc = await cipher.seal({ args });

  // This transaction is the invariant: the record and its outbox entry commit together
  // or not at all. A local write is either on the server or visibly pending here.
  const outboxId = await db.transaction('rw', [table, db.outbox, db.meta], async () => {
    const current = await table.get(target.id);
    if (!sameSealed(current?.enc, stored?.enc) || (await getMeta(db, 'hlc')) !== clockBefore) throw new RacedError();
    await table.put(toStoredRecord(target.collection, record, enc));
    const id = await db.outbox.add({
      name: command.name,
      enc: argsEnc,
      hlc: encodedHlc,
      createdAt: nowMs,
      status: 'pending',
      target,
    });
    await saveHlc(db, hlc);
    return id;
  });
  return { outboxId, hlc: encodedHlc, record };
}
