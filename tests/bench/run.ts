/**
 * `npm run bench`: Lantern's performance figures, printed as a table. Benchmarks, not
 * timed tests: they report, they do not pass or fail on a number — except the soaks, whose
 * counts of broken invariants must be zero (the run then exits non-zero).
 *
 *   npm run bench                      every section
 *   npm run bench -- crash fuzz        only the sections named (sync, shell, firstsync, device, caseload, report, fuzz, crash, concurrency)
 *   npm run bench -- firstsync --records=50000   the first sync at 10,000 clients and at 50,000
 *   npm run bench -- crash --kills=50  the crash soak with 50 kills (default 20)
 *   npm run bench -- concurrency       devices syncing at once on PostgreSQL, one and two server processes
 *
 * The crash soak and the report run on SQLite, and on PostgreSQL too when
 * LANTERN_BENCH_DATABASE_URL is set (a fresh database is created beside that URL and
 * dropped afterwards). The concurrency section needs PostgreSQL: that URL, or else a
 * throwaway cluster of the machine's PostgreSQL, with durable commits as in production.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureAppShell } from './app-shell-size';
import { measureConcurrentDevices, type ConcurrencyResult } from './concurrent-devices';
import { measureFirstSync } from './first-sync';
import { measureDexieBulkPut, measurePouchReplication } from './pouchdb-sync';
import { runCrashSoak } from './crash-soak';
import { measureCaseloadCosts, measureDeviceCosts } from './device-costs';
import { runFuzzSoak } from './fuzz-soak';
import { measureReportSpeed } from './report-speed';
import { measureSyncThroughput } from './sync-throughput';
import { startPostgres } from '../support/postgres-cluster.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rate = (n: number) => `${Math.round(n).toLocaleString('en-GB')} records/s`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const count = (n: number) => n.toLocaleString('en-GB');

type Row = [string, string];
interface SectionResult {
  readonly rows: Row[];
  /** Set when an invariant broke: printed after the table, and the run exits non-zero. */
  readonly problem?: string;
}

async function syncSection(): Promise<SectionResult> {
  const sync = await measureSyncThroughput();
  return {
    rows: [
      [`push ${count(sync.pushed)} mutations (pushes of 100, SQLite), median of ${sync.pushRuns.length} (target ≥ 6,000/s)`, `${rate(sync.pushPerSecond)} (runs: ${sync.pushRuns.map((r) => count(Math.round(r))).join(', ')})`],
      [`pull ${count(sync.pulledRecords)} records (pages of 500)`, `${rate(sync.pullPerSecond)} (${sync.pullMs.toFixed(0)} ms)`],
    ],
  };
}

/** The worker's app shell, gzip: what a phone must download before it can work offline. */
const SHELL_BUDGET_BYTES = 150 * 1024;

async function shellSection(): Promise<SectionResult> {
  const shell = measureAppShell(root);
  return {
    rows: [
      [
        `app shell JavaScript, gzip (${shell.files} files)`,
        `${kb(shell.gzipBytes)} (raw ${kb(shell.rawBytes)}; budget ${kb(SHELL_BUDGET_BYTES)}: ${shell.gzipBytes <= SHELL_BUDGET_BYTES ? 'within' : 'OVER'})`,
      ],
      ['all JavaScript in the build, gzip', kb(shell.allJsGzipBytes)],
    ],
  };
}

/**
 * A worker's first sync in the real app at 10,000 records (and at `--records`, when given),
 * beside PouchDB 9 replicating the same number of records of the same size in the same run,
 * and beside Dexie's bulkPut of them (the floor for writing them to IndexedDB at all).
 */
async function firstSyncSection(extra: number | undefined): Promise<SectionResult> {
  const rows: Row[] = [];
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  for (const records of [10_000, ...(extra === undefined ? [] : [extra])]) {
    const runs = records > 10_000 ? 1 : 3;
    const lantern = await measureFirstSync(records, runs);
    const pouch = await measurePouchReplication(records, runs);
    const dexie = await measureDexieBulkPut(records, runs);
    rows.push(
      [
        `first sync in the app, ${count(records)} clients: sign-in to "All changes synced", all listed`,
        `median ${s(lantern.medianMs)} of ${runs} (${lantern.runsMs.map(s).join(', ')}); ${(lantern.perRecordMs * 1000).toFixed(0)} µs per record; signing in ${s(lantern.signInMs)} of it`,
      ],
      [`  PouchDB 9 replicate.from express-pouchdb, ${count(records)} docs`, `median ${s(pouch.medianMs)} of ${runs} (${pouch.runsMs.map(s).join(', ')})`],
      [`  Dexie bulkPut of ${count(records)} rows (pages of 500)`, `median ${s(dexie.plainMs)}`],
      [`  Dexie bulkPut of the same rows sealed with AES-GCM, as Lantern stores them`, `median ${s(dexie.sealedMs)}`],
      [
        '  Lantern ÷ PouchDB (target ≤ 0.33); Lantern ÷ bulkPut (target ≤ 2); Lantern ÷ sealed bulkPut',
        `${(lantern.medianMs / pouch.medianMs).toFixed(2)}; ${(lantern.medianMs / dexie.plainMs).toFixed(2)}; ${(lantern.medianMs / dexie.sealedMs).toFixed(2)}`,
      ],
      [
        `  then scrolling all ${count(records)} clients, a screen per frame`,
        `${lantern.scroll.frames} frames: median ${lantern.scroll.medianMs.toFixed(1)} ms, p95 ${lantern.scroll.p95Ms.toFixed(1)} ms, worst ${lantern.scroll.maxMs.toFixed(1)} ms`,
      ],
    );
  }
  return { rows };
}

