/**
 * One sync cycle's network steps: push the outbox in batches, then pull pages until the
 * server has nothing more, restarting from cursor 0 on `409 resync`. Scheduling, status
 * and error handling live in engine.ts; this module only moves data.
 */
import { receiveHlc } from '../../shared/hlc';
import type { PullResponse } from '../../shared/sync/wire';
import { MAX_MUTATIONS_PER_PUSH, DEFAULT_PULL_LIMIT } from '../../shared/sync/wire';
import type { RecordCipher } from '../db/cipher';
import { getCursor, getDeviceId, loadHlc, saveHlc } from '../db/meta';
import type { OnUnreadable } from '../db/repositories/record-reader';
import type { LanternDb } from '../db/schema';
import { ApiError, type ApiClient, type PullParams } from './api-client';
import { applyPullPage, prepareAhead, resetForResync } from './apply-pull';
import { acknowledge, outboxSummary, pendingEntries } from './outbox';
import type { OverlaySession } from './pending-overlay';

export interface CycleDeps {
  readonly db: LanternDb;
  readonly cipher: RecordCipher;
  readonly api: ApiClient;
  readonly schemaVersion: number;
  readonly now: () => number;
  readonly session: OverlaySession | null;
  readonly pullLimit?: number;
  readonly onUnreadable?: OnUnreadable;
  /** The first page from cursor 0, asked for ahead (`firstPageRequest`); null if that failed. */
  readonly firstPage?: Promise<PullResponse | null>;
}

/**
 * How this device asks for pages: with what it still holds (`outboxSummary`), and from
 * cursor 0 also how many changes follow, so a first sync's progress has a total.
 */
async function pullRequests(deps: Pick<CycleDeps, 'db' | 'schemaVersion' | 'pullLimit'>): Promise<(cursor: number) => PullParams> {
  const { pending, rejected } = await outboxSummary(deps.db);
  return (cursor) => ({ cursor, limit: deps.pullLimit ?? DEFAULT_PULL_LIMIT, schemaVersion: deps.schemaVersion, waiting: pending, attention: rejected, ...(cursor === 0 ? { count: true } : {}) });
}

/**
 * Asks for the first page of a device that holds nothing yet, before it can store it: at
 * sign-in, while the device key is made. Null when the device already holds records, or
 * the request failed (the cycle then asks again).
 */
export async function firstPageRequest(deps: Pick<CycleDeps, 'db' | 'api' | 'schemaVersion' | 'pullLimit'>): Promise<PullResponse | null> {
  if ((await getCursor(deps.db)) !== 0) return null;
  const request = await pullRequests(deps);
  return deps.api.pull(request(0)).catch(() => null);
}

/** The server acknowledged less than it was sent, without an error: retry later. */
export class IncompleteAcknowledgementError extends Error {}

async function receiveServerTime(deps: CycleDeps, serverTime: number): Promise<void> {
  await deps.db.transaction('rw', deps.db.meta, async () => {
    await saveHlc(deps.db, receiveHlc(await loadHlc(deps.db), { wallMs: serverTime, counter: 0 }, deps.now()));
  });
}

/**
 * Pushes every pending entry, ≤100 per request, oldest first, and applies each answer.
 * Safe to repeat after a lost answer: the server skips ids it has already applied and
 * answers with its `lastMutationId`, which drops them here exactly once.
 */
export async function pushOutbox(deps: CycleDeps): Promise<number> {
  const { db, cipher, api } = deps;
  const deviceId = await getDeviceId(db);
  let pushed = 0;
  for (;;) {
    const batch = await pendingEntries(db, cipher, MAX_MUTATIONS_PER_PUSH);
    const last = batch.at(-1);
    if (last === undefined) return pushed;
    const mutations = batch.map(({ entry, command }) => ({ id: entry.id, name: entry.name, args: command.args, hlc: entry.hlc }));
    const answer = await api.push({ deviceId, schemaVersion: deps.schemaVersion, mutations });
    await acknowledge(db, answer.lastMutationId, answer.rejections, batch);
    await receiveServerTime(deps, answer.serverTime);
    pushed += batch.filter(({ entry }) => entry.id <= answer.lastMutationId).length;
    if (answer.lastMutationId < last.entry.id) throw new IncompleteAcknowledgementError('the server did not take the whole batch');
  }
}

/**
 * Pulls and applies pages from the stored cursor until `hasMore` is false. Each pull says
 * how many changes this device still holds (waiting, and refused ones needing attention),
 * so a team lead can see a phone that keeps work the server does not have.
 *
 * The next page is fetched (and parsed and sealed) while this one is applied: it starts at this page's cursor,
 * which the server gave before the page was stored, so nothing is skipped or fetched twice.
 * If applying fails, the page fetched ahead is dropped and the stored cursor still says
 * where to start.
 */
async function pullPages(deps: CycleDeps, onProgress: (pulled: number, total: number | null) => void): Promise<number> {
  let pulled = 0;
  const request = await pullRequests(deps);
  const withAhead = (page: PullResponse) => ({ page, ahead: prepareAhead(deps.cipher, page, deps.onUnreadable) });
  // Each page is parsed and sealed as soon as it arrives, while the one before is stored.
  const fetchPage = (cursor: number) => deps.api.pull(request(cursor)).then(withAhead);
  let cursor = await getCursor(deps.db);
  // From scratch, the first page may have been asked for already, at sign-in.
  const early = cursor === 0 ? await deps.firstPage : null;
  let next = early != null ? Promise.resolve(withAhead(early)) : fetchPage(cursor);
  let total: number | null = null;
  for (;;) {
    const { page, ahead } = await next;
    if (page.remaining !== undefined) total = page.changes.length + page.remaining;
    // A page that does not advance would loop forever; stop and let the next cycle retry.
    const more = page.hasMore && page.cursor > cursor;
    if (more) {
      next = fetchPage(page.cursor);
      next.catch(() => undefined); // awaited on the next turn; an apply failure must not leave it unhandled
    }
    await applyPullPage(deps.db, deps.cipher, page, { session: deps.session, now: deps.now, onUnreadable: deps.onUnreadable, ahead });
    pulled += page.changes.length;
    onProgress(pulled, total === null ? null : Math.max(total, pulled));
    if (!more) return pulled;
    cursor = page.cursor;
  }
}

export const isResync = (error: unknown): boolean => error instanceof ApiError && error.status === 409;

/**
 * Pulls everything new. On `409 resync` clears the collections (keeping the outbox and
 * what only this device has), resets the cursor and pulls from 0 once more.
 */
export async function pullChanges(
  deps: CycleDeps,
  onProgress: (pulled: number, fromScratch: boolean, total: number | null) => void,
): Promise<number> {
  const fromScratch = (await getCursor(deps.db)) === 0;
  try {
    return await pullPages(deps, (pulled, total) => onProgress(pulled, fromScratch, total));
  } catch (error) {
    if (!isResync(error)) throw error;
    await resetForResync(deps.db, deps.cipher, deps.session);
    onProgress(0, true, null);
    // From 0 again, under what the server says now: never a page asked for before the 409.
    const { firstPage: _asked, ...again } = deps;
    return pullPages(again, (pulled, total) => onProgress(pulled, true, total));
  }
}
