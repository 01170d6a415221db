/**
 * The server process: config → storage → migrate → bootstrap → listen. Run with
 * `tsx src/server/main.ts`. A generated admin password is printed once, on the run that
 * created it, and never logged anywhere else.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp } from './app';
import { parseConfig } from './config';
import type { ServerConfig } from './config';
import { bootstrap } from './services/bootstrap';
import { openDatabase } from './storage/database';
import type { Storage } from './storage/database';
import { migrateToLatest } from './storage/migrations';

async function openStorage(config: ServerConfig): Promise<Storage> {
  if (config.databaseUrl !== undefined) return openDatabase({ databaseUrl: config.databaseUrl });
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return openDatabase({ sqliteFile: join(dataDir, 'lantern.sqlite') });
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
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    process.exit(1);
  }
  const { config } = parsed;
  const storage = await openStorage(config);
  await migrateToLatest(storage);
  const boot = await bootstrap(storage, config.adminPassword);
  if (boot.created && boot.generated) announceAdmin(boot.password);
  const app = await buildApp({ storage, staticDir: config.staticDir, logger: true });
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  process.stdout.write(`Lantern is running at http://${shownHost}:${config.port}/ (${storage.dialect})\n`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
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
