/**
 * The fuzz soak: the same property as tests/security/fuzz.test.ts (hostile bodies, ids and
 * queries answer 4xx only and change nothing), at 10,000 requests spread over every
 * fuzzed endpoint, on SQLite in process. Returns the counts; run.ts prints them.
 */
import { fuzzEndpoints, fuzzTargets, snapshotDatabase } from '../security/fuzz-runner';
import type { StatusClass } from '../security/fuzz-runner';
import { createWorld } from '../security/world';

export interface FuzzSoakResult {
  readonly requests: number;
  readonly byClass: Readonly<Record<StatusClass, number>>;
  readonly elapsedMs: number;
  /** True when the records/users/devices/tokens tables are exactly as before. */
  readonly databaseUnchanged: boolean;
  /** fast-check's report for each endpoint that answered something other than a 4xx. */
  readonly failures: readonly string[];
}

export async function runFuzzSoak(bodies = 10_000): Promise<FuzzSoakResult> {
  const world = await createWorld();
  try {
    const lead = await world.signIn(world.teams.own.users['team_lead+admin']);
    const runs = Math.ceil(bodies / fuzzTargets(world, lead).length);
    const before = await snapshotDatabase(world.server.storage);
    const counts = await fuzzEndpoints(world, lead, runs);
    const after = await snapshotDatabase(world.server.storage);
    return {
      requests: counts.total,
      byClass: { '2xx': counts['2xx'], '3xx': counts['3xx'], '4xx': counts['4xx'], '5xx': counts['5xx'] },
      elapsedMs: counts.elapsedMs,
      databaseUnchanged: before === after,
      failures: counts.failures,
    };
  } finally {
    await world.server.close();
  }
}
