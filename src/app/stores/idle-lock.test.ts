import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from './idle-lock';

function fakeTarget() {
  const listeners = new Map<string, Set<() => void>>();
  return {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (name: string, fn: () => void) => {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)?.add(fn);
    },
    removeEventListener: (name: string, fn: () => void) => {
      listeners.get(name)?.delete(fn);
    },
    fire: (name: string) => listeners.get(name)?.forEach((fn) => fn()),
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

describe('watchIdle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the idle period without activity', () => {
    const onIdle = vi.fn();
    const t = fakeTarget();
    watchIdle({ idleMs: 5 * 60_000, onIdle, now: Date.now, target: t, doc: t });
    vi.advanceTimersByTime(5 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('activity postpones the lock', () => {
    const onIdle = vi.fn();
    const t = fakeTarget();
    watchIdle({ idleMs: 60_000, onIdle, now: Date.now, target: t, doc: t });
    vi.advanceTimersByTime(50_000);
    t.fire('pointerdown');
    vi.advanceTimersByTime(50_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('locks on return when the page was hidden past the limit, even if timers were paused', () => {
    const onIdle = vi.fn();
    const t = fakeTarget();
    let clock = 0;
    watchIdle({ idleMs: 60_000, onIdle, now: () => clock, target: t, doc: t });
    clock = 10 * 60_000; // time passed while the page was frozen
    t.fire('visibilitychange');
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('stops cleanly', () => {
    const onIdle = vi.fn();
    const t = fakeTarget();
    const stop = watchIdle({ idleMs: 1000, onIdle, now: Date.now, target: t, doc: t });
    stop();
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(t.count()).toBe(0);
  });
});
