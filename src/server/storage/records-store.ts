/**
 * Synced records: one row per (collection, id), the record as JSON text, and the server
 * sequence number of its latest write. Pull pages through `seq`, so the way `seq` is taken
 * is what makes sync correct:
 *
 * INVARIANT: within one team, seq order is commit order, so a reader that has seen the
 * team's seq N has also seen every committed seq < N of that team, and a pull never skips a
 * commit that lands after it read. Teams never read each other's changes, so nothing orders
 * one team's writes against another's, and teams write in parallel (decision 013).
 * - PostgreSQL: a writer takes its team's transaction lock (`lockTeamWriters`, an advisory
 *   lock held to commit or rollback) before its first seq, and seqs come from one sequence.
 *   Two writers of a team are serialised by the lock, so the second takes all its seqs after
 *   the first committed; writers of different teams hold different locks.
 * - SQLite has a single writer, which gives the same guarantee with one counter row.
 * `putRecord` takes the team's lock itself, so no write can skip it. Never take a seq outside
 * the writing transaction, and never use a clock instead.
 */
import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { Schema } from './schema';

export type Db = Kysely<Schema> | Transaction<Schema>;

export interface StoredRecord {
  readonly collection: string;
  readonly id: string;
  readonly teamId: string;
  readonly seq: number;
  readonly deleted: boolean;
  readonly data: Record<string, unknown> | null;
  readonly updatedAt: string;
}

export interface PutRecordInput {
  readonly collection: string;
  readonly id: string;
  readonly teamId: string;
  readonly data: Record<string, unknown> | null;
  readonly deleted?: boolean;
  /** When it was written (ISO); the server's clock when absent. Jobs with their own clock pass theirs. */
  readonly updatedAt?: string;
}

/** Whether `db` speaks to PostgreSQL; only the way seqs are taken differs. */
function onPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** PostgreSQL's next seq, taken by the statement that writes it. */
const NEXT_SEQ = sql<number>`nextval('records_seq')`;

/** The advisory-lock class of team writers (any constant: it only keeps clear of other locks). */
const TEAM_WRITERS_LOCK = 0x4c4e54; // "LNT"

/** The teams whose writer lock each open transaction already holds. */
const heldTeamLocks = new WeakMap<Transaction<Schema>, Set<string>>();

/**
 * PostgreSQL: makes this transaction the team's only writer until it commits or rolls back
 * (SQLite's single writer already is). Taken before the first read of a read-then-write (a
 * field merge), so the read sees every earlier writer's commit and no update is lost.
 * A transaction that writes for several teams takes their locks in team id order (see
 * `retention.ts`), and pushes lock device row → team, so writers cannot deadlock.
 */
export async function lockTeamWriters(trx: Transaction<Schema>, teamId: string): Promise<void> {
  if (!onPostgres(trx)) return;
  const held = heldTeamLocks.get(trx) ?? new Set<string>();
  if (held.has(teamId)) return;
  await sql`SELECT pg_advisory_xact_lock(${TEAM_WRITERS_LOCK}, hashtext(${teamId}))`.execute(trx);
  held.add(teamId);
  heldTeamLocks.set(trx, held);
}

/** Seqs an open SQLite transaction has set aside and not yet given: `next` to `last`. */
interface SeqReservation {
  next: number;
  last: number;
  size: number;
}

const reservedSeqs = new WeakMap<Transaction<Schema>, SeqReservation>();

/** How many seqs a transaction sets aside at first; each further reservation doubles, up to the most. */
const FIRST_RESERVATION = 8;
const MOST_RESERVED = 512;

/**
 * SQLite: the next seq from this transaction's reservation, moving the counter only when the
 * reservation runs out (a push of 100 writes moves it 5 times, not 100). The counter row is
 * updated inside the writing transaction, so SQLite's single writer orders reservations as
 * it orders commits; a reservation dies with its transaction, so seqs it did not give are a
 * gap that no commit fills later (pull pages by `seq >`, and gaps are harmless). Lantern
 * never rolls back to a savepoint, which would undo the counter and keep the reservation.
 */
