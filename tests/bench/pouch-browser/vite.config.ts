import path from 'node:path';
import { defineConfig } from 'vite';

/** Builds the PouchDB bench page (never part of the app). PouchDB's browser build imports Node's `events`, met by the `events` package. */
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, '../../../.tmp/pouch-bench-dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
