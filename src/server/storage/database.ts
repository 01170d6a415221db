/**
 * Opens the database: embedded SQLite (better-sqlite3) by default, PostgreSQL (pg Pool) when
 * a URL is given. Everything above this layer sees one `Kysely<Schema>` and the dialect
 * name, used only where SQL genuinely differs (row locks, autoincrement).
 */
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Storage {
  readonly db: Kysely<Schema>;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly databaseUrl?: string;
  readonly sqliteFile?: string;
}

/** Opens (but does not migrate) the database. Pass `databaseUrl` for PostgreSQL. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Storage> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  if (!options.sqliteFile) throw new Error('openDatabase needs a databaseUrl or a sqliteFile');
  return openSqlite(options.sqliteFile);
}

function openSqlite(file: string): Storage {
  const database = new SqliteDatabase(file);
  // WAL lets readers proceed during a write; busy_timeout waits for another process's
  // write lock instead of failing at once.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function openPostgres(url: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the process; the next query
  // gets a fresh connection (and a transient error becomes a 503).
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const probe = await pool.connect();
  probe.release();
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