async function deviceSection(): Promise<SectionResult> {
  const device = await measureDeviceCosts(10_000);
  const runs = device.runs.flatMap((run): Row[] => {
    const onDevice = `${count(run.clients)} clients + ${count(run.otherRecords)} records, cipher ${run.cipher}`;
    return [
      [`[Chromium] encounter save (target p95 ≤ 50 ms), ${onDevice}`, `p50 ${ms(run.encounterSave.p50)}, p95 ${ms(run.encounterSave.p95)}`],
      [`[Chromium] client search (target p95 ≤ 30 ms), ${onDevice}`, `p50 ${ms(run.search.p50)}, p95 ${ms(run.search.p95)}`],
      [`[Chromium] client index load after unlock, cipher ${run.cipher}`, ms(run.indexLoadMs)],
    ];
  });
  return {
    rows: [
      ['[Chromium] unlock (PBKDF2-SHA-256 600,000 + unwrap)', ms(device.unlockMs)],
      ['[Chromium] first login key creation (derive, generate, wrap)', ms(device.firstLoginMs)],
      ...runs,
    ],
  };
}

async function caseloadSection(): Promise<SectionResult> {
  const c = await measureCaseloadCosts();
  const onDevice = `${count(c.clients)} people + ${count(c.otherRecords)} records, AES-GCM`;
  return {
    rows: [
      [`[Chromium] caseload opened: read, decrypt, build rows, ${onDevice}`, ms(c.openMs)],
      [`[Chromium] caseload filter/sort + render (target p95 ≤ 100 ms), ${c.changes} changes`, `p50 ${ms(c.change.p50)}, p95 ${ms(c.change.p95)}`],
      ['[Chromium] of which filter and sort alone', `p50 ${ms(c.select.p50)}, p95 ${ms(c.select.p95)}`],
    ],
  };
}

