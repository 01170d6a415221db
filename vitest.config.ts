import preact from '@preact/preset-vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { LongFirstSequencer, MODEL_TEST } from './tests/setup/long-first-sequencer';

/**
 * Unit tests sit beside the code; what crosses a boundary lives in tests/. Components run
 * in jsdom; everything else in Node (the sync engine uses fake-indexeddb there).
 */
export default defineConfig({
  // Components are tested on the runtime they ship on (Preact behind React's API).
  plugins: [preact({ prerender: { enabled: false } })],
  test: {
    setupFiles: ['tests/setup/fail-on-console-error.ts', 'tests/setup/english-catalogue.ts'],
    sequence: { sequencer: LongFirstSequencer },
    // Vitest's default is one worker fewer than the cores: one, on a two-core machine. Much
    // of the model test and of the storage tests waits on PostgreSQL and on servers in other
    // processes, so two workers finish sooner even there.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          // The server's and the shared code's tests share one module graph per worker:
          // each starts its own server and database, and none mocks a module. Loading the
          // graph afresh for each of ~100 files cost more than the tests themselves.
          name: 'server',
          environment: 'node',
          isolate: false,
          include: ['src/server/**/*.test.ts', 'src/shared/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/storage/**/*.test.ts', 'tests/security/**/*.test.ts'],
          exclude: [...configDefaults.exclude, MODEL_TEST],
        },
      },
      {
        extends: true,
        // The model test runs for minutes: a project of its own, on a worker of its own
        // beside the server's tests (a project without isolation keeps to one worker).
        test: { name: 'model', environment: 'node', include: [MODEL_TEST] },
      },
      {
        extends: true,
        test: {
          // The device's code keeps module state (the database, the cipher, the stores): each file alone.
          name: 'app',
          environment: 'node',
          include: ['src/app/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          // Libraries that import React are bundled into the test, so they get Preact too.
          server: { deps: { inline: [/dexie-react-hooks/, /react-hook-form/, /@hookform\/resolvers/, /zustand/, /@tanstack\/react-virtual/] } },
          include: ['src/**/*.test.tsx'],
        },
      },
    ],
  },
});
