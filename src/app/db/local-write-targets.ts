/**
 * Loading what a batch of commands will touch, before the local write's transaction:
 * every target (primary and derived, see `commandTargets`) as stored (for the race check)
 * and as opened (the current local view). One read transaction, so the snapshot is
 * consistent; decryption happens after it.
 */
import type { Command } from '../../shared/sync/commands';
import { commandTargets, targetKey, type AnyRecord, type RecordTarget } from '../sync/pending-overlay';
import type { RecordCipher } from './cipher';
import { openStoredRecord } from './repositories/record-reader';
import type { LanternDb, StoredRecord } from './schema';

export interface LoadedTargets {
  /** Every record the batch may write, by `targetKey`. */
  readonly targets: ReadonlyMap<string, RecordTarget>;
  /** The rows as stored (absent: no row). */
  readonly stored: ReadonlyMap<string, StoredRecord>;
  /** The opened records (absent: no record). */
  readonly views: ReadonlyMap<string, AnyRecord>;
}

/** Reads and opens every target of `commands`. Throws if one is stored but unreadable. */
export async function loadTargets(db: LanternDb, cipher: RecordCipher, commands: readonly Command[]): Promise<LoadedTargets> {
  const targets = new Map<string, RecordTarget>();
  for (const command of commands) for (const target of commandTargets(command)) targets.set(targetKey(target), target);
  const collections = [...new Set([...targets.values()].map(({ collection }) => collection))];

  const stored = new Map<string, StoredRecord>();
  await db.transaction('r', collections.map((c) => db.records(c)), async () => {
    for (const collection of collections) {
      const ids = [...targets.values()].filter((t) => t.collection === collection).map((t) => t.id);
      const rows = await db.records(collection).bulkGet(ids);
      rows.forEach((row) => {
        if (row !== undefined) stored.set(targetKey({ collection, id: row.id }), row);
      });
    }
  });

  const views = new Map<string, AnyRecord>();
  for (const [key, row] of stored) {
    const target = targets.get(key);
    if (target === undefined) continue;
    const opened = await openStoredRecord(cipher, target.collection, row);
    if (!opened.ok) throw new Error(`${target.collection} record ${target.id} is unreadable`);
    views.set(key, opened.record);
  }
  return { targets, stored, views };
}
