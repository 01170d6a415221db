/**
 * The unlock cost at the production work factor, for `npm run bench` and the closing
 * report: how long a worker waits between typing the password and seeing their caseload
 * (creating the key at first login costs about the same).
 */
import { createDataKey, PBKDF2_ITERATIONS, unwrapDataKey } from './key-vault';

export interface UnlockTiming {
  readonly iterations: number;
  /** First login: derive, generate, wrap, unwrap. */
  readonly createMs: number;
  /** Every unlock after that: derive and unwrap. */
  readonly unwrapMs: number;
  readonly totalMs: number;
}

/** Creates a data key and unwraps it again at 600,000 PBKDF2 iterations, timing both. */
export async function measureUnlock(password = 'correct horse battery staple'): Promise<UnlockTiming> {
  const started = performance.now();
  const { wrapped } = await createDataKey(password, 'bench-user');
  const created = performance.now();
  await unwrapDataKey(password, wrapped);
  const finished = performance.now();
  return {
    iterations: PBKDF2_ITERATIONS,
    createMs: created - started,
    unwrapMs: finished - created,
    totalMs: finished - started,
  };
}
