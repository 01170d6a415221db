/**
 * Kysely table types. Both engines store the same shapes: booleans as 0/1 integers, times as
 * ISO-8601 UTC text (fixed width, so text order is time order), JSON as text. BIGINT columns
 * come back from `pg` as strings, so they are typed `number | string` here and every store
 * converts them with Number() before they leave the storage layer.
 */
import type { ColumnType, Generated } from 'kysely';

/** A BIGINT column: written as a number, read as number (SQLite) or string (PostgreSQL). */
export type BigIntColumn = ColumnType<number | string, number | undefined, number>;
/** 0 or 1. */
export type BoolColumn = number;

export interface TeamsTable {
  id: string;
  name: string;
  idle_lock_minutes: number;
  created_at: string;
}

export interface UsersTable {
  id: string;
  team_id: string;
  username: string;
  name: string;
  role: string;
  admin: BoolColumn;
  active: BoolColumn;
  password_hash: string;
  created_at: string;
  /** 1 while the password is a temporary one a team lead handed over. */
  must_change_password: BoolColumn;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  name: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  last_mutation_id: BigIntColumn;
  scope_key: string | null;
  /** The last clock admitted from this device (hlc.ts `admitHlc`); null before its first write. */
  last_hlc: string | null;
  /** The tombstone horizon when this device last pulled from cursor 0; null before then. */
  pull_horizon: ColumnType<number | string | null, number | null | undefined, number | null>;
  /** What the device said it still held at its last sync; null before it first said. */
  waiting_changes: ColumnType<number | null, number | null | undefined, number | null>;
  attention_changes: ColumnType<number | null, number | null | undefined, number | null>;
  reported_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TokensTable {
  token_hash: string;
  device_id: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
  expires_at: string;
}

export interface RecordsTable {
  collection: string;
  id: string;
  team_id: string;
  seq: BigIntColumn;
  deleted: BoolColumn;
  data: string | null;
  updated_at: string;
  /** When what the record tells of happened (records-store.ts `recordFacts`), normalised ISO; for reports. */
  occurred_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The person the record is about, when it names one; for reports. */
  client_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CountersTable {
  name: string;
  value: BigIntColumn;
}

export interface RejectionsTable {
  device_id: string;
  mutation_id: BigIntColumn;
  name: string;
  code: string;
  message: string;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  device_id: string | null;
  action: string;
  collection: string | null;
  record_id: string | null;
  outcome: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** Rate-limit counters per hashed limiter key (rate-limits-store.ts). */
export interface RateLimitsTable {
  key_hash: string;
  window_start: string;
  expires_at: string;
  hits: number;
}

/** A request to erase a person (services/erasure.ts): ids and times only. */
export interface ErasureRequestsTable {
  id: string;
  team_id: string;
  client_id: string;
  status: string;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  /** How many records the erasure tombstoned and anonymised (JSON), once erased. */
  counts: string | null;
}

export interface Schema {
  teams: TeamsTable;
  users: UsersTable;
  devices: DevicesTable;
  tokens: TokensTable;
  records: RecordsTable;
  counters: CountersTable;
  rejections: RejectionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  rate_limits: RateLimitsTable;
  erasure_requests: ErasureRequestsTable;
}
