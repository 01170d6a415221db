// Mutation testing (StrykerJS): does a test fail when the code it claims to check is broken?
// Stryker changes one thing at a time in the data, sync, storage and policy code (a `<` for a
// `<=`, a condition for `true`, a block emptied) and runs the Vitest tests that cover it; a
// change no test notices is a surviving mutant. Run it through `npm run mutate`
// (scripts/mutate.mjs), which starts a throwaway PostgreSQL so PostgreSQL-only code is tested
// and mutates only what changed with `--since <ref>`. docs/mutation-testing.md says how to
// read the report and which survivors are equivalent.

/** The folders under mutation: the code whose behaviour the unit, storage and sync suites pin down. */
export const mutatedFolders = ['src/shared', 'src/server/services', 'src/server/storage', 'src/app/sync', 'src/app/db'];

/** Files in those folders that are tests, test kits or bench entries: never mutated. */
export const notMutated = [
  '**/*.test.ts',
  '**/test-support.ts',
  '**/test-server.ts',
  '**/test-keys.ts',
  '**/*-test-kit.ts',
  '**/testing.ts',
  '**/*-bench.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: {
    // The Node tests of vitest.config.ts only (vitest.mutate.config.mjs): every mutated folder is covered there.
    configFile: 'vitest.mutate.config.mjs',
    related: true,
  },
  mutate: [...mutatedFolders.map((folder) => `${folder}/**/*.ts`), ...notMutated.map((glob) => `!${glob}`)],
  // Only the tests that reach a mutant run against it.
  coverageAnalysis: 'perTest',
  // Static mutants change code that runs once, when a module loads (the zod schemas, the
  // policy table): no test can be said to reach them, so each one reruns every related test
  // file, a minute or more apiece, hours for src/shared alone. They are left out (reported
  // as ignored) unless `npm run mutate -- --static` asks for them, best with `--testFiles`.
  ignoreStatic: process.env.LANTERN_MUTATE_STATIC !== '1',
  // The machines have two cores.
  concurrency: 2,
  // A mutant's run may take its tests' dry-run time × 1.5 plus this much before it counts as
  // a timeout (an endless loop): storage tests on PostgreSQL need headroom.
  timeoutMS: 15_000,
  timeoutFactor: 1.5,
  dryRunTimeoutMinutes: 20,
  // Files the sandbox copy does not need.
  ignorePatterns: ['dist', 'data', 'test-results', 'playwright-report', 'coverage', '.tmp', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // `npm run mutate -- --incremental` reuses the results of the last run for unchanged code.
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
};
