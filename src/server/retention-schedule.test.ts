import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleRetention } from './retention-schedule';
import type { RetentionCounts } from './services/retention';

const counts: RetentionCounts = { people: 1, anonymousContacts: 0, tombstones: 0, auditRows: 2, erasureRequests: 0, devices: 0, tokens: 0, rejections: 0, rateLimits: 0 };

afterEach(() => {
  vi.useRealTimers();
});

describe('scheduleRetention', () => {
  it('runs after the first wait and then every period, logging counts; a failure is logged by kind and retried', async () => {
    vi.useFakeTimers();
    const run = vi.fn<() => Promise<RetentionCounts>>().mockResolvedValueOnce(counts).mockRejectedValueOnce(Object.assign(new Error('gone'), { code: '57P01' })).mockResolvedValue(counts);
    const log = { info: vi.fn(), warn: vi.fn() };
    const stop = scheduleRetention({ run, everyMs: 60_000, firstAfterMs: 1_000, log });
    await vi.advanceTimersByTimeAsync(999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(log.info).toHaveBeenCalledWith({ retention: counts }, 'retention applied');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.warn).toHaveBeenCalledWith({ err: { name: 'Error', code: '57P01' } }, 'retention run failed; it will be tried again');
    // Runs at 1 s, 60 s and 120 s.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('never starts a run while the last one is still going', async () => {
    vi.useFakeTimers();
    let finish: (value: RetentionCounts) => void = () => undefined;
    const run = vi.fn(() => new Promise<RetentionCounts>((resolve) => (finish = resolve)));
    const stop = scheduleRetention({ run, everyMs: 10, firstAfterMs: 10, log: { info: vi.fn(), warn: vi.fn() } });
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(1);
    finish(counts);
    await vi.advanceTimersByTimeAsync(10);
    expect(run).toHaveBeenCalledTimes(2);
    stop();
  });
});
