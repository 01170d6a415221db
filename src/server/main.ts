/**
 * The server process: config → storage → migrate → bootstrap → listen. Run with
 * `tsx src/server/main.ts`. A generated admin password is printed once, on the run that
 * created it, and never logged anywhere else. A database that is away at start is waited
 * for (process-guards.ts); once serving, a database restart costs devices a few 503s.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from './app';
import { parseConfig, sqliteFileIn } from './config';
import type { ServerConfig } from './config';
import { keepServingOnUnhandledRejection, retryWhileDatabaseAway } from './process-guards';
import { scheduleRetention } from './retention-schedule';
import { bootstrap } from './services/bootstrap';
import { applyRetention } from './services/retention';
import type { BootstrapResult } from './services/bootstrap';
import { openDatabase } from './storage/database';
import type { Storage } from './storage/database';
import { migrateToLatest } from './storage/migrations';

async function openStorage(config: ServerConfig): Promise<Storage> {
  if (config.databaseUrl !== undefined) return openDatabase({ databaseUrl: config.databaseUrl });
  mkdirSync(resolve(config.dataDir), { recursive: true, mode: 0o700 });
  return openDatabase({ sqliteFile: sqliteFileIn(config.dataDir) });
}

/** Opens, migrates and bootstraps; a failed attempt closes what it opened, so it can be retried. */
async function prepareStorage(config: ServerConfig): Promise<{ storage: Storage; boot: BootstrapResult }> {
  const storage = await openStorage(config);
  try {
    await migrateToLatest(storage);
    return { storage, boot: await bootstrap(storage, config.adminPassword) };
  } catch (error) {
    await storage.close().catch(() => undefined);
    throw error;
  }
}

function announceAdmin(password: string): void {
  const line = '='.repeat(64);
  process.stdout.write(
    `\n${line}\n  First start: created the admin account.\n  username: admin\n  password: ${password}\n` +
      `  This password is shown ONCE. Sign in and keep it somewhere safe.\n${line}\n\n`,
  );
}

async function main(): Promise<void> {
  // Files this process creates (the SQLite database and its journal) are readable by its
  // own user only: they hold case data.
  process.umask(0o077);
  keepServingOnUnhandledRejection();
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    process.exit(1);
  }
  const { config } = parsed;
  const { storage, boot } = await retryWhileDatabaseAway(() => prepareStorage(config));
  if (boot.created && boot.generated) announceAdmin(boot.password);
  const app = await buildApp({ storage, staticDir: config.staticDir, logger: true, trustProxy: config.trustProxy });
  await app.listen({ port: config.port, host: config.host });
  const stopRetention = scheduleRetention({ run: () => applyRetention(storage, config.retention, Date.now()), everyMs: config.retentionEveryMs, log: app.log });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  process.stdout.write(`Lantern is running at http://${shownHost}:${config.port}/ (${storage.dialect})\n`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    stopRetention();
    process.stdout.write(`${signal}: shutting down\n`);
    void app
      .close()
      .then(() => storage.close())
      .then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Lantern failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