async function nextSqliteSeq(trx: Transaction<Schema>): Promise<number> {
  const held = reservedSeqs.get(trx);
  if (held !== undefined && held.next <= held.last) return held.next++;
  const size = held === undefined ? FIRST_RESERVATION : Math.min(held.size * 2, MOST_RESERVED);
  const { rows } = await trx.executeQuery<{ value: number }>(CompiledQuery.raw("UPDATE counters SET value = value + ? WHERE name = 'server_seq' RETURNING value", [size]));
  const last = Number(rows[0]?.value);
  if (!Number.isSafeInteger(last)) throw new Error('the server_seq counter is missing');
  reservedSeqs.set(trx, { next: last - size + 2, last, size });
  return last - size + 1;
}

/**
 * The next server sequence number for a write of `teamId`, as a value to write: on
 * PostgreSQL `nextval` itself (taken by the INSERT, once the team's lock is held), so a
 * write is one statement; on SQLite the number. Call only inside the writing transaction.
 */
async function nextSeqValue(trx: Transaction<Schema>, teamId: string): Promise<number | RawBuilder<number>> {
  if (onPostgres(trx)) {
    await lockTeamWriters(trx, teamId);
    return NEXT_SEQ;
  }
  return nextSqliteSeq(trx);
}

/** The highest seq any record holds (0 when there are none): where a horizon past everything goes. */
export async function highestSeq(db: Db): Promise<number> {
  const row = await db.selectFrom('records').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return row?.seq === null || row?.seq === undefined ? 0 : Number(row.seq);
}

/** The field that says when each reported collection's record happened. */
const OCCURRED_AT_FIELD: Readonly<Record<string, string>> = {
  contacts: 'at',
  assessments: 'assessedAt',
  referrals: 'createdAt',
  appointments: 'at',
  consents: 'decidedAt',
  // Calendar days, read as UTC midnight; a report reads them at midday (report.ts).
  nrmReferrals: 'referredOn',
  dutyToNotify: 'notifiedOn',
};

/**
 * What a report selects by, kept beside the encrypted-at-rest-agnostic JSON so a report
 * reads only its period: when the record's event happened (normalised to UTC ISO, so text
 * order is time order on both engines) and whom it is about. Null for a tombstone and for
 * collections reports do not read by time.
 */
export function recordFacts(collection: string, data: Readonly<Record<string, unknown>> | null): { occurred_at: string | null; client_id: string | null } {
  if (data === null) return { occurred_at: null, client_id: null };
  const field = OCCURRED_AT_FIELD[collection];
  const raw = field === undefined ? undefined : data[field];
  const at = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  return { occurred_at: Number.isNaN(at) ? null : new Date(at).toISOString(), client_id: typeof data.clientId === 'string' ? data.clientId : null };
}

/** The row a write stores: the record, its seq to be, and its report facts. */
function recordRow(input: PutRecordInput, seq: number | RawBuilder<number>) {
  const deleted = input.deleted === true;
  const kept = deleted ? null : input.data;
  return {
    collection: input.collection,
    id: input.id,
    team_id: input.teamId,
    seq,
    deleted: deleted ? 1 : 0,
    data: kept === null ? null : JSON.stringify(kept),
    updated_at: input.updatedAt ?? new Date().toISOString(),
    ...recordFacts(input.collection, kept),
  };
}

type RecordRowValues = ReturnType<typeof recordRow>;

/** What a write does when a record (of any team, or a tombstone) already holds its id. */
type OnTaken = 'replace' | 'skip';

function recordWrite(db: Db, row: RecordRowValues, onTaken: OnTaken) {
  const insert = db.insertInto('records').values(row);
  const upsert =
    onTaken === 'skip'
      ? insert.onConflict((oc) => oc.columns(['collection', 'id']).doNothing())
      : insert.onConflict((oc) =>
          oc.columns(['collection', 'id']).doUpdateSet((eb) => ({
            team_id: eb.ref('excluded.team_id'),
            seq: eb.ref('excluded.seq'),
            deleted: eb.ref('excluded.deleted'),
            data: eb.ref('excluded.data'),
            updated_at: eb.ref('excluded.updated_at'),
            occurred_at: eb.ref('excluded.occurred_at'),
            client_id: eb.ref('excluded.client_id'),
          })),
        );
  return upsert.returning('seq');
}

interface CompiledWrite {
  readonly sql: string;
  /** The row's column that gives each parameter, in order. */
  readonly columns: readonly (keyof RecordRowValues)[];
}

