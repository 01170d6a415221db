/**
 * A person erased on the server (their record's tombstone arrives at a pull) leaves nothing
 * on the device: every record about them (found through the clear `clientId` index), their
 * encounter draft, and every change waiting in the outbox that names them or one of those
 * records — written or not, refused or not. Runs inside the pull page's transaction, so
 * the person is gone in the same commit as their record.
 */
import { collectionNames } from '../../shared/sync/collections';
import { encounterDraftKey } from '../db/drafts';
import { indexedFields, type LanternDb } from '../db/schema';
import type { OpenedOutboxEntry } from './outbox';

/** The collections whose records name a person through the `clientId` index. */
const collectionsNamingAPerson = collectionNames.filter((c) => (indexedFields[c] as readonly string[]).includes('clientId'));

/** Does `value` (a command's args) hold any of `ids` anywhere? Ids are UUIDs: no accidental match. */
function mentionsAny(value: unknown, ids: ReadonlySet<string>): boolean {
  if (typeof value === 'string') return ids.has(value);
  if (Array.isArray(value)) return value.some((v) => mentionsAny(v, ids));
  if (typeof value === 'object' && value !== null) return Object.values(value).some((v) => mentionsAny(v, ids));
  return false;
}

/** Removes what the device holds about `clientIds`; `outbox` is every entry, opened. Call inside a transaction over the record tables, drafts and outbox. */
export async function forgetPeople(db: LanternDb, clientIds: readonly string[], outbox: readonly OpenedOutboxEntry[]): Promise<void> {
  if (clientIds.length === 0) return;
  const about = new Set<string>(clientIds);
  for (const collection of collectionsNamingAPerson) {
    const table = db.records(collection);
    const ids = await table.where('clientId').anyOf(clientIds).primaryKeys();
    for (const id of ids) about.add(id);
    await table.bulkDelete(ids);
  }
  await db.drafts.bulkDelete(clientIds.map(encounterDraftKey));
  const naming = outbox.filter(({ command }) => mentionsAny(command.args, about)).map(({ entry }) => entry.id);
  await db.outbox.bulkDelete(naming);
}