async function reportSection(): Promise<SectionResult> {
  const pgUrl = process.env.LANTERN_BENCH_DATABASE_URL;
  const rows: Row[] = [];
  for (const databaseUrl of [undefined, ...(pgUrl !== undefined && pgUrl !== '' ? [pgUrl] : [])]) {
    const r = await measureReportSpeed(databaseUrl);
    rows.push([
      `quarterly report over ${count(r.records)} records (target ≤ 1 s), ${r.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
      `median ${ms(r.medianMs)}, max ${ms(r.maxMs)} of 5 (seeded in ${(r.seedMs / 1000).toFixed(1)} s)`,
    ]);
  }
  return { rows };
}

/**
 * Devices pushing and pulling at once on PostgreSQL: 20 devices (4 teams of 5) on one server
 * process for push latency; then 20 teams of 5 on one process and on two, for how write
 * throughput grows with a second process.
 */
async function concurrencySection(): Promise<SectionResult> {
  const given = process.env.LANTERN_BENCH_DATABASE_URL;
  const cluster = given !== undefined && given !== '' ? null : await startPostgres({ settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } });
  const databaseUrl = given !== undefined && given !== '' ? given : cluster?.url;
  if (databaseUrl === undefined) return { rows: [], problem: 'The concurrency bench needs PostgreSQL: install it or set LANTERN_BENCH_DATABASE_URL.' };
  const describe = (r: ConcurrencyResult) =>
    `push p50 ${ms(r.push.p50)}, p95 ${ms(r.push.p95)}, p99 ${ms(r.push.p99)}; ${count(Math.round(r.mutationsPerSecond))} mutations/s (${count(r.pushes)} pushes in ${(r.elapsedMs / 1000).toFixed(1)} s); ` +
    `busy sessions waiting on a lock ${(r.lockWaitShare * 100).toFixed(0)} %, CPUs busy ${(r.cpuBusy * 100).toFixed(0)} %`;
  try {
    const base = { databaseUrl, batch: 20, durationMs: 20_000 };
    const twenty = await measureConcurrentDevices({ ...base, processes: 1, teams: 4, devicesPerTeam: 5 });
    const one = await measureConcurrentDevices({ ...base, processes: 1, teams: 20, devicesPerTeam: 5 });
    const two = await measureConcurrentDevices({ ...base, processes: 2, teams: 20, devicesPerTeam: 5 });
    return {
      rows: [
        ['PostgreSQL, 20 devices (4 teams of 5) push 20 + pull, 1 process (target p95 ≤ 250 ms)', describe(twenty)],
        ['PostgreSQL, 100 devices (20 teams of 5), 1 process', describe(one)],
        ['PostgreSQL, 100 devices (20 teams of 5), 2 processes', describe(two)],
        ['  2 processes ÷ 1, write throughput (target ≥ 1.7)', (two.mutationsPerSecond / one.mutationsPerSecond).toFixed(2)],
      ],
    };
  } finally {
    await cluster?.destroy();
  }
}

async function fuzzSection(): Promise<SectionResult> {
  const fuzz = await runFuzzSoak(10_000);
  const summary =
    `${count(fuzz.requests)} requests in ${(fuzz.elapsedMs / 1000).toFixed(1)} s: ` +
    `2xx ${fuzz.byClass['2xx']}, 4xx ${fuzz.byClass['4xx']}, 5xx ${fuzz.byClass['5xx']}; ` +
    `database ${fuzz.databaseUnchanged ? 'unchanged' : 'CHANGED'}`;
  const broken = fuzz.failures.length > 0 || !fuzz.databaseUnchanged || fuzz.byClass['5xx'] > 0;
  return {
    rows: [['fuzz soak: hostile bodies to every endpoint (SQLite)', summary]],
    ...(broken ? { problem: `Fuzz soak found problems:\n${fuzz.failures.join('\n')}` } : {}),
  };
}

async function crashSection(kills: number): Promise<SectionResult> {
  const pgUrl = process.env.LANTERN_BENCH_DATABASE_URL;
  const targets = [undefined, ...(pgUrl !== undefined && pgUrl !== '' ? [pgUrl] : [])];
  const rows: Row[] = [];
  const problems: string[] = [];
  for (const databaseUrl of targets) {
    const r = await runCrashSoak({ kills, databaseUrl });
    rows.push([
      `crash soak: SIGKILL the server mid-push, 3 devices resend (${r.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
      `kills ${r.kills} (${r.killsDuringPush} mid-push, ${r.killsAfterCommit} after commit), acknowledged ${count(r.acknowledged)}, ` +
        `lost ${r.lost}, twice ${r.twice}, rejected ${r.rejected}, unsent ${r.unsent}; ` +
        `${count(r.failedPushes)} pushes retried, ${(r.elapsedMs / 1000).toFixed(1)} s`,
    ]);
    if (r.lost + r.twice + r.rejected + r.unsent > 0) problems.push(`Crash soak on ${r.engine}: ${JSON.stringify(r)}`);
  }
  return { rows, ...(problems.length > 0 ? { problem: problems.join('\n') } : {}) };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { kills: { type: 'string', default: '20' }, records: { type: 'string' } } });
  const records = values.records === undefined ? undefined : Number(values.records);
  if (records !== undefined && (!Number.isInteger(records) || records < 1)) throw new Error(`--records must be a positive whole number, not ${values.records}`);
  const kills = Number(values.kills);
  if (!Number.isInteger(kills) || kills < 1) throw new Error(`--kills must be a positive whole number, not ${values.kills}`);
  const sections: Record<string, () => Promise<SectionResult>> = {
    sync: syncSection,
    shell: shellSection,
    firstsync: () => firstSyncSection(records),
    device: deviceSection,
    caseload: caseloadSection,
    report: reportSection,
    fuzz: fuzzSection,
    crash: () => crashSection(kills),
    concurrency: concurrencySection,
  };
  const unknown = positionals.filter((name) => !(name in sections));
  if (unknown.length > 0) throw new Error(`unknown bench section: ${unknown.join(', ')} (known: ${Object.keys(sections).join(', ')})`);
  const chosen = positionals.length > 0 ? positionals : Object.keys(sections);

  console.log('Lantern benchmarks\n');
  const results: SectionResult[] = [];
  for (const name of chosen) {
    const section = sections[name];
    if (section !== undefined) results.push(await section());
  }
  const rows = results.flatMap((r) => r.rows);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  for (const { problem } of results) {
    if (problem === undefined) continue;
    console.log(`\n${problem}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
