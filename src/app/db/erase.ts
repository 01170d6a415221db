/**
 * Erasing the device: closes and deletes the whole database (records, outbox, drafts,
 * session, device id). Used by logout and by a remote wipe. Deleting the database — not
 * clearing tables — is what guarantees the next database gets a NEW device id (see the
 * invariant in schema.ts). Caches are the service worker's business, not this module's.
 */
import type { LanternDb } from './schema';

/** Closes and deletes the device database. Resolves once IndexedDB has deleted it. */
export async function eraseDevice(db: LanternDb): Promise<void> {
  db.close();
  await db.delete({ disableAutoOpen: true });
}
