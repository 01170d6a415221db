/**
 * The sync engine: decides WHEN to sync and reports how it went; sync-cycle.ts moves the
 * data. One syncer per origin: each cycle runs under the Web Lock `lantern-sync` (an
 * in-process mutex where Web Locks are missing), so two tabs never push the same outbox
 * at once.
 *
 * Triggers: start, `online`, becoming visible, a local write (debounced), a timer while
 * open, and "Sync now". Failures that may pass (no network, 503, anything unexpected) are
 * retried with full-jitter backoff; those that will not (signed out, app too old) wait for
 * the person; a revoked device (401 + wipe) emits `wipe` and stops for good.
 */
import { SCHEMA_VERSION, type PullResponse } from '../../shared/sync/wire';
import type { RecordCipher } from '../db/cipher';
import { getMeta, setMeta, type SyncErrorInfo } from '../db/meta';
import type { LanternDb } from '../db/schema';
import { ApiError, NetworkError, type ApiClient } from './api-client';
import { backoffDelay } from './backoff';
import { outboxSummary } from './outbox';
import type { OverlaySession } from './pending-overlay';
import { firstPageRequest, pullChanges, pushOutbox, type CycleDeps } from './sync-cycle';
import { createSyncTriggers, type SyncTimers } from './triggers';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error';

/** What the sync status line shows. Replaced (never mutated) on every change. */
export interface SyncStatus {
  readonly state: SyncState;
  readonly pending: number;
  readonly rejected: number;
  readonly oldestPendingAt: number | null;
  readonly lastSyncedAt: number | null;
  readonly lastError: SyncErrorInfo | null;
  /** Progress of a sync from cursor 0 (first sync or resync); null otherwise. */
  readonly firstSync: { readonly pulled: number; readonly total: number | null; readonly done: boolean } | null;
}

export type SyncResult =
  | { readonly outcome: 'synced'; readonly pushed: number; readonly pulled: number }
  | { readonly outcome: 'offline' | 'error'; readonly error: SyncErrorInfo; readonly retryInMs: number | null }
  | { readonly outcome: 'wiped' };

/** The part of `navigator.locks` the engine uses. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface SyncEngineDeps {
  readonly db: LanternDb;
  readonly cipher: RecordCipher;
  readonly api: ApiClient;
  /** Who is signed in, for re-applying pending creations; null when nobody is. */
  readonly getSession: () => OverlaySession | null | Promise<OverlaySession | null>;
  readonly schemaVersion?: number;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Defaults to `navigator.locks` when present, else an in-process mutex. */
  readonly locks?: LockManagerLike | null;
  readonly timers?: SyncTimers;
  readonly pullLimit?: number;
}

export interface SyncEngine {
  /** Runs one cycle now (coalesced with one already running). Never rejects. */
  syncNow(): Promise<SyncResult>;
  /** Installs the triggers and syncs once. */
  start(): void;
  /**
   * Asks for the first page of a device that holds nothing yet, so the first sync finds it
   * waiting (at sign-in, while the device key is made). Needs the session's token only.
   */
  prefetchFirstPage(): void;
  /** Removes triggers and pending retries; a running cycle finishes. */
  stop(): void;
  /** Schedules a sync shortly after a local write (debounced) and refreshes counts. */
  notifyLocalWrite(): void;
  getStatus(): SyncStatus;
  /** Calls `listener` on every status change; returns an unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Calls `listener` when the server says this device must erase itself. */
  onWipe(listener: () => void): () => void;
}

const LOCK_NAME = 'lantern-sync';

function defaultLocks(): LockManagerLike | null {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks === undefined) return null;
  return {
    async request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      // The lock is held until the callback's promise settles; request resolves with its value.
      return (await locks.request(name, () => callback()));
    },
  };
}

