/**
 * The device database (IndexedDB through Dexie). What is stored where:
 *
 * - one table per synced collection (`collectionNames`): `StoredRecord = {id, …index
 *   fields, enc}`. The whole record lives only inside `enc` (sealed by the RecordCipher).
 *   Index fields are copied out in the clear so queries work without decrypting, so they
 *   are ONLY ids, types, statuses and timestamps — NEVER a name, alias, note or anything
 *   a person said. `indexedFields` below is the single list; review any change to it as a
 *   security change.
 * - `outbox`: local commands waiting for the server, args sealed; the auto-increment id is
 *   the mutation id the server deduplicates on.
 * - `meta`: device id, sync cursor, clock, sync status, sealed session (see meta.ts).
 * - `drafts`: half-finished forms, sealed.
 *
 * Invariant: the device id is a fresh UUID created together with the database and never
 * reused after an erase. The server skips every mutation id ≤ the device's
 * lastMutationId, and a recreated database restarts outbox ids at 1, so reusing a device
 * id would make the server silently drop new writes. Erasing therefore deletes the whole
 * database (erase.ts) and the next one gets a new id in `populate`.
 */
import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { CommandName } from '../../shared/sync/commands';
import type { RejectionCode } from '../../shared/sync/wire';
import { collectionNames, type CollectionName, type RecordOf } from '../../shared/sync/collections';
import { uuidv7 } from '../../shared/ids';
import type { Sealed } from './cipher';

/**
 * The clear-text index fields of each collection: ids, statuses, timestamps only, and only
 * those a repository queries (record-reader.ts `listByIndex` and the like). An index
 * nothing queries would only show someone holding the raw database more, and costs a
 * write per record: the clients' `updatedAt` was one, and dropping it made a first sync of
 * 10,000 clients a fifth faster.
 */
export const indexedFields: { readonly [C in CollectionName]: readonly (keyof RecordOf<C> & string)[] } = {
  clients: [],
  consents: ['clientId'],
  contacts: ['clientId', 'at'],
  assessments: ['clientId'],
  agencies: [],
  referrals: ['clientId', 'status'],
  appointments: ['clientId', 'status', 'at'],
  followUps: ['clientId', 'status', 'dueAt'],
  notes: ['clientId'],
  safetyAlerts: ['expiresAt'],
  reviewItems: ['status'],
  users: [],
  observations: ['clientId'],
  nrmReferrals: ['clientId', 'status'],
  dutyToNotify: [],
};

/**
 * Schema versions. Dexie upgrades a database of an older version in place, in one
 * transaction: version 2 dropped the clients' `updatedAt` index and strips its clear copy
 * from the stored rows (the value stays inside `enc`); version 3 adds the tables for
 * observations, NRM referrals and Duty to Notify records.
 */
const SCHEMA_VERSION = 3;
const DROPPED_IN_VERSION_2: Partial<Record<CollectionName, readonly string[]>> = { clients: ['updatedAt'] };

/** A record as stored: its id, clear index fields, and the sealed record. */
export type StoredRecord = { readonly id: string; readonly enc: Sealed } & { readonly [field: string]: unknown };

export type OutboxStatus = 'pending' | 'rejected';

export interface OutboxEntry {
  /** Per-device increasing mutation id (IndexedDB key generator: never reused). */
  readonly id: number;
  readonly name: CommandName;
  /** Sealed `{args}` of the command. */
  readonly enc: Sealed;
  readonly hlc: string;
  /** Device time (ms) the change was made; for "waiting since", never for ordering. */
  readonly createdAt: number;
  readonly status: OutboxStatus;
  readonly rejection?: { readonly code: RejectionCode; readonly message: string };
  readonly target: { readonly collection: CollectionName; readonly id: string };
}

export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

export interface DraftRow {
  readonly id: string;
  readonly updatedAt: number;
  readonly enc: Sealed;
}

/** Injected IndexedDB implementation (fake-indexeddb in tests); the browser's by default. */
export type LanternDbDeps = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

function storesSpec(): Record<string, string> {
  const spec: Record<string, string> = { outbox: '++id, status', meta: 'key', drafts: 'id' };
  for (const name of collectionNames) spec[name] = ['id', ...indexedFields[name]].join(', ');
  return spec;
}

export class LanternDb extends Dexie {
  declare outbox: EntityTable<OutboxEntry, 'id'>;
  declare meta: Table<MetaRow, string>;
  declare drafts: Table<DraftRow, string>;

  constructor(name = 'lantern', deps: LanternDbDeps = {}) {
    super(name, { ...deps });
    this.version(SCHEMA_VERSION)
      .stores(storesSpec())
      .upgrade(async (tx) => {
        for (const [collection, fields] of Object.entries(DROPPED_IN_VERSION_2)) {
          await tx.table<Record<string, unknown>>(collection).toCollection().modify((row) => {
            for (const field of fields) delete row[field];
          });
        }
      });
    this.on('populate', (tx) => {
      // Created with the database, in the same transaction: see the invariant above.
      void tx.table('meta').add({ key: 'deviceId', value: uuidv7() });
    });
  }

  /** The table holding one collection's stored records. */
  records(collection: CollectionName): Table<StoredRecord, string> {
    return this.table(collection);
  }

  /** Every collection table, for transactions that span them all. */
  allRecordTables(): Table<StoredRecord, string>[] {
    return collectionNames.map((name) => this.records(name));
  }
}

/** The clear index fields of a record, copied beside its sealed body. */
export function toStoredRecord<C extends CollectionName>(collection: C, record: RecordOf<C>, enc: Sealed): StoredRecord {
  const stored: Record<string, unknown> = { id: record.id, enc };
  const source = record as Record<string, unknown>;
  for (const field of indexedFields[collection]) {
    // null/undefined are not IndexedDB keys: leave them out rather than index junk.
    if (source[field] !== undefined && source[field] !== null) stored[field] = source[field];
  }
  return stored as StoredRecord;
}
