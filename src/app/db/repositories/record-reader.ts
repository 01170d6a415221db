/**
 * Reading records back from the device: open the sealed body, then parse it with the
 * shared record schema (`restore` step) — what IndexedDB returns is not trusted, e.g.
 * after a schema change. A record that fails is reported (collection, id and the failing
 * paths only — never values, which may be names) and skipped, never crashed on.
 *
 * Generic over collections, so every repository (clients, contacts, agencies, …) reads
 * the same way.
 */
import type { IndexableType } from 'dexie';
import { collectionSchemas, type CollectionName, type RecordOf } from '../../../shared/sync/collections';
import type { RecordCipher } from '../cipher';
import type { LanternDb, StoredRecord } from '../schema';

/** A stored record that could not be opened or parsed. */
export interface UnreadableRecord {
  readonly collection: CollectionName;
  readonly id: string;
  /** Failing field paths or the open error's message; never field values. */
  readonly problems: readonly string[];
}

export type OnUnreadable = (problem: UnreadableRecord) => void;

/** Default reporter: a warning without values (an error would fail tests and alarm users). */
export const warnUnreadable: OnUnreadable = (problem) => {
  console.warn(`lantern: skipped unreadable ${problem.collection} record ${problem.id}: ${problem.problems.join('; ')}`);
};

export type OpenResult<C extends CollectionName> =
  | { readonly ok: true; readonly record: RecordOf<C> }
  | { readonly ok: false; readonly problem: UnreadableRecord };

/** Opens and parses one stored record. */
export async function openStoredRecord<C extends CollectionName>(
  cipher: RecordCipher,
  collection: C,
  stored: StoredRecord,
): Promise<OpenResult<C>> {
  let value: unknown;
  try {
    value = await cipher.open(stored.enc);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'cannot open';
    return { ok: false, problem: { collection, id: stored.id, problems: [message] } };
  }
  const parsed = collectionSchemas[collection].safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.code}`);
    return { ok: false, problem: { collection, id: stored.id, problems } };
  }
  return { ok: true, record: parsed.data as RecordOf<C> };
}

export interface RecordReader<C extends CollectionName> {
  /** One record by id, or `undefined` if absent or unreadable. */
  get(id: string): Promise<RecordOf<C> | undefined>;
  /** Every readable record (unordered). */
  list(): Promise<RecordOf<C>[]>;
  /** Records whose clear index field `index` equals `value` (e.g. contacts by clientId). */
  listByIndex(index: string, value: IndexableType): Promise<RecordOf<C>[]>;
  /** Records whose index field equals any of `values` (e.g. referrals by open status). */
  listByIndexAnyOf(index: string, values: readonly IndexableType[]): Promise<RecordOf<C>[]>;
  /** Records whose index field is above `value` (e.g. alerts not yet expired). */
  listAbove(index: string, value: IndexableType): Promise<RecordOf<C>[]>;
  /** The `limit` records with the highest index value, highest first (e.g. latest contacts). */
  newest(index: string, limit: number): Promise<RecordOf<C>[]>;
}

/** A reader for one collection; `onUnreadable` defaults to a value-free warning. */
export function createRecordReader<C extends CollectionName>(
  db: LanternDb,
  cipher: RecordCipher,
  collection: C,
  onUnreadable: OnUnreadable = warnUnreadable,
): RecordReader<C> {
  const table = db.records(collection);
  const openAll = async (rows: StoredRecord[]): Promise<RecordOf<C>[]> => {
    const results = await Promise.all(rows.map((row) => openStoredRecord(cipher, collection, row)));
    const records: RecordOf<C>[] = [];
    for (const result of results) {
      if (result.ok) records.push(result.record);
      else onUnreadable(result.problem);
    }
    return records;
  };
  return {
    async get(id) {
      const row = await table.get(id);
      return row === undefined ? undefined : (await openAll([row]))[0];
    },
    async list() {
      return openAll(await table.toArray());
    },
    async listByIndex(index, value) {
      return openAll(await table.where(index).equals(value).toArray());
    },
    async listByIndexAnyOf(index, values) {
      return openAll(await table.where(index).anyOf([...values]).toArray());
    },
    async listAbove(index, value) {
      return openAll(await table.where(index).above(value).toArray());
    },
    async newest(index, limit) {
      return openAll(await table.orderBy(index).reverse().limit(limit).toArray());
    },
  };
}
