/**
 * Test support (not shipped code paths): a fresh database on an isolated fake IndexedDB,
 * and a signed-in session to stamp ownership.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { uuidv7 } from '../../shared/ids';
import type { OverlaySession } from '../sync/pending-overlay';
import { LanternDb } from './schema';

export function createTestDb(): LanternDb {
  return new LanternDb(`lantern-test-${uuidv7()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export const testSession: OverlaySession = { userId: uuidv7(), teamId: uuidv7() };
