/**
 * A real server for tests and the bench: a fresh database (a temp SQLite file, or a new
 * PostgreSQL database created beside the given URL and dropped on close), migrated and
 * bootstrapped with a known admin password, listening on a random local port.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Role } from '../shared/domain/common';
import { buildApp } from './app';
import { sqliteFileIn } from './config';
import type { AppDeps } from './app';
import type { LogStream } from './request-log';
import { bootstrap } from './services/bootstrap';
import { buildUser, insertUserWithRecord } from './services/users-service';
import { openDatabase } from './storage/database';
import { insertTeam } from './storage/users-store';
import { uuidv7 } from '../shared/ids';
import type { Storage } from './storage/database';
import { migrateToLatest } from './storage/migrations';

export const TEST_ADMIN_PASSWORD = 'test-admin-password-1';

export interface TestUser {
  readonly id: string;
  readonly username: string;
  readonly password: string;
}

export interface TestUserOptions {
  readonly teamId?: string;
  readonly admin?: boolean;
}

export interface TestServerOptions {
  readonly databaseUrl?: string | undefined;
  readonly now?: () => number;
  /** Receives every log line the server writes (turns logging on). */
  readonly logStream?: LogStream;
  /** As `LANTERN_TRUST_PROXY` sets it (off when absent). */
  readonly trustProxy?: AppDeps['trustProxy'];
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly storage: Storage;
  /** The SQLite file (undefined on PostgreSQL). */
  readonly sqliteFile: string | undefined;
  readonly baseUrl?: string;
  readonly adminPassword: string;
  readonly teamId: string;
  /** The example agencies bootstrap seeded into `teamId`'s directory. */
  readonly agencyIds: readonly string[];
  createUser(role: Role, username?: string, options?: TestUserOptions): Promise<TestUser>;
  /** Another team on the same server, for cross-team tests. */
  createTeam(): Promise<string>;
  close(): Promise<void>;
}

export interface TestDatabase {
  readonly storage: Storage;
  /** The PostgreSQL database's own URL, for a server process to open (undefined on SQLite). */
  readonly databaseUrl: string | undefined;
  /** The SQLite file (undefined on PostgreSQL), for tests that read the bytes on disk. */
  readonly sqliteFile: string | undefined;
  /** Opens the same database once more, unmigrated (a server restarting on it). */
  reopen(): Promise<Storage>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database: SQLite in a temp dir, or a new PostgreSQL database. `upTo`
 * stops at that migration (a test of the migrations after it).
 */
export async function createTestDatabase(databaseUrl?: string, upTo?: string): Promise<TestDatabase> {
  if (databaseUrl === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-test-'));
    const sqliteFile = sqliteFileIn(dir);
    const storage = await openDatabase({ sqliteFile });
    await migrateToLatest(storage, upTo);
    return { storage, databaseUrl: undefined, sqliteFile, reopen: () => openDatabase({ sqliteFile }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const database = await createPostgresDatabase(databaseUrl);
  const storage = await openDatabase({ databaseUrl: database.url });
  await migrateToLatest(storage, upTo);
  return { storage, databaseUrl: database.url, sqliteFile: undefined, reopen: () => openDatabase({ databaseUrl: database.url }), drop: database.drop };
}

/** A new, empty PostgreSQL database beside `databaseUrl`: its own URL, and how to drop it. */
export async function createPostgresDatabase(databaseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  await maintenance(databaseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => maintenance(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function maintenance(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase(options.databaseUrl);
  const { storage } = database;
  const boot = await bootstrap(storage, TEST_ADMIN_PASSWORD);
  if (!boot.created) throw new Error('test database was not empty');
  const app = await buildApp({ storage, ...(options.now ? { now: options.now } : {}), ...(options.logStream ? { logStream: options.logStream } : {}), ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : undefined;
  let counter = 0;
  return {
    app,
    storage,
    sqliteFile: database.sqliteFile,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    adminPassword: TEST_ADMIN_PASSWORD,
    teamId: boot.teamId,
    agencyIds: boot.agencyIds,
    async createUser(role, username, userOptions = {}) {
      counter += 1;
      const name = username ?? `${role.replaceAll('_', '-')}-${counter}`;
      const password = `pw-${randomBytes(9).toString('base64url')}`;
      const teamId = userOptions.teamId ?? boot.teamId;
      const admin = userOptions.admin ?? false;
      const user = await buildUser({ teamId, username: name, name: `Test ${role} ${counter}`, role, admin, password }, Date.now());
      await storage.db.transaction().execute((trx) => insertUserWithRecord(trx, user));
      return { id: user.id, username: name, password };
    },
    async createTeam() {
      const id = uuidv7();
      await insertTeam(storage.db, { id, name: `Team ${id.slice(-6)}`, idleLockMinutes: 5, createdAt: new Date().toISOString() });
      return id;
    },
    async close() {
      await app.close();
      await storage.close();
      await database.drop();
    },
  };
}
