// `npm test`: every test. Unit, integration and the storage suite run in Vitest; the storage
// suite runs on SQLite and on a throwaway PostgreSQL cluster (initdb on a temp dir, random
// port) when PostgreSQL's binaries are here. Then the PWA is built and the Playwright suite
// runs in Debian's Chromium when it is here. A missing PostgreSQL or Chromium is said
// loudly; with CI=true it is a failure, never a skip.
//
//   npm test                 everything
//   npm test -- --e2e-only   only the browser suite (npm run test:e2e)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgres } from '../tests/support/postgres-cluster.mjs';

const root = path.resolve(import.meta.dirname, '..');
const ci = process.env.CI === 'true';
const e2eOnly = process.argv.includes('--e2e-only');
const chromium = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-test-'));
const problems = [];

function loud(message) {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! ${message}\n${bar}\n`);
}

function runStep(label, command, args, env) {
  console.log(`\n── ${label} ──`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };

/**
 * How many tests a suite holds without running them, so that a suite which could not run
 * is counted test by test in the summary, not as one skip (or none).
 */
function countListed(args, env = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : null;
}

/** Tests that exist only on PostgreSQL: listed with a database URL, minus listed without one. */
function countPostgresOnlyTests() {
  const list = (env) => {
    const out = countListed(['node_modules/vitest/vitest.mjs', 'list', '--json'], env);
    return out === null ? null : JSON.parse(out.slice(out.indexOf('['))).length;
  };
  const withPg = list({ LANTERN_TEST_DATABASE_URL: 'postgres://not-running@127.0.0.1:1/none' });
  const without = list({ LANTERN_TEST_DATABASE_URL: '' });
  return withPg === null || without === null ? null : withPg - without;
}

/** The browser suite's size, from Playwright's own listing (needs no browser). */
function countBrowserTests() {
  const out = countListed(['node_modules/@playwright/test/cli.js', 'test', '--list', '--reporter=list']);
  const match = out?.match(/Total: (\d+) tests?/);
  return match ? Number(match[1]) : null;
}

function countNotRun(what, count) {
  const shown = count === null ? 'an unknown number of' : String(count);
  console.warn(`!! ${shown} ${what} did not run; counted as skipped.`);
  totals.skipped += count ?? 1;
}

async function runVitest() {
  let pg = null;
  try {
    pg = await startPostgres();
  } catch (error) {
    problems.push(`PostgreSQL could not start: ${error.message}`);
  }
  if (!pg) {
    const message = 'PostgreSQL is not installed: the storage suite runs on SQLite only.';
    if (ci) problems.push(message);
    loud(message + (ci ? ' CI=true: this is a failure.' : ' Install it (apt-get install postgresql) to run it.'));
    countNotRun('PostgreSQL storage tests', countPostgresOnlyTests());
  }
  const report = path.join(reportDir, 'vitest.json');
  try {
    const code = await runStep(
      'unit, integration and storage tests (Vitest)',
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      pg ? { LANTERN_TEST_DATABASE_URL: pg.url } : {},
    );
    const result = readJson(report);
    if (result) {
      totals.passed += result.numPassedTests;
      totals.failed += result.numFailedTests;
      totals.skipped += result.numPendingTests + result.numTodoTests;
    }
    if (code !== 0) problems.push(`Vitest exited with ${code}`);
  } finally {
    await pg?.destroy();
  }
}

async function runPlaywright() {
  if (!fs.existsSync(chromium)) {
    const message = `Chromium is not at ${chromium}: the browser suite did not run.`;
    if (ci) problems.push(message);
    loud(message + (ci ? ' CI=true: this is a failure.' : ' Install it (apt-get install chromium) to run it.'));
    countNotRun('browser tests', countBrowserTests());
    return;
  }
  const build = await runStep('build the PWA', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
  if (build !== 0) {
    problems.push('the PWA build failed');
    return;
  }
  const report = path.join(reportDir, 'playwright.json');
  const code = await runStep('browser tests (Playwright, Chromium)', process.execPath, ['node_modules/@playwright/test/cli.js', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  const result = readJson(report);
  if (result?.stats) {
    totals.passed += result.stats.expected + result.stats.flaky;
    totals.failed += result.stats.unexpected;
    totals.skipped += result.stats.skipped;
  }
  if (code !== 0) problems.push(`Playwright exited with ${code}`);
}

if (!e2eOnly) await runVitest();
await runPlaywright();
fs.rmSync(reportDir, { recursive: true, force: true });

if (ci && totals.skipped > 0) problems.push(`${totals.skipped} test(s) skipped; with CI=true nothing may be skipped`);
console.log('');
for (const problem of problems) console.error(`✗ ${problem}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(problems.length > 0 || totals.failed > 0 ? 1 : 0);
