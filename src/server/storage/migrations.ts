/**
 * Schema migrations, kept in code (no file scanning) so they ship inside the bundle and run
 * the same on SQLite and PostgreSQL. Kysely's Migrator records applied migrations and takes
 * a lock, so running `migrate` again, or from several processes at once, is safe.
 * Never edit a released migration: add a new one.
 */
import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DialectName, Storage } from './database';
import { recordFacts } from './records-store';
import type { Schema } from './schema';

function initialMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('idle_lock_minutes', 'integer', (c) => c.notNull().defaultTo(5))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('admin', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('last_mutation_id', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('scope_key', 'text')
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tokens_device_idx').on('tokens').column('device_id').execute();
      await createSyncTables(db, dialect);
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['settings', 'audit_log', 'rejections', 'counters', 'records', 'tokens', 'devices', 'users', 'teams']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}

async function createSyncTables(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('records')
    .addColumn('collection', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull().unique())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('records_pk', ['collection', 'id'])
    .execute();
  await db.schema.createIndex('records_team_seq_idx').on('records').columns(['team_id', 'seq']).execute();
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO counters (name, value) VALUES ('server_seq', 0)`.execute(db);
  await db.schema
    .createTable('rejections')
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('mutation_id', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('collection', 'text')
    .addColumn('record_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO settings (key, value) VALUES ('tombstone_horizon', '0')`.execute(db);
}

/** Each device's last admitted clock, so its writes keep their order when clamped (hlc.ts). */
const deviceClockMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').addColumn('last_hlc', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').dropColumn('last_hlc').execute();
  },
};

/**
 * Rate-limit counters (sign-in limits above all) per hashed limiter key, in the database so
 * the limits hold across every server process on it (rate-limits-store.ts).
 */
const rateLimitsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_limits')
      .addColumn('key_hash', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_limits_expires_idx').on('rate_limits').column('expires_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('rate_limits').ifExists().execute();
  },
};

/** The tombstone horizon a device's replica was filled under (sync-pull.ts). */
const pullHorizonMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').addColumn('pull_horizon', 'bigint').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').dropColumn('pull_horizon').execute();
  },
};

/** What a device said it still holds at its last sync (changes waiting, changes needing attention). */
const deviceReportMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').addColumn('waiting_changes', 'integer').execute();
    await db.schema.alterTable('devices').addColumn('attention_changes', 'integer').execute();
    await db.schema.alterTable('devices').addColumn('reported_at', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    for (const column of ['waiting_changes', 'attention_changes', 'reported_at']) await db.schema.alterTable('devices').dropColumn(column).execute();
  },
};

/**
 * When each record's event happened and whom it is about, beside its JSON, with an index
 * a report reads its period through (records-store.ts `recordFacts`); existing rows are
 * filled in from their JSON, a page at a time.
 */
const recordFactsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('records').addColumn('occurred_at', 'text').execute();
    await db.schema.alterTable('records').addColumn('client_id', 'text').execute();
    await db.schema.createIndex('records_team_collection_time_idx').on('records').columns(['team_id', 'collection', 'occurred_at']).execute();
    // Each person's first contact is read from this index alone (records-store.ts firstContactTimes).
    await db.schema.createIndex('records_team_collection_client_idx').on('records').columns(['team_id', 'collection', 'client_id', 'occurred_at']).execute();
    const records = db as unknown as Kysely<Schema>;
    for (let after = -1; ; ) {
      const page = await records.selectFrom('records').select(['collection', 'id', 'seq', 'data']).where('seq', '>', after).where('data', 'is not', null).orderBy('seq').limit(1000).execute();
      const last = page.at(-1);
      if (last === undefined) break;
      for (const row of page) {
        const facts = recordFacts(row.collection, row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>));
        if (facts.occurred_at !== null || facts.client_id !== null) {
          await records.updateTable('records').set(facts).where('collection', '=', row.collection).where('id', '=', row.id).execute();
        }
      }
      after = Number(last.seq);
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('records_team_collection_client_idx').execute();
    await db.schema.dropIndex('records_team_collection_time_idx').execute();
    for (const column of ['occurred_at', 'client_id']) await db.schema.alterTable('records').dropColumn(column).execute();
  },
};

/** Requests to erase a person, waiting for a second team lead (services/erasure.ts). */
const erasureRequestsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('erasure_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('counts', 'text')
      .execute();
    await db.schema.createIndex('erasure_requests_team_status_idx').on('erasure_requests').columns(['team_id', 'status']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('erasure_requests').ifExists().execute();
  },
};

/** Retention (services/retention.ts) asks, per person, whether anything about them was written lately. */
const recordsByClientMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('records_client_updated_idx').on('records').columns(['client_id', 'updated_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('records_client_updated_idx').execute();
  },
};

/** A password a team lead handed over must be replaced at the first sign-in (users-service.ts). */
const passwordChangeMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  },
};

/**
 * Per-team write ordering (records-store.ts, decision 013). On PostgreSQL seqs come from a
 * sequence, taken under the writing team's lock, instead of one counter row every writer in
 * the organisation queued on; it starts past every seq already given, so no device's cursor
 * moves backwards. SQLite keeps its counter row (its single writer orders everything).
 */
function teamOrderingMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`CREATE SEQUENCE records_seq AS bigint`.execute(db);
      await sql`SELECT setval('records_seq', GREATEST((SELECT value FROM counters WHERE name = 'server_seq'), (SELECT COALESCE(MAX(seq), 0) FROM records)) + 1, false)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`UPDATE counters SET value = GREATEST(value, (SELECT COALESCE(MAX(seq), 0) FROM records)) WHERE name = 'server_seq'`.execute(db);
      await sql`DROP SEQUENCE records_seq`.execute(db);
    },
  };
}

function migrationProvider(dialect: DialectName): MigrationProvider {
  return {
    getMigrations: async () => ({
      '0001_initial': initialMigration(dialect),
      '0002_device_clock': deviceClockMigration,
      '0003_rate_limits': rateLimitsMigration,
      '0004_pull_horizon': pullHorizonMigration,
      '0005_password_change': passwordChangeMigration,
      '0006_device_report': deviceReportMigration,
      '0007_record_facts': recordFactsMigration,
      '0008_erasure_requests': erasureRequestsMigration,
      '0009_records_by_client': recordsByClientMigration,
      '0010_team_ordering': teamOrderingMigration(dialect),
    }),
  };
}

/**
 * Brings the database to the latest schema (or, for tests of a migration, only up to the
 * one named `upTo`); throws with the failing migration's error.
 */
export async function migrateToLatest(storage: Storage, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db: storage.db, provider: migrationProvider(storage.dialect) });
  const { error, results } = upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined) {
    const cause = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: error });
  }
}