/** Per engine and `OnTaken`, the statement every record write of that kind runs. */
const compiledWrites = new Map<string, CompiledWrite>();

/**
 * The SQL of a record write, built by Kysely once per engine and conflict rule and then
 * reused with new values: a push writes thousands of rows of one shape, and building the
 * same statement again for each was a third of its CPU. Kysely compiles it from a row whose
 * every value is its own column's name, so the compiled parameters say which column each is.
 * Kept per engine, not per database: compiling applies the Kysely instance's plugins, and no
 * plugin of Lantern's rewrites these writes (one that did would need its own key here).
 */
function compiledWrite(trx: Transaction<Schema>, row: RecordRowValues, onTaken: OnTaken): CompiledWrite {
  const key = `${onPostgres(trx) ? 'postgres' : 'sqlite'}:${onTaken}`;
  const known = compiledWrites.get(key);
  if (known !== undefined) return known;
  const columns = Object.keys(row) as (keyof RecordRowValues)[];
  const named = Object.fromEntries(columns.map((column) => [column, row[column] === NEXT_SEQ ? NEXT_SEQ : column])) as unknown as RecordRowValues;
  const compiled = recordWrite(trx, named, onTaken).compile();
  const order = compiled.parameters.map((name) => {
    const column = columns.find((c) => c === name);
    if (column === undefined) throw new Error(`a record write has a parameter that is no column: ${String(name)}`);
    return column;
  });
  const write = { sql: compiled.sql, columns: order };
  compiledWrites.set(key, write);
  return write;
}

/** Writes `input` with a fresh seq: the seq, or null when `skip` found the id taken. */
async function writeRecord(trx: Transaction<Schema>, input: PutRecordInput, onTaken: OnTaken): Promise<number | null> {
  const row = recordRow(input, await nextSeqValue(trx, input.teamId));
  const write = compiledWrite(trx, row, onTaken);
  const { rows } = await trx.executeQuery<{ seq: number | string }>(CompiledQuery.raw(write.sql, write.columns.map((column) => row[column])));
  const seq = rows[0]?.seq;
  return seq === undefined ? null : Number(seq);
}

/** Inserts or replaces a record (or a tombstone) with a fresh seq. Returns the seq. */
export async function putRecord(trx: Transaction<Schema>, input: PutRecordInput): Promise<number> {
  const seq = await writeRecord(trx, input, 'replace');
  if (seq === null) throw new Error('a record write returned no seq');
  return seq;
}

/**
 * Inserts a record under an id never used before, in one statement: its seq, or null when
 * any record (of any team, or a tombstone) already holds the id and nothing was written.
 */
export async function insertNewRecord(trx: Transaction<Schema>, input: PutRecordInput): Promise<number | null> {
  return writeRecord(trx, input, 'skip');
}

/**
 * Stores a record of `teamId` again as it is, under a fresh seq, so every device of the
 * team pulls it once more: a device whose local view holds a write the server refused, or
 * a write that lost the merge, is handed the server's version. Nothing happens to a record
 * that does not exist or is another team's. Returns whether it was re-stamped.
 */
export async function restampRecord(trx: Transaction<Schema>, collection: string, id: string, teamId: string): Promise<boolean> {
  const current = await getRecord(trx, collection, id);
  if (current === undefined || current.teamId !== teamId) return false;
  await putRecord(trx, { collection, id, teamId, data: current.data, deleted: current.deleted });
  return true;
}

interface RecordRow {
  collection: string;
  id: string;
  team_id: string;
  seq: number | string;
  deleted: number;
  data: string | null;
  updated_at: string;
}

function toStoredRecord(row: RecordRow): StoredRecord {
  return {
    collection: row.collection,
    id: row.id,
    teamId: row.team_id,
    seq: Number(row.seq),
    deleted: row.deleted === 1,
    data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
    updatedAt: row.updated_at,
  };
}

/** Reads one record, tombstones included; undefined when it never existed. */
export async function getRecord(db: Db, collection: string, id: string): Promise<StoredRecord | undefined> {
  const row = await db
    .selectFrom('records')
    .selectAll()
    .where('collection', '=', collection)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toStoredRecord(row);
}

/**
 * The team's changes after `cursor`, in seq order, limited to `collections`. Ask for one
 * more than a page to learn whether there is more.
 */
