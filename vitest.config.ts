import { defineConfig } from 'vitest/config';

/**
 * Unit tests sit beside the code; what crosses a boundary lives in tests/. Components run
 * in jsdom; everything else in Node (the sync engine uses fake-indexeddb there).
 */
export default defineConfig({
  test: {
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
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
          include: ['src/**/*.test.tsx'],
        },
      },
    ],
  },
});
