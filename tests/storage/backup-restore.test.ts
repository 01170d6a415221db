/**
 * `npm run backup` and `npm run restore` against the real server process on SQLite: a
 * backup taken while devices push holds every push acknowledged before it started, a
 * restored data directory starts a server that serves them, and the restored database
 * passes SQLite's integrity check. The commands run as an operator runs them
 * (src/server/backup-cli.ts through tsx, as npm runs it), sealed with a passphrase.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSqlite } from '../../src/server/backup';
import { sqliteFileIn } from '../../src/server/config';
import { pullResponseSchema, SCHEMA_VERSION } from '../../src/shared/sync/wire';
import { signInDevice, type PushingDevice } from '../bench/pushing-device';
import { restartableServer, SERVER_ADMIN_PASSWORD, type RestartableServer } from '../bench/restartable-server';

const root = resolve(import.meta.dirname, '../..');
const PASSPHRASE = 'a passphrase for the backup test';
const pause = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));

interface CliRun {
  readonly code: number | null;
  readonly output: string;
}

/** Runs `npm run backup|restore -- …` the way npm does, with only the given environment on top. */
function cli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const { DATABASE_URL: _url, LANTERN_BACKUP_PASSPHRASE: _pass, LANTERN_DATA_DIR: _dir, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/backup-cli.ts'), ...args], { cwd: root, env: { ...base, ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}

function pull(baseUrl: string, token: string, cursor: number): Promise<Response> {
  return fetch(`${baseUrl}/api/sync/pull?cursor=${cursor}&limit=1000&schemaVersion=${SCHEMA_VERSION}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Every client id the server sends this device, pulling from 0. */
async function clientIdsOnServer(baseUrl: string, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor = 0;
  for (let page = 0; page < 1000; page++) {
    const body = pullResponseSchema.parse(await (await pull(baseUrl, token, cursor)).json());
    for (const change of body.changes) if (change.collection === 'clients') ids.add(change.id);
    cursor = body.cursor;
    if (!body.hasMore) break;
  }
  return ids;
}

/** Pushes batches until `stopped()`, resending what was not acknowledged (bounded). */
async function keepPushing(device: PushingDevice, stopped: () => boolean): Promise<void> {
  for (let round = 0; round < 20_000 && !stopped(); round++) {
    if (device.pending < 10) device.write(10);
    if (!(await device.push(10))) await pause(20);
  }
}

describe('backup and restore of a running SQLite server', () => {
  const work = mkdtempSync(join(tmpdir(), 'lantern-backup-restore-'));
  const liveDir = join(work, 'live');
  const freshDir = join(work, 'fresh');
  const backupFile = join(work, 'lantern.sqlite.enc');
  const directCopy = join(work, 'direct-copy.sqlite');
  let live: RestartableServer;
  let devices: PushingDevice[] = [];
  let acknowledgedBeforeBackup: string[] = [];

  beforeAll(async () => {
    live = await restartableServer({ dataDir: liveDir });
    await live.start();
  });

  afterAll(async () => {
    await live?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('takes a sealed 0600 backup while devices push, and will not restore over the running server', async () => {
    devices = [await signInDevice(live.baseUrl, 'admin', SERVER_ADMIN_PASSWORD), await signInDevice(live.baseUrl, 'admin', SERVER_ADMIN_PASSWORD)];
    // The first device has pulled, so its replica is filled and its cursor moves on.
    expect((await pull(live.baseUrl, devices[0]?.token ?? '', 0)).status).toBe(200);
    let stop = false;
    const load = devices.map((d) => keepPushing(d, () => stop));
    try {
      const until = Date.now() + 20_000;
      while (devices.some((d) => d.acknowledged.length < 100) && Date.now() < until) await pause(20);
      // What docs/security.md promises of the running server's files.
      expect(statSync(liveDir).mode & 0o777).toBe(0o700);
      for (const file of ['', '-wal', '-shm']) expect(statSync(sqliteFileIn(liveDir) + file).mode & 0o777).toBe(0o600);
      acknowledgedBeforeBackup = devices.flatMap((d) => [...d.acknowledged]);
      // The same copy the command makes, taken at once: the last acknowledged pushes are
      // still in the server's WAL, so a copy of the main file alone would miss them.
      await backupSqlite({ sqliteFile: sqliteFileIn(liveDir), outFile: directCopy });
      const backup = await cli(['backup', '--out', backupFile], { LANTERN_DATA_DIR: liveDir, LANTERN_BACKUP_PASSPHRASE: PASSPHRASE });
      expect(backup.code, backup.output).toBe(0);
      // The server kept acknowledging pushes while the backup ran.
      const during = devices.reduce((n, d) => n + d.acknowledged.length, 0) - acknowledgedBeforeBackup.length;
      expect(during).toBeGreaterThan(0);

      const refused = await cli(['restore', backupFile], { LANTERN_DATA_DIR: liveDir, LANTERN_BACKUP_PASSPHRASE: PASSPHRASE });
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/in use: stop the server first/);
    } finally {
      stop = true;
      await Promise.all(load);
    }
    expect(acknowledgedBeforeBackup.length).toBeGreaterThanOrEqual(200);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const copy = new SqliteDatabase(directCopy, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const inCopy = new Set(copy.prepare<[], { id: string }>("SELECT id FROM records WHERE collection = 'clients'").all().map((r) => r.id));
      expect(acknowledgedBeforeBackup.filter((id) => !inCopy.has(id))).toEqual([]);
    } finally {
      copy.close();
    }
  }, 60_000);

  it('refuses a wrong passphrase and writes nothing', async () => {
    const wrong = join(work, 'wrong-passphrase');
    writeFileSync(wrong, 'not the passphrase at all\n');
    const run = await cli(['restore', backupFile, '--passphrase-file', wrong], { LANTERN_DATA_DIR: freshDir });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/wrong passphrase/);
    expect(existsSync(sqliteFileIn(freshDir))).toBe(false);
  }, 30_000);

  it('restores into a fresh data directory; a server started on it has every push acknowledged before the backup', async () => {
    const run = await cli(['restore', backupFile], { LANTERN_DATA_DIR: freshDir, LANTERN_BACKUP_PASSPHRASE: PASSPHRASE });
    expect(run.code, run.output).toBe(0);
    expect(statSync(sqliteFileIn(freshDir)).mode & 0o777).toBe(0o600);

    const restored = await restartableServer({ dataDir: freshDir });
    await restored.start();
    try {
      const device = devices[0];
      if (device === undefined) throw new Error('the first test did not run');
      // Its replica may hold writes made after the backup, and its cursor may be past the
      // restored counter: it must start again from 0, not carry on.
      const carryOn = await pull(restored.baseUrl, device.token, 1);
      expect(carryOn.status).toBe(409);
      expect(await carryOn.json()).toMatchObject({ error: 'resync' });
      // The device's sign-in was in the backup too: its token still works.
      const onServer = await clientIdsOnServer(restored.baseUrl, device.token);
      const missing = acknowledgedBeforeBackup.filter((id) => !onServer.has(id));
      expect(missing).toEqual([]);
    } finally {
      await restored.stop();
    }
    const db = new SqliteDatabase(sqliteFileIn(freshDir), { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 60_000);
});
