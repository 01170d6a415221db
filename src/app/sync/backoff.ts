/**
 * Retry delays after a failed sync: exponential backoff with "full jitter" (a uniformly
 * random delay up to the exponential ceiling), so a team's devices coming back online
 * together do not hammer the server in step. Pure; `random` is injected for tests.
 */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60 * 1000;

/** The delay before retry number `failures` (0 for the first retry). */
export function backoffDelay(failures: number, random: () => number, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures, 30));
  return Math.floor(random() * ceiling);
}
