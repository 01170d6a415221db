/**
 * Re-applying pending commands on top of pulled records. A pulled page gives the server's
 * view of some records; the device's own unconfirmed commands are folded over it
 * (pending-overlay.ts) so they never vanish from the screen.
 *
 * A command can touch two records (a missed appointment and the follow-up it opens), so
 * the fold runs over a SET of views: the page's records, plus every other record a
 * relevant pending command touches. Those other records are loaded from the device: if
 * one exists, its local view already holds the pending commands, so it is read but never
 * rewritten (frozen); if it is missing (e.g. after a resync), the fold rebuilds it.
 */
import { collectionSchemas } from '../../shared/sync/collections';
import type { RecordCipher } from '../db/cipher';
import { openStoredRecord } from '../db/repositories/record-reader';
import type { LanternDb } from '../db/schema';
import type { OpenedOutboxEntry } from './outbox';
import {
  applyToViews,
  commandTargets,
  targetKey,
  type AnyRecord,
  type OverlaySession,
  type RecordTarget,
  type RecordViews,
} from './pending-overlay';

export interface OverlaidRecord {
  readonly target: RecordTarget;
  /** The local view; `undefined`: no record (delete it). */
  readonly view: AnyRecord | undefined;
}

/** Pending entries touching `keys`, and (transitively) every key those entries touch. */
function relevantEntries(pending: readonly OpenedOutboxEntry[], keys: Map<string, RecordTarget>): OpenedOutboxEntry[] {
  const chosen = new Set<OpenedOutboxEntry>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const opened of pending) {
      const targets = commandTargets(opened.command);
      if (chosen.has(opened) || !targets.some((t) => keys.has(targetKey(t)))) continue;
      chosen.add(opened);
      grew = true;
      for (const target of targets) keys.set(targetKey(target), target);
    }
  }
  return pending.filter((opened) => chosen.has(opened));
}

function checked(target: RecordTarget, view: AnyRecord | undefined, fallback: AnyRecord | undefined): AnyRecord | undefined {
  if (view === undefined) return undefined;
  // No pending change touched it (the overlay never mutates, it replaces): already parsed.
  if (view === fallback) return view;
  const parsed = collectionSchemas[target.collection].safeParse(view);
  return parsed.success ? parsed.data : fallback;
}

/**
 * The local views to store for `bases` (the page's records by `targetKey`, `undefined`
 * for a tombstone) with `pending` (outbox order) folded over them. Returns the page's
 * records and the missing records the fold rebuilt; frozen records are left out.
 */
export async function overlayPendingOnPage(
  db: LanternDb,
  cipher: RecordCipher,
  bases: ReadonlyMap<string, { readonly target: RecordTarget; readonly record: AnyRecord | undefined }>,
  pending: readonly OpenedOutboxEntry[],
  session: OverlaySession | null,
): Promise<OverlaidRecord[]> {
  const keys = new Map([...bases].map(([key, { target }]) => [key, target]));
  const entries = relevantEntries(pending, keys);
  const views: RecordViews = new Map([...bases].map(([key, { record }]) => [key, record]));
  const frozen = new Set<string>();
  for (const [key, target] of keys) {
    if (bases.has(key)) continue;
    const row = await db.records(target.collection).get(target.id);
    const opened = row === undefined ? undefined : await openStoredRecord(cipher, target.collection, row);
    if (opened === undefined) continue;
    frozen.add(key);
    if (opened.ok) views.set(key, opened.record);
  }
  const steps = entries.map(({ entry, command }) => ({ command, hlc: entry.hlc }));
  applyToViews(views, steps, session ?? { userId: '', teamId: '' }, frozen);

  const result: OverlaidRecord[] = [];
  for (const [key, target] of keys) {
    if (frozen.has(key)) continue;
    const base = bases.get(key);
    const view = checked(target, views.get(key), base?.record);
    if (base !== undefined || view !== undefined) result.push({ target, view });
  }
  return result;
}
