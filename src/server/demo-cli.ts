/**
 * `npm run demo` (through scripts/demo.mjs): fills a fresh SQLite database in the given
 * data directory with the fictional demo team (demo.ts), once. Never points at a real
 * database: it refuses one that already holds anyone.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { sqliteFileIn } from './config';
import { DEMO_PASSWORD, demoAccounts, seedDemo } from './demo';
import { openDatabase } from './storage/database';
import { migrateToLatest } from './storage/migrations';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (dataDir === undefined) throw new Error('usage: demo-cli <data directory>');
  const file = sqliteFileIn(dataDir);
  if (existsSync(file)) {
    process.stdout.write(`The demo team is already in ${file} (delete the folder for a fresh one).\n`);
    return;
  }
  mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 });
  const storage = await openDatabase({ sqliteFile: file });
  try {
    await migrateToLatest(storage);
    process.stdout.write('Making the demo team: six months of a fictional outreach team… ');
    const started = Date.now();
    const summary = await seedDemo(storage, Date.now());
    process.stdout.write(`${summary.people} people, ${summary.mutations.toLocaleString('en-GB')} changes, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  } finally {
    await storage.close();
  }
  const names = ['admin', ...demoAccounts.map((a) => a.username)].join(', ');
  process.stdout.write(`Sign in as ${names} — every demo account's password is ${DEMO_PASSWORD}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`The demo could not be made: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