export async function listChangesSince(
  db: Db,
  teamId: string,
  cursor: number,
  limit: number,
  collections: readonly string[],
): Promise<StoredRecord[]> {
  if (collections.length === 0) return [];
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('seq', '>', cursor)
    .where('collection', 'in', collections)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toStoredRecord);
}

/** How many of the team's changes in `collections` come after `cursor`. */
export async function countChangesSince(db: Db, teamId: string, cursor: number, collections: readonly string[]): Promise<number> {
  if (collections.length === 0) return 0;
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('team_id', '=', teamId)
    .where('seq', '>', cursor)
    .where('collection', 'in', collections)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Live records of a team's collection whose event happened in [from, to): a report's
 * period, read through the (team, collection, time) index rather than the whole history.
 */
export async function listTeamRecordsBetween(db: Db, teamId: string, collection: string, from: string, to: string): Promise<StoredRecord[]> {
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('collection', '=', collection)
    .where('occurred_at', '>=', new Date(from).toISOString())
    .where('occurred_at', '<', new Date(to).toISOString())
    .where('deleted', '=', 0)
    .execute();
  return rows.map(toStoredRecord);
}

/** Each person's first contact with the team (normalised ISO), from the contacts' index columns. */
export async function firstContactTimes(db: Db, teamId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('records')
    .select((eb) => ['client_id', eb.fn.min('occurred_at').as('first')])
    .where('team_id', '=', teamId)
    .where('collection', '=', 'contacts')
    .where('deleted', '=', 0)
    .where('client_id', 'is not', null)
    .groupBy('client_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.client_id !== null && typeof r.first === 'string' ? [[r.client_id, r.first] as const] : [])));
}

/**
 * Live records of a team's collection whose stored JSON contains `needle` (an id, so it
 * cannot match by accident): e.g. every consent event of one client. A scan of that
 * team's collection, meant for small per-client sets.
 */
export async function listTeamRecordsMentioning(db: Db, teamId: string, collection: string, needle: string): Promise<StoredRecord[]> {
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('collection', '=', collection)
    .where('deleted', '=', 0)
    .where('data', 'like', `%${needle.replace(/[%_\\]/g, '')}%`)
    .execute();
  return rows.map(toStoredRecord);
}

/**
 * Every live record of a team about one person: their own record, each record naming them
 * (through the `client_id` index, one collection at a time) and the review items of theirs.
 */
export async function listLiveRecordsAbout(db: Db, teamId: string, clientId: string, collections: readonly string[]): Promise<StoredRecord[]> {
  const own = await db.selectFrom('records').selectAll().where('collection', '=', 'clients').where('id', '=', clientId).where('team_id', '=', teamId).where('deleted', '=', 0).execute();
  const naming = [];
  for (const collection of collections) {
    naming.push(
      ...(await db.selectFrom('records').selectAll().where('team_id', '=', teamId).where('collection', '=', collection).where('client_id', '=', clientId).where('deleted', '=', 0).execute()),
    );
  }
  const reviews = await listTeamRecordsMentioning(db, teamId, 'reviewItems', clientId);
  return [...own.map(toStoredRecord), ...naming.map(toStoredRecord), ...reviews];
}

const HORIZON_KEY = 'tombstone_horizon';
const teamHorizonKey = (teamId: string) => `${HORIZON_KEY}:${teamId}`;

/**
 * The lowest cursor a device of `teamId` may resume from; older cursors must resync from 0.
 * Each team has its own (tombstones are forgotten team by team), under an organisation-wide
 * one that a restore or an operator may raise for everyone.
 */
export async function getTombstoneHorizon(db: Db, teamId: string): Promise<number> {
  const rows = await db.selectFrom('settings').select('value').where('key', 'in', [HORIZON_KEY, teamHorizonKey(teamId)]).execute();
  return Math.max(0, ...rows.map((r) => Number(r.value)));
}

/** Sets the horizon of one team, or, without `teamId`, the organisation-wide one. */
export async function setTombstoneHorizon(db: Db, horizon: number, teamId?: string): Promise<void> {
  const key = teamId === undefined ? HORIZON_KEY : teamHorizonKey(teamId);
  await db
    .insertInto('settings')
    .values({ key, value: String(horizon) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(horizon) }))
    .execute();
}
