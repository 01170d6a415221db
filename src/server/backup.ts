/**
 * Backup and restore of the embedded SQLite database (`npm run backup`, `npm run restore`).
 *
 * A backup is taken with SQLite's online backup API while the server keeps running: the
 * pages are copied in ONE step, inside one read transaction, so the copy is the database as
 * of one commit (WAL mode lets the server keep writing meanwhile). The copy is checked
 * (`integrity_check`), switched to a rollback journal so it is one self-contained file, and
 * optionally sealed with a passphrase (backup-crypto.ts). Every file written is 0600.
 *
 * A restore never destroys anything: the backup is opened and checked in a scratch folder
 * beside the database first; then the current database, with any WAL a crashed server left,
 * is renamed aside (`lantern.sqlite.replaced-<time>`), and the restored file takes its place.
 * It refuses while a process holds the database open: swapping a file under a running
 * server would corrupt it. The restored database forgets what each device's replica was
 * filled for, so every device refreshes from it (see `forceDeviceRefresh`).
 */
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { BackupError, decryptBackupFile, encryptBackupFile, isEncryptedBackup } from './backup-crypto';

/** Returned from the progress callback: copy every remaining page in one step. */
const ALL_PAGES = 0x7fffffff;
/** The files SQLite keeps beside a database; they belong to it and move with it. */
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;
/** Tables every Lantern database has; a file without them is not one of our backups. */
const EXPECTED_TABLES = ['records', 'devices', 'kysely_migration'];

export interface BackupOptions {
  /** The live database (`<LANTERN_DATA_DIR>/lantern.sqlite`). */
  readonly sqliteFile: string;
  /** Where to write the backup; must not exist yet. */
  readonly outFile: string;
  /** When given, the backup is sealed with AES-256-GCM under a key derived from it. */
  readonly passphrase?: string | undefined;
}

export interface BackupResult {
  readonly file: string;
  readonly encrypted: boolean;
  readonly bytes: number;
}

export interface RestoreOptions {
  readonly backupFile: string;
  /** The database to replace (or create). */
  readonly sqliteFile: string;
  /** Needed when the backup is sealed. */
  readonly passphrase?: string | undefined;
  /** Names the set-aside file; defaults to now. */
  readonly now?: Date;
}

export interface RestoreResult {
  readonly restored: string;
  /** The files the restore moved aside (the replaced database first), if there was one. */
  readonly setAside: readonly string[];
}

/** A consistent copy of a live database into `dest`, checked, as one self-contained file. */
async function snapshot(sqliteFile: string, dest: string): Promise<void> {
  const source = new SqliteDatabase(sqliteFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(dest, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  chmodSync(dest, 0o600);
  const copy = new SqliteDatabase(dest, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check: unknown = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`The copy failed SQLite's integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
}

/** Puts `file` at `target` without ever replacing an existing file (link, then unlink). */
function publish(file: string, target: string): void {
  try {
    linkSync(file, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupError(`${target} already exists: choose another name.`);
    throw error;
  }
  rmSync(file);
}

/** Writes a consistent copy of the live database to `outFile` (0600), sealed if asked. */
export async function backupSqlite(options: BackupOptions): Promise<BackupResult> {
  const { sqliteFile, outFile, passphrase } = options;
  if (!existsSync(sqliteFile)) throw new BackupError(`There is no database at ${sqliteFile}.`);
  if (existsSync(outFile)) throw new BackupError(`${outFile} already exists: choose another name.`);
  // The plaintext copy is made beside the live database (which is plaintext anyway), never
  // on the backup's destination; only the finished file goes there.
  const work = mkdtempSync(join(dirname(sqliteFile), '.backup-'));
  const partial = `${outFile}.partial-${basename(work)}`;
  try {
    const copy = join(work, 'copy.sqlite');
    await snapshot(sqliteFile, copy);
    if (passphrase !== undefined) await encryptBackupFile(copy, partial, passphrase);
    else await copyFile(copy, partial);
    chmodSync(partial, 0o600);
    publish(partial, outFile);
    return { file: outFile, encrypted: passphrase !== undefined, bytes: statSync(outFile).size };
  } finally {
    rmSync(partial, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Throws when another connection holds `sqliteFile` open. A running server's connection
 * keeps a shared lock for its whole life, so an exclusive lock is only granted when no
 * process has the database open. Taking it also replays a WAL a crashed server left.
 */
function assertNotInUse(sqliteFile: string): void {
  if (!existsSync(sqliteFile)) return;
  let probe: SqliteDatabase.Database | undefined;
  try {
    probe = new SqliteDatabase(sqliteFile, { fileMustExist: true, timeout: 0 });
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new BackupError(`${sqliteFile} is in use: stop the server first. Nothing was changed.`);
    }
    // Not a readable database: it is set aside as it is, with its side files.
  } finally {
    probe?.close();
  }
}

function assertLanternDatabase(file: string, shownAs: string): void {
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { fileMustExist: true });
    const check: unknown = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${shownAs} fails SQLite's integrity check: ${String(check)}`);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name);
    if (!EXPECTED_TABLES.every((t) => tables.includes(t))) throw new BackupError(`${shownAs} is not a Lantern database.`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${shownAs} is not a Lantern backup (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    db?.close();
  }
}

/**
 * A device may hold writes made after the backup, and its pull cursor may be past the
 * restored counter, where it would silently miss the next changes. With no record of what
 * its replica was filled for, its next pull answers `409 resync` (services/sync-pull.ts):
 * it clears its replica, keeps its outbox, and fetches the restored state from 0.
 */
function forceDeviceRefresh(file: string): void {
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    db.prepare('UPDATE devices SET scope_key = NULL').run();
  } finally {
    db.close();
  }
}

/** Renames the database and its side files aside, as a set SQLite can still open. */
function setAsideExisting(sqliteFile: string, now: Date): string[] {
  const aside = `${sqliteFile}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
  const moved: string[] = [];
  for (const suffix of ['', ...SIDE_FILES]) {
    if (!existsSync(sqliteFile + suffix)) continue;
    renameSync(sqliteFile + suffix, aside + suffix);
    moved.push(aside + suffix);
  }
  return moved;
}

/** Restores `backupFile` as `sqliteFile`; see the module comment for what is kept. */
export async function restoreSqlite(options: RestoreOptions): Promise<RestoreResult> {
  const { backupFile, sqliteFile, passphrase } = options;
  if (!existsSync(backupFile)) throw new BackupError(`There is no backup at ${backupFile}.`);
  const encrypted = await isEncryptedBackup(backupFile);
  if (encrypted && passphrase === undefined) {
    throw new BackupError('This backup is encrypted: give its passphrase (LANTERN_BACKUP_PASSPHRASE or --passphrase-file).');
  }
  mkdirSync(dirname(sqliteFile), { recursive: true, mode: 0o700 });
  assertNotInUse(sqliteFile);
  const work = mkdtempSync(join(dirname(sqliteFile), '.restore-'));
  try {
    const candidate = join(work, 'restored.sqlite');
    if (encrypted && passphrase !== undefined) await decryptBackupFile(backupFile, candidate, passphrase);
    else await copyFile(backupFile, candidate);
    chmodSync(candidate, 0o600);
    assertLanternDatabase(candidate, backupFile);
    forceDeviceRefresh(candidate);
    assertNotInUse(sqliteFile);
    const setAside = setAsideExisting(sqliteFile, options.now ?? new Date());
    renameSync(candidate, sqliteFile);
    return { restored: sqliteFile, setAside };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
