// `npm run mutate`: mutation testing with StrykerJS (stryker.config.mjs) over the folders whose
// tests must catch what they claim. Like `npm test`, it starts a throwaway PostgreSQL cluster
// when the binaries are here (or uses LANTERN_TEST_DATABASE_URL when set), so the storage
// suite runs on PostgreSQL too and PostgreSQL-only code (the writer lock) is mutated against
// tests that reach it. Not part of `npm test`: a full run takes a long time.
//
//   npm run mutate                        every mutated folder
//   npm run mutate -- src/shared          only these folders or files
//   npm run mutate -- --since main        only files changed since the merge base with main
//                                         (committed, staged, unstaged or untracked)
//   npm run mutate -- --incremental       reuse the last run's results for unchanged code
//   npm run mutate -- --tests 'a.test.ts,tests/x/*.test.ts'
//                                         only these test files: a quicker, lower-bound score
//   npm run mutate -- --static            also module-load (static) mutants: slow, see
//                                         stryker.config.mjs; narrow it with --testFiles
//
// Other options go to Stryker as they are (`--concurrency 1`, `--logLevel debug`). The report
// is in reports/mutation/mutation.html and .json.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres } from '../tests/support/postgres-cluster.mjs';
import { mutatedFolders, notMutated } from '../stryker.config.mjs';

const root = path.resolve(import.meta.dirname, '..');

/** Splits the command line into `--since`, `--static`, paths in the repository to restrict to, and options for Stryker. */
function parseArgs(argv) {
  const parsed = { since: null, paths: [], stryker: [], static: false, tests: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--since') {
      parsed.since = argv[++i] ?? null;
      if (!parsed.since) throw new Error('--since needs a git ref, e.g. --since main');
    } else if (arg === '--static') {
      parsed.static = true;
    } else if (arg === '--tests') {
      parsed.tests = argv[++i] ?? null;
      if (!parsed.tests) throw new Error('--tests needs comma-separated test file globs');
    } else if (arg.startsWith('--since=')) {
      parsed.since = arg.slice('--since='.length);
    } else if (!arg.startsWith('-') && fs.existsSync(path.join(root, arg))) {
      parsed.paths.push(path.relative(root, path.join(root, arg)).split(path.sep).join('/'));
    } else {
      parsed.stryker.push(arg);
    }
  }
  return parsed;
}

// The `**/name` and `*` globs of notMutated as a regular expression over a repository path.
function globToRegExp(glob) {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  const body = escaped
    .split('**/')
    .map((part) => part.replace(/\*/g, '[^/]*'))
    .join('(?:.*/)?');
  return new RegExp(`^${body}$`);
}

const excluded = notMutated.map(globToRegExp);

/** True when Stryker mutates this repository-relative file. */
function isMutated(file) {
  return (
    file.endsWith('.ts') &&
    !file.endsWith('.d.ts') &&
    mutatedFolders.some((folder) => file.startsWith(`${folder}/`)) &&
    !excluded.some((pattern) => pattern.test(file))
  );
}

function git(...args) {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.split('\n').filter(Boolean);
}

/**
 * Files changed since `ref`'s merge base with HEAD, in the working tree as it is. A changed
 * test beside its code (`x.test.ts`) puts its code (`x.ts`) under mutation: the new test
 * should kill what the old ones let survive.
 */
function changedSince(ref) {
  const [base] = git('merge-base', ref, 'HEAD');
  const files = new Set([...git('diff', '--name-only', '--diff-filter=d', base), ...git('ls-files', '--others', '--exclude-standard')]);
  for (const file of [...files]) {
    const tested = file.replace(/\.test\.ts$/, '.ts');
    if (tested !== file && fs.existsSync(path.join(root, tested))) files.add(tested);
  }
  return [...files].filter((file) => fs.existsSync(path.join(root, file)));
}

/** Every file under a folder (or the file itself), repository-relative. */
function filesUnder(target) {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) throw new Error(`${target} does not exist`);
  if (fs.statSync(full).isFile()) return [target];
  return fs.readdirSync(full, { recursive: true }).map((entry) => path.join(target, String(entry)).split(path.sep).join('/'));
}

/** The explicit list of files to mutate, or null for Stryker's own (every mutated folder). */
function filesToMutate({ since, paths }) {
  if (since === null && paths.length === 0) return null;
  let files = paths.length > 0 ? paths.flatMap(filesUnder) : null;
  if (since !== null) {
    const changed = new Set(changedSince(since));
    files = files === null ? [...changed] : files.filter((file) => changed.has(file));
  }
  return [...new Set(files.filter(isMutated))].sort();
}

function runStryker(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** A PostgreSQL for the storage suite: the one in LANTERN_TEST_DATABASE_URL, or a throwaway one. */
async function postgresForTests() {
  if (process.env.LANTERN_TEST_DATABASE_URL) {
    console.log('PostgreSQL: LANTERN_TEST_DATABASE_URL is set; the storage suite runs on it and on SQLite.');
    return { url: process.env.LANTERN_TEST_DATABASE_URL, destroy: async () => {} };
  }
  const pg = await startPostgres();
  if (pg) {
    console.log(`PostgreSQL: a throwaway cluster on port ${pg.port}; the storage suite runs on it and on SQLite.`);
    return pg;
  }
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! PostgreSQL is not installed: the storage suite runs on SQLite only, and mutants in`);
  console.warn(`!! PostgreSQL-only code (lockWriters in records-store.ts) survive. Install it to test them.\n${bar}\n`);
  return null;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const files = filesToMutate(options);
  if (files !== null && files.length === 0) {
    console.log(`Nothing to mutate: no file of ${mutatedFolders.join(', ')} changed${options.since ? ` since ${options.since}` : ''}.`);
    return 0;
  }
  if (files !== null) console.log(`Mutating ${files.length} file(s):\n  ${files.join('\n  ')}`);
  const started = Date.now();
  const pg = await postgresForTests();
  try {
    const args = files === null ? options.stryker : ['--mutate', files.join(','), ...options.stryker];
    const env = {
      ...(pg ? { LANTERN_TEST_DATABASE_URL: pg.url } : {}),
      ...(options.static ? { LANTERN_MUTATE_STATIC: '1' } : {}),
      ...(options.tests ? { LANTERN_MUTATE_TESTS: options.tests } : {}),
    };
    const code = await runStryker(args, env);
    const minutes = ((Date.now() - started) / 60_000).toFixed(1);
    console.log(`\nMutation testing took ${minutes} min${pg ? ', storage suite on SQLite and PostgreSQL' : ', storage suite on SQLite only'}.`);
    console.log('Report: reports/mutation/mutation.html (survivors judged equivalent: docs/mutation-testing.md).');
    return code;
  } finally {
    await pg?.destroy();
  }
}

process.exitCode = await main();