/** A mutex for one page when Web Locks are unavailable. */
function createLocalMutex(): LockManagerLike {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request(_name, callback) {
      const run = tail.then(callback, callback);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

type Failure = { kind: 'retry' | 'wait'; state: 'offline' | 'error'; error: SyncErrorInfo } | { kind: 'wipe' };

function classify(error: unknown, at: number): Failure {
  if (error instanceof NetworkError) return { kind: 'retry', state: 'offline', error: { code: 'offline', message: 'No connection; changes are kept on this device.', at } };
  if (error instanceof ApiError) {
    if (error.status === 401 && error.wipe) return { kind: 'wipe' };
    if (error.status === 401) return { kind: 'wait', state: 'error', error: { code: 'unauthorized', message: 'Sign in again to sync.', at } };
    if (error.status === 426) return { kind: 'wait', state: 'error', error: { code: 'upgrade_required', message: 'Update required: reload the app to sync.', at } };
    return { kind: 'retry', state: 'error', error: { code: error.code, message: error.message, at } };
  }
  return { kind: 'retry', state: 'error', error: { code: 'device', message: 'Sync failed on this device; it will retry.', at } };
}

/** Creates the sync engine for one database. */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { db, api, cipher } = deps;
  const schemaVersion = deps.schemaVersion ?? SCHEMA_VERSION;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const locks = deps.locks === undefined ? (defaultLocks() ?? createLocalMutex()) : (deps.locks ?? createLocalMutex());
  const listeners = new Set<(status: SyncStatus) => void>();
  const wipeListeners = new Set<() => void>();
  let status: SyncStatus = { state: 'idle', pending: 0, rejected: 0, oldestPendingAt: null, lastSyncedAt: null, lastError: null, firstSync: null };
  let failures = 0;
  let wiped = false;
  let inFlight: Promise<SyncResult> | null = null;
  let queued: Promise<SyncResult> | null = null;
  let firstPage: Promise<PullResponse | null> | null = null;

  const setStatus = (patch: Partial<SyncStatus>): void => {
    status = { ...status, ...patch };
    for (const listener of listeners) listener(status);
  };

  const refreshCounts = async (): Promise<void> => {
    const [summary, lastSyncedAt, lastError] = await Promise.all([outboxSummary(db), getMeta(db, 'lastSyncedAt'), getMeta(db, 'lastError')]);
    setStatus({ ...summary, lastSyncedAt: lastSyncedAt ?? null, lastError: lastError ?? null });
  };

  const triggers = createSyncTriggers({ sync: () => void syncNow(), timers: deps.timers });

  async function runCycle(): Promise<SyncResult> {
    // A page asked for ahead is used by this cycle only.
    const early = firstPage;
    firstPage = null;
    const cycleDeps: CycleDeps = {
      db, cipher, api, now, schemaVersion, session: await deps.getSession(), pullLimit: deps.pullLimit, ...(early === null ? {} : { firstPage: early }),
    };
    setStatus({ state: 'syncing', firstSync: null });
    const pushed = await pushOutbox(cycleDeps);
    await refreshCounts();
    const pulled = await pullChanges(cycleDeps, (count, fromScratch, total) => {
      if (fromScratch) setStatus({ firstSync: { pulled: count, total, done: false } });
    });
    await setMeta(db, 'lastSyncedAt', now());
    await setMeta(db, 'lastError', null);
    return { outcome: 'synced', pushed, pulled };
  }

  async function cycleWithOutcome(): Promise<SyncResult> {
    if (wiped) return { outcome: 'wiped' };
    try {
      const result = await locks.request(LOCK_NAME, runCycle);
      failures = 0;
      triggers.cancelRetry();
      await refreshCounts();
      setStatus({ state: 'idle', firstSync: status.firstSync === null ? null : { ...status.firstSync, done: true } });
      return result;
    } catch (error) {
      return handleFailure(error);
    }
  }

  async function handleFailure(error: unknown): Promise<SyncResult> {
    const failure = classify(error, now());
    if (failure.kind === 'wipe') {
      wiped = true;
      stop();
      for (const listener of wipeListeners) listener();
      return { outcome: 'wiped' };
    }
    const retryInMs = failure.kind === 'retry' ? backoffDelay(failures++, random) : null;
    if (retryInMs !== null) triggers.scheduleRetry(retryInMs);
    await setMeta(db, 'lastError', failure.error).catch(() => undefined);
    await refreshCounts().catch(() => undefined);
    setStatus({ state: failure.state, lastError: failure.error });
    return { outcome: failure.state, error: failure.error, retryInMs };
  }

  function syncNow(): Promise<SyncResult> {
    if (queued !== null) return queued;
    const startCycle = (): Promise<SyncResult> => {
      inFlight = cycleWithOutcome().finally(() => {
        inFlight = null;
      });
      return inFlight;
    };
    if (inFlight === null) return startCycle();
    queued = inFlight.then(() => {
      queued = null;
      return startCycle();
    });
    return queued;
  }

  function stop(): void {
    triggers.uninstall();
  }

  return {
    syncNow,
    start() {
      if (wiped) return;
      triggers.install();
      void syncNow();
    },
    prefetchFirstPage() {
      if (wiped || inFlight !== null) return;
      firstPage ??= firstPageRequest({ db, api, schemaVersion, pullLimit: deps.pullLimit });
    },
    stop,
    notifyLocalWrite() {
      triggers.debounceLocalWrite();
      void refreshCounts().catch(() => undefined);
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onWipe(listener) {
      wipeListeners.add(listener);
      return () => wipeListeners.delete(listener);
    },
  };
}
