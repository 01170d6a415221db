/**
 * Runs the retention job (services/retention.ts) soon after start and then every
 * `everyMs`, never two at once. A failed run (the database away, say) is logged by its
 * kind and tried again at the next tick; it never ends the process. Logs counts only.
 */
import type { RetentionCounts } from './services/retention';

export interface RetentionLog {
  info(fields: { retention: RetentionCounts }, message: string): void;
  warn(fields: { err: { name: string; code?: string } }, message: string): void;
}

export interface RetentionScheduleOptions {
  readonly run: () => Promise<RetentionCounts>;
  readonly everyMs: number;
  /** The wait before the first run, so start-up is not slowed. */
  readonly firstAfterMs?: number;
  readonly log: RetentionLog;
}

/** Starts the schedule; the answer stops it. */
export function scheduleRetention(options: RetentionScheduleOptions): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      options.log.info({ retention: await options.run() }, 'retention applied');
    } catch (error) {
      const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
      const err = { name: error instanceof Error ? error.name : 'unknown', ...(typeof code === 'string' ? { code } : {}) };
      options.log.warn({ err }, 'retention run failed; it will be tried again');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstAfterMs ?? 30_000);
  const every = setInterval(() => void tick(), options.everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
