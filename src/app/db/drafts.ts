/**
 * Drafts: half-finished forms (an encounter interrupted on the street) kept on the device
 * so nothing typed is lost. A draft holds whatever the person said, so it is sealed like a
 * record; only its id (chosen by the caller, e.g. `encounter:<clientId>`, never a name)
 * and save time are in the clear. Drafts never sync.
 *
 * A draft may be finished by a record (an encounter by its contact). Once that record
 * exists the draft must never come back: a late autosave is not written, and a leftover
 * draft is deleted, each in one transaction with the check.
 */
import type { CollectionName } from '../../shared/sync/collections';
import type { RecordCipher } from './cipher';
import type { LanternDb } from './schema';

/** The draft key of an encounter with a client, or of an anonymous one. */
export const encounterDraftKey = (clientId: string | null): string => `encounter:${clientId ?? 'anonymous'}`;

/** Whose encounter a draft key is of (`undefined` for a draft that is not an encounter). */
export function encounterDraftClient(key: string): { readonly clientId: string | null } | undefined {
  if (!key.startsWith('encounter:')) return undefined;
  const rest = key.slice('encounter:'.length);
  return { clientId: rest === 'anonymous' ? null : rest };
}

/** The record whose existence means a draft has been saved for good. */
export interface DraftOutcome {
  readonly collection: CollectionName;
  readonly id: string;
}

export interface SaveDraftOptions {
  readonly now?: number;
  /** Write only while this record does not exist. */
  readonly unlessSaved?: DraftOutcome;
}

/** Saves (replaces) a draft. Returns false when it was not written because it was already saved. */
export async function saveDraft(db: LanternDb, cipher: RecordCipher, id: string, value: unknown, options: SaveDraftOptions = {}): Promise<boolean> {
  const enc = await cipher.seal(value); // sealed before the write, never inside a transaction
  const row = { id, updatedAt: options.now ?? Date.now(), enc };
  const outcome = options.unlessSaved;
  if (outcome === undefined) {
    await db.drafts.put(row);
    return true;
  }
  return db.transaction('rw', [db.drafts, db.records(outcome.collection)], async () => {
    if (await isSaved(db, outcome)) return false;
    await db.drafts.put(row);
    return true;
  });
}

/** The draft's value, or `undefined` if there is none or it cannot be opened. Parse it before use. */
export async function loadDraft(db: LanternDb, cipher: RecordCipher, id: string): Promise<unknown> {
  const row = await db.drafts.get(id);
  if (row === undefined) return undefined;
  return cipher.open(row.enc).catch(() => undefined);
}

/** Deletes a draft (joins the caller's Dexie transaction if there is one). */
export async function discardDraft(db: LanternDb, id: string): Promise<void> {
  await db.drafts.delete(id);
}

/** True if `outcome` exists on the device (joins the caller's transaction if there is one). */
export async function isSaved(db: LanternDb, outcome: DraftOutcome): Promise<boolean> {
  return (await db.records(outcome.collection).get(outcome.id)) !== undefined;
}

/** Deletes the draft if `outcome` exists, in one transaction; true if it did exist. */
export async function discardDraftIfSaved(db: LanternDb, id: string, outcome: DraftOutcome): Promise<boolean> {
  return db.transaction('rw', [db.drafts, db.records(outcome.collection)], async () => {
    if (!(await isSaved(db, outcome))) return false;
    await discardDraft(db, id);
    return true;
  });
}

/** Every draft kept on the device, newest first: ids and save times only (nothing is opened). */
export async function listDrafts(db: LanternDb): Promise<Array<{ readonly id: string; readonly updatedAt: number }>> {
  const rows = await db.drafts.toArray();
  return rows.map(({ id, updatedAt }) => ({ id, updatedAt })).sort((a, b) => b.updatedAt - a.updatedAt);
}
