/**
 * The bench's crash soak with a few kills, so every run of the suite kills the real server
 * process mid-push and checks that nothing acknowledged was lost or applied twice.
 */
import { describe, expect, it } from 'vitest';
import { runCrashSoak } from '../bench/crash-soak';
import { engines, type Engine } from './helpers';

describe.each(engines)('a server killed mid-push on $name', (engine: Engine) => {
  it('loses no acknowledged write and applies none twice over three SIGKILLs', async () => {
    const result = await runCrashSoak({ kills: 3, databaseUrl: engine.databaseUrl });
    expect(result).toMatchObject({ kills: 3, lost: 0, twice: 0, rejected: 0, unsent: 0 });
    // The soak proves something only if devices wrote, and the kills cut pushes short.
    expect(result.acknowledged).toBeGreaterThan(100);
    expect(result.failedPushes).toBeGreaterThan(0);
  }, 60_000);
});
