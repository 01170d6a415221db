/**
 * `npm run bench`: Lantern's performance figures, printed as a table. Benchmarks, not
 * timed tests: they report, they do not pass or fail on a number.
 */
import path from 'node:path';
import { measureAppShell } from './app-shell-size';
import { measureDeviceCosts } from './device-costs';
import { runFuzzSoak } from './fuzz-soak';
import { measureSyncThroughput } from './sync-throughput';

const root = path.resolve(import.meta.dirname, '../..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rate = (n: number) => `${Math.round(n).toLocaleString('en-GB')} records/s`;

async function main(): Promise<void> {
  console.log('Lantern benchmarks\n');
  const sync = await measureSyncThroughput();
  const shell = measureAppShell(root);
  const device = await measureDeviceCosts(10_000);
  const fuzz = await runFuzzSoak(10_000);
  const fuzzSummary =
    `${fuzz.requests.toLocaleString('en-GB')} requests in ${(fuzz.elapsedMs / 1000).toFixed(1)} s: ` +
    `2xx ${fuzz.byClass['2xx']}, 4xx ${fuzz.byClass['4xx']}, 5xx ${fuzz.byClass['5xx']}; ` +
    `database ${fuzz.databaseUnchanged ? 'unchanged' : 'CHANGED'}`;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const deviceRows = device.runs.flatMap((run): [string, string][] => {
    const onDevice = `${run.clients.toLocaleString('en-GB')} clients + ${run.otherRecords.toLocaleString('en-GB')} records, cipher ${run.cipher}`;
    return [
      [`[Chromium] encounter save (target p95 ≤ 50 ms), ${onDevice}`, `p50 ${ms(run.encounterSave.p50)}, p95 ${ms(run.encounterSave.p95)}`],
      [`[Chromium] client search (target p95 ≤ 30 ms), ${onDevice}`, `p50 ${ms(run.search.p50)}, p95 ${ms(run.search.p95)}`],
      [`[Chromium] client index load after unlock, cipher ${run.cipher}`, ms(run.indexLoadMs)],
    ];
  });
  const rows: [string, string][] = [
    ['push 1,000 mutations (10 × 100, SQLite)', `${rate(sync.pushPerSecond)} (${sync.pushMs.toFixed(0)} ms)`],
    [`pull ${sync.pulledRecords.toLocaleString('en-GB')} records (pages of 500)`, `${rate(sync.pullPerSecond)} (${sync.pullMs.toFixed(0)} ms)`],
    [`app shell JavaScript, gzip (${shell.files} files)`, `${kb(shell.gzipBytes)} (raw ${kb(shell.rawBytes)})`],
    ['all JavaScript in the build, gzip', kb(shell.allJsGzipBytes)],
    ['[Chromium] unlock (PBKDF2-SHA-256 600,000 + unwrap)', ms(device.unlockMs)],
    ['[Chromium] first login key creation (derive, generate, wrap)', ms(device.firstLoginMs)],
    ...deviceRows,
    ['fuzz soak: hostile bodies to every endpoint (SQLite)', fuzzSummary],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  if (fuzz.failures.length > 0 || !fuzz.databaseUnchanged || fuzz.byClass['5xx'] > 0) {
    console.log(`\nFuzz soak found problems:\n${fuzz.failures.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
