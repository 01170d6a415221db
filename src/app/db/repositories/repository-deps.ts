/**
 * What every repository is built with, and the one way they write: a batch of commands
 * through `recordLocalChanges` (records + outbox entries in one transaction), then the
 * `onLocalWrite` signal (which schedules a sync).
 */
import type { Command } from '../../../shared/sync/commands';
import type { OverlaySession } from '../../sync/pending-overlay';
import type { RecordCipher } from '../cipher';
import { recordLocalChanges, type AlongsideWork, type LocalChangeResult } from '../local-write';
import type { LanternDb } from '../schema';
import type { OnUnreadable } from './record-reader';

export interface RepositoryDeps {
  readonly db: LanternDb;
  readonly cipher: RecordCipher;
  /** The signed-in user: ownership of new records (throws while locked). */
  readonly getSession: () => OverlaySession;
  /** Called after each local write, e.g. to schedule a sync. */
  readonly onLocalWrite?: () => void;
  readonly onUnreadable?: OnUnreadable;
  readonly now?: () => number;
}

/**
 * Writes `commands` as one local change (all or nothing) and signals the write. Work
 * `alongside` commits in the same transaction, or nothing does.
 */
export async function writeCommands(deps: RepositoryDeps, commands: readonly Command[], alongside?: AlongsideWork): Promise<LocalChangeResult[]> {
  const session = deps.getSession();
  const options = { ...(deps.now === undefined ? {} : { now: deps.now }), ...(alongside === undefined ? {} : { alongside }) };
  const results = await recordLocalChanges(deps.db, deps.cipher, commands.map((command) => ({ command, session })), options);
  deps.onLocalWrite?.();
  return results;
}

/** Writes one command and returns the record it now stores. */
export async function writeCommand(deps: RepositoryDeps, command: Command): Promise<unknown> {
  const [result] = await writeCommands(deps, [command]);
  return result?.record;
}

/** The current time as ISO, from the injected clock. */
export function nowIso(deps: Pick<RepositoryDeps, 'now'>): string {
  return new Date((deps.now ?? Date.now)()).toISOString();
}

/** Newest first by `key`, ties broken by id (UUIDv7: creation order). */
export function newestFirst<T extends { readonly id: string }>(key: (record: T) => string) {
  return (a: T, b: T): number => key(b).localeCompare(key(a)) || b.id.localeCompare(a.id);
}
