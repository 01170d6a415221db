import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests sit beside the code; what crosses a boundary lives in tests/. Components run
 * in jsdom; everything else in Node (the sync engine uses fake-indexeddb there).
 */
export default defineConfig({
  // Components are tested on the runtime they ship on (Preact behind React's API).
  plugins: [preact({ prerender: { enabled: false } })],
  test: {
    setupFiles: ['tests/setup/fail-on-console-error.ts', 'tests/setup/english-catalogue.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/storage/**/*.test.ts', 'tests/security/**/*.test.ts'],
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
