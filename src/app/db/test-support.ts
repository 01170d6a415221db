/**
 * Test support (not shipped code paths): a fresh database on an isolated fake IndexedDB,
 * and a signed-in session to stamp ownership.
 */
import { Dexie, liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { OverlaySession } from '../sync/pending-overlay';
import { LanternDb } from './schema';

export function createTestDb(): LanternDb {
  return new LanternDb(`lantern-test-${uuidv7()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export const testSession: OverlaySession = { userId: uuidv7(), teamId: uuidv7() };

/** Subscribes to a Dexie live query and collects its emissions until stopped. */
export function observeLiveQuery<T>(query: () => Promise<T>) {
  const seen: T[] = [];
  const errors: unknown[] = [];
  const subscription = liveQuery(query).subscribe({ next: (value) => void seen.push(value), error: (e) => void errors.push(e) });
  return { seen, errors, stop: () => subscription.unsubscribe() };
}

/**
 * Dexie's liveQuery does nothing where there is no global IndexedDB (its SSR guard); in Node,
 * give it one for the duration of a describe block. Each test database keeps its own factory.
 */
export function withGlobalIndexedDb(): void {
  const before = Dexie.dependencies.indexedDB;
  beforeAll(() => {
    Dexie.dependencies.indexedDB = new IDBFactory();
  });
  afterAll(() => {
    Dexie.dependencies.indexedDB = before;
  });
}
