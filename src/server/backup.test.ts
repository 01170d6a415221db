import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError } from './backup-crypto';
import { backupSqlite, restoreSqlite } from './backup';
import { openDatabase, type Storage } from './storage/database';
import { migrateToLatest } from './storage/migrations';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lantern-backup-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const passphrase = 'a long backup passphrase';

/** A migrated database with one team named `name`, left open (as a running server holds it). */
async function liveDatabase(file: string, name: string): Promise<Storage> {
  const storage = await openDatabase({ sqliteFile: file });
  await migrateToLatest(storage);
  await storage.db.insertInto('teams').values({ id: name, name, idle_lock_minutes: 5, created_at: new Date().toISOString() }).execute();
  return storage;
}

function teamNames(file: string): string[] {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { name: string }>('SELECT name FROM teams ORDER BY name').all().map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('backupSqlite', () => {
  it('copies an open database into one self-contained 0600 file that passes integrity_check', async () => {
    const live = await liveDatabase(join(dir, 'lantern.sqlite'), 'North');
    try {
      const out = join(dir, 'copy.sqlite');
      const result = await backupSqlite({ sqliteFile: join(dir, 'lantern.sqlite'), outFile: out });
      expect(result).toMatchObject({ file: out, encrypted: false });
      expect(statSync(out).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir).filter((f) => f.startsWith('copy'))).toEqual(['copy.sqlite']);
      const copy = new SqliteDatabase(out, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      copy.close();
      expect(teamNames(out)).toEqual(['North']);
    } finally {
      await live.close();
    }
  });

  it('seals the copy when given a passphrase, and never overwrites a file', async () => {
    const live = await liveDatabase(join(dir, 'lantern.sqlite'), 'North');
    try {
      const out = join(dir, 'copy.sqlite.enc');
      await backupSqlite({ sqliteFile: join(dir, 'lantern.sqlite'), outFile: out, passphrase });
      expect(statSync(out).mode & 0o777).toBe(0o600);
      expect(readFileSync(out).includes('SQLite format 3')).toBe(false);
      expect(readFileSync(out).includes('North')).toBe(false);
      await expect(backupSqlite({ sqliteFile: join(dir, 'lantern.sqlite'), outFile: out })).rejects.toBeInstanceOf(BackupError);
      expect(readdirSync(dir).filter((f) => f.startsWith('copy'))).toEqual(['copy.sqlite.enc']);
    } finally {
      await live.close();
    }
  });

  it('says so when there is no database to back up', async () => {
    await expect(backupSqlite({ sqliteFile: join(dir, 'missing.sqlite'), outFile: join(dir, 'out') })).rejects.toThrow(/no database/i);
  });
});

describe('restoreSqlite', () => {
  async function backupOf(name: string, secret?: string): Promise<string> {
    const source = join(dir, `${name}.sqlite`);
    const live = await liveDatabase(source, name);
    await live.close();
    const out = join(dir, `${name}.backup`);
    await backupSqlite({ sqliteFile: source, outFile: out, ...(secret ? { passphrase: secret } : {}) });
    return out;
  }

  it('restores into a fresh data directory', async () => {
    const backup = await backupOf('North', passphrase);
    const target = join(dir, 'fresh', 'lantern.sqlite');
    const result = await restoreSqlite({ backupFile: backup, sqliteFile: target, passphrase });
    expect(result.setAside).toEqual([]);
    expect(teamNames(target)).toEqual(['North']);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('keeps the replaced database aside, with what a crashed server left in its WAL', async () => {
    const backup = await backupOf('North');
    // The files as a server killed mid-run leaves them: the last commits only in the WAL.
    const running = await liveDatabase(join(dir, 'running.sqlite'), 'South');
    const target = join(dir, 'lantern.sqlite');
    copyFileSync(join(dir, 'running.sqlite'), target);
    copyFileSync(join(dir, 'running.sqlite-wal'), `${target}-wal`);
    await running.close();

    const result = await restoreSqlite({ backupFile: backup, sqliteFile: target });
    expect(teamNames(target)).toEqual(['North']);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(result.setAside).toHaveLength(1);
    expect(teamNames(result.setAside[0] ?? '')).toEqual(['South']);
  });

  it('refuses to restore over a database a running server holds open, and changes nothing', async () => {
    const backup = await backupOf('North');
    const target = join(dir, 'lantern.sqlite');
    const running = await liveDatabase(target, 'South');
    try {
      const before = readdirSync(dir).sort();
      await expect(restoreSqlite({ backupFile: backup, sqliteFile: target })).rejects.toThrow(/in use/);
      expect(readdirSync(dir).sort()).toEqual(before);
      expect(teamNames(target)).toEqual(['South']);
    } finally {
      await running.close();
    }
  });

  it('refuses a wrong passphrase, a missing one, or a file that is not a Lantern backup, and changes nothing', async () => {
    const backup = await backupOf('North', passphrase);
    const target = join(dir, 'lantern.sqlite');
    await (await liveDatabase(target, 'South')).close();
    const before = readdirSync(dir).sort();
    await expect(restoreSqlite({ backupFile: backup, sqliteFile: target, passphrase: 'wrong passphrase' })).rejects.toThrow(/wrong passphrase/);
    await expect(restoreSqlite({ backupFile: backup, sqliteFile: target })).rejects.toThrow(/passphrase/);
    writeFileSync(join(dir, 'junk'), 'not a database at all, just text that is long enough');
    await expect(restoreSqlite({ backupFile: join(dir, 'junk'), sqliteFile: target })).rejects.toBeInstanceOf(BackupError);
    expect(readdirSync(dir).sort()).toEqual([...before, 'junk'].sort());
    expect(teamNames(target)).toEqual(['South']);
  });
});
