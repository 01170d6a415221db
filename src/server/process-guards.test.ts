import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { retryWhileDatabaseAway } from './process-guards';

const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('retryWhileDatabaseAway', () => {
  it('waits for a database that is away, backing off, then returns', async () => {
    const lines: string[] = [];
    const waits: number[] = [];
    let attempts = 0;
    const result = await retryWhileDatabaseAway(
      async () => {
        attempts += 1;
        if (attempts <= 5) throw refused();
        return 'ready';
      },
      { log: (line) => lines.push(line), sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe('ready');
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10_000]);
    expect(lines[0]).toBe('The database is not answering (ECONNREFUSED); trying again in 1 s.\n');
  });

  it('throws at once what waiting cannot fix', async () => {
    const badPassword = Object.assign(new Error('password authentication failed'), { code: '28P01' });
    let attempts = 0;
    const failing = retryWhileDatabaseAway(
      async () => {
        attempts += 1;
        throw badPassword;
      },
      { log: () => undefined, sleep: async () => undefined },
    );
    await expect(failing).rejects.toBe(badPassword);
    expect(attempts).toBe(1);
  });
});

describe('keepServingOnUnhandledRejection', () => {
  it('logs a rejection nobody handled, without its message, and the process carries on', () => {
    const script = [
      "const { keepServingOnUnhandledRejection } = await import('./src/server/process-guards.ts');",
      'keepServingOnUnhandledRejection();',
      "void Promise.reject(Object.assign(new Error('secret value'), { code: '23505' }));",
      "setTimeout(() => process.stdout.write('still serving'), 50);",
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('still serving');
    expect(run.stderr).toContain('"msg":"unhandled rejection"');
    expect(run.stderr).toContain('"code":"23505"');
    expect(run.stderr).not.toContain('secret value');
  });
});
