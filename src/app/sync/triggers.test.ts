import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncTriggers, LOCAL_WRITE_DEBOUNCE_MS, PERIODIC_SYNC_MS, type SyncTimers } from './triggers';

/** Timers that run only when told to, and a window and document to send events from. */
function setup() {
  let now = 0;
  let next = 0;
  const pending = new Map<number, { at: number; every: number | null; callback: () => void }>();
  const timers: SyncTimers = {
    setTimeout: (callback, ms) => (pending.set(++next, { at: now + ms, every: null, callback }), next),
    clearTimeout: (handle) => void pending.delete(handle as number),
    setInterval: (callback, ms) => (pending.set(++next, { at: now + ms, every: ms, callback }), next),
    clearInterval: (handle) => void pending.delete(handle as number),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
      if (due === undefined) break;
      const [handle, timer] = due;
      now = timer.at;
      if (timer.every === null) pending.delete(handle);
      else timer.at += timer.every;
      timer.callback();
    }
    now = until;
  };
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  const sync = vi.fn();
  const triggers = createSyncTriggers({ sync, timers });
  const becomeVisible = (state: DocumentVisibilityState) => {
    document.visibilityState = state;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  return { triggers, sync, advance, pending, window, becomeVisible };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sync triggers', () => {
  it('sync on a timer while installed, once per period however often installed', () => {
    const { triggers, sync, advance, pending } = setup();
    triggers.install();
    triggers.install();
    expect(pending.size).toBe(1);
    advance(PERIODIC_SYNC_MS - 1);
    expect(sync).not.toHaveBeenCalled();
    advance(1);
    expect(sync).toHaveBeenCalledTimes(1);
    advance(PERIODIC_SYNC_MS);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('leave the timer to a pending retry while backing off', () => {
    const { triggers, sync, advance } = setup();
    triggers.install();
    triggers.scheduleRetry(PERIODIC_SYNC_MS * 2);
    advance(PERIODIC_SYNC_MS);
    expect(sync).not.toHaveBeenCalled();
    advance(PERIODIC_SYNC_MS);
    expect(sync).toHaveBeenCalledTimes(1); // the retry; the periodic tick at the same moment stands aside
  });

  it('sync at once when the connection returns, dropping the backoff', () => {
    const { triggers, sync, advance, window } = setup();
    triggers.install();
    triggers.scheduleRetry(10_000);
    window.dispatchEvent(new Event('online'));
    expect(sync).toHaveBeenCalledTimes(1);
    advance(10_000);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('sync when the app becomes visible, not when it is hidden', () => {
    const { triggers, sync, becomeVisible } = setup();
    triggers.install();
    becomeVisible('hidden');
    expect(sync).not.toHaveBeenCalled();
    becomeVisible('visible');
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('debounce local writes into one sync after the last of them', () => {
    const { triggers, sync, advance } = setup();
    triggers.debounceLocalWrite();
    advance(LOCAL_WRITE_DEBOUNCE_MS - 1);
    triggers.debounceLocalWrite();
    advance(LOCAL_WRITE_DEBOUNCE_MS - 1);
    expect(sync).not.toHaveBeenCalled();
    advance(1);
    expect(sync).toHaveBeenCalledTimes(1);
    triggers.debounceLocalWrite();
    advance(LOCAL_WRITE_DEBOUNCE_MS);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('retry once after the delay, and not at all once cancelled', () => {
    const { triggers, sync, advance } = setup();
    triggers.install();
    triggers.scheduleRetry(5_000);
    triggers.scheduleRetry(8_000);
    advance(7_999);
    expect(sync).not.toHaveBeenCalled();
    advance(1);
    expect(sync).toHaveBeenCalledTimes(1);
    triggers.scheduleRetry(5_000);
    triggers.cancelRetry();
    advance(5_000);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('do nothing on their own once uninstalled, nor before they are installed', () => {
    const { triggers, sync, advance, pending, window, becomeVisible } = setup();
    triggers.scheduleRetry(1_000);
    advance(1_000);
    expect(sync).not.toHaveBeenCalled();
    triggers.install();
    triggers.debounceLocalWrite();
    triggers.scheduleRetry(1_000);
    triggers.uninstall();
    expect(pending.size).toBe(0);
    window.dispatchEvent(new Event('online'));
    becomeVisible('visible');
    triggers.scheduleRetry(1_000);
    advance(PERIODIC_SYNC_MS * 3);
    expect(sync).not.toHaveBeenCalled();
  });
});
