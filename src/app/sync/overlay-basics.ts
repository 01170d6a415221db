/**
 * Vocabulary shared by the pending-overlay modules: who is writing, what a command's
 * effect is, and the timestamps taken from a command's clock (so re-applying a command
 * gives the same record).
 */
import { decodeHlc } from '../../shared/hlc';
import type { CollectionName, RecordOf } from '../../shared/sync/collections';

/** Who is writing: stamped as ownership on records created on the device. */
export interface OverlaySession {
  readonly userId: string;
  readonly teamId: string;
}

export type AnyRecord = RecordOf<CollectionName>;

/** A record in a collection, e.g. the follow-up a missed appointment opens. */
export interface RecordEffect {
  readonly collection: CollectionName;
  readonly record: AnyRecord;
}

/**
 * What one command does: the new view of its target (`undefined`: it cannot apply, e.g. an
 * update of a record the device does not hold) and the records it creates besides.
 * Derived records are created only where none exists: a copy already there (the server's,
 * or an earlier apply) wins, as for every creation.
 */
export interface CommandEffect {
  readonly record: AnyRecord | undefined;
  readonly derived: readonly RecordEffect[];
}

export function isoAt(hlc: string): string {
  return new Date(decodeHlc(hlc).wallMs).toISOString();
}

/** The later of two ISO timestamps. */
export function later(a: string, b: string): string {
  return b > a ? b : a;
}

export function ownership(session: OverlaySession, hlc: string) {
  return { teamId: session.teamId, createdBy: session.userId, createdAt: isoAt(hlc) };
}
