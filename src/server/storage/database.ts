/**
 * Opens the database: embedded SQLite (better-sqlite3) by default, PostgreSQL (pg Pool) when
 * a URL is given. Everything above this layer sees one `Kysely<Schema>` and the dialect
 * name, used only where SQL genuinely differs (row locks, autoincrement).
 */
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Storage {
  readonly db: Kysely<Schema>;
  readonly dialect: DialectName;
  /**
   * After an erasure or a purge: clears removed content from the database's files as far as
   * the engine allows. SQLite overwrites deleted content (`secure_delete`) and empties the
   * write-ahead log into the main file, truncating it; PostgreSQL vacuums the records, so
   * their space is reused (docs/data-protection.md says what may remain, and where).
   */
  compact(): Promise<void>;
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
  // A deleted or replaced row is overwritten with zeros, not left in a free page: an erased
  // person must not be readable from the file.
  database.pragma('secure_delete = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const compact = async () => {
    database.pragma('wal_checkpoint(TRUNCATE)');
  };
  return { db, dialect: 'sqlite', compact, close: () => db.destroy() };
}

/** Prepared statements kept per connection; Lantern's queries are a few hundred shapes. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The database as Kysely sees it, except that each SQL text is prepared once and reused:
 * preparing was a fifth of a push's CPU. Safe because Lantern never streams a query, so no
 * statement is ever in use by two queries at once (better-sqlite3 runs one at a time).
 * The oldest statement is dropped when the cache is full (queries with `in (...)` lists of
 * many lengths would otherwise grow it without bound).
 */
function withStatementCache(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      const cached = statements.get(text);
      if (cached !== undefined) return cached;
      const statement = database.prepare(text);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value ?? '');
      statements.set(text, statement);
      return statement;
    },
  };
}

/**
 * How long a request waits for a connection (a new one, or a free one from a busy pool)
 * before it fails as transient (503): while the database is away, devices hear so at once
 * instead of hanging.
 */
const CONNECT_TIMEOUT_MS = 5000;

async function openPostgres(url: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A connection that dies (a database restart, a failover, a network cut) makes pg emit
  // 'error' on its Client, and an 'error' event nobody listens to kills the process. The
  // pool listens only while a client is idle; Kysely checks clients out for every query and
  // transaction, so each client gets its own listener for its whole life. The query in
  // flight fails by itself (a transient error, answered 503), and the pool drops the broken
  // client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end();
    throw error;
  }
  const compact = async () => {
    await sql`VACUUM records`.execute(db);
  };
  return { db, dialect: 'postgres', compact, close: () => db.destroy() };
}
