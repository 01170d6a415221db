/**
 * Drafts: half-finished forms (an encounter interrupted on the street) kept on the device
 * so nothing typed is lost. A draft holds whatever the person said, so it is sealed like a
 * record; only its id (chosen by the caller, e.g. `encounter:<clientId>`, never a name)
 * and save time are in the clear. Drafts never sync.
 */
import type { RecordCipher } from './cipher';
import type { LanternDb } from './schema';

/** Saves (replaces) a draft. */
export async function saveDraft(db: LanternDb, cipher: RecordCipher, id: string, value: unknown, now = Date.now()): Promise<void> {
  const enc = await cipher.seal(value); // sealed before the write, never inside a transaction
  await db.drafts.put({ id, updatedAt: now, enc });
}

/** The draft's value, or `undefined` if there is none or it cannot be opened. Parse it before use. */
export async function loadDraft(db: LanternDb, cipher: RecordCipher, id: string): Promise<unknown> {
  const row = await db.drafts.get(id);
  if (row === undefined) return undefined;
  return cipher.open(row.enc).catch(() => undefined);
}

export async function discardDraft(db: LanternDb, id: string): Promise<void> {
  await db.drafts.delete(id);
}
