/**
 * When to sync: the browser events and timers that wake the engine. Kept apart from the
 * engine so the engine's logic is testable with injected timers and no DOM.
 */
export const LOCAL_WRITE_DEBOUNCE_MS = 1_500;
export const PERIODIC_SYNC_MS = 60_000;

/** The timer functions used (injectable for tests). */
export interface SyncTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface SyncTriggers {
  /** Listens for `online` and visibility, starts the periodic timer. */
  install(): void;
  /** Removes listeners and every timer. */
  uninstall(): void;
  debounceLocalWrite(): void;
  scheduleRetry(ms: number): void;
  cancelRetry(): void;
}

const globalTimers: SyncTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
};

/** Creates the triggers; `sync` is called whenever one fires. */
export function createSyncTriggers(options: { sync: () => void; timers?: SyncTimers | undefined }): SyncTriggers {
  const timers = options.timers ?? globalTimers;
  let installed = false;
  let debounce: unknown = null;
  let retry: unknown = null;
  let periodic: unknown = null;

  const onOnline = (): void => {
    cancelRetry(); // fresh connectivity is news: try now rather than wait out the backoff
    options.sync();
  };
  const onVisibility = (): void => {
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') options.sync();
  };

  function cancelRetry(): void {
    if (retry !== null) timers.clearTimeout(retry);
    retry = null;
  }

  return {
    install() {
      if (installed) return;
      installed = true;
      if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
      if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);
      periodic = timers.setInterval(() => {
        if (retry === null) options.sync(); // while backing off, the retry timer decides
      }, PERIODIC_SYNC_MS);
    },
    uninstall() {
      installed = false;
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility);
      if (periodic !== null) timers.clearInterval(periodic);
      if (debounce !== null) timers.clearTimeout(debounce);
      periodic = null;
      debounce = null;
      cancelRetry();
    },
    debounceLocalWrite() {
      if (debounce !== null) timers.clearTimeout(debounce);
      debounce = timers.setTimeout(() => {
        debounce = null;
        options.sync();
      }, LOCAL_WRITE_DEBOUNCE_MS);
    },
    scheduleRetry(ms) {
      cancelRetry();
      if (!installed) return; // a stopped engine does not retry on its own
      retry = timers.setTimeout(() => {
        retry = null;
        options.sync();
      }, ms);
    },
    cancelRetry,
  };
}
