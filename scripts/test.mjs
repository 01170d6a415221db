// `npm test`: every test. Unit, integration and the storage suite run in Vitest; the storage
// suite runs on SQLite and on a throwaway PostgreSQL cluster (initdb on a temp dir, random
// port) when PostgreSQL's binaries are here. Then the PWA is built and the Playwright suite
// runs in Debian's Chromium when it is here. A missing PostgreSQL or Chromium is said
// loudly; with CI=true it is a failure, never a skip.
//
//   npm test                 everything
//   npm test -- --e2e-only   only the browser suite (npm run test:e2e)
import { spawn } from 'node:child_process';
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
