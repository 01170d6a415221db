/**
 * What keeps the server process alive when the database is not. One process serves every
 * device of every team: if it dies, everyone's sync stops until something restarts it, and
 * in-flight requests are lost. So a database that is away at start is waited for, not fatal,
 * and a promise that rejects with nobody listening is logged, not a crash (every request
 * path awaits its work, so such a rejection is a bug to fix, not a reason to stop serving).
 */
import { safeErrorSummary } from './error-handler';
import { isTransientDatabaseError } from './storage/transient-errors';

/** Where guard messages go: stderr in the server. */
export type GuardLog = (line: string) => void;

const writeStderr: GuardLog = (line) => {
  process.stderr.write(line);
};

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 10_000;

/**
 * Logs an unhandled promise rejection (its kind and code only: a message can quote data) as
 * a JSON line, instead of letting Node end the process.
 */
export function keepServingOnUnhandledRejection(log: GuardLog = writeStderr): void {
  process.on('unhandledRejection', (reason) => {
    log(`${JSON.stringify({ level: 50, time: Date.now(), err: safeErrorSummary(reason), msg: 'unhandled rejection' })}\n`);
  });
}

export interface RetryOptions {
  readonly log?: GuardLog;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `step` until it succeeds. While it fails because the database is away (starting,
 * restarting, unreachable) it waits and tries again, 1 s, 2 s, … up to 10 s apart, saying
 * so each time; any other failure (a wrong password, a missing database, a bug) is thrown.
 */
export async function retryWhileDatabaseAway<T>(step: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const log = options.log ?? writeStderr;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((wake) => setTimeout(wake, ms)));
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      return await step();
    } catch (error) {
      if (!isTransientDatabaseError(error)) throw error;
      const { code } = safeErrorSummary(error);
      log(`The database is not answering${code !== undefined ? ` (${code})` : ''}; trying again in ${delay / 1000} s.\n`);
      await sleep(delay);
    }
  }
}
