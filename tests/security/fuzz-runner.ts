/**
 * The fuzzing property, shared by the test (a few hundred bodies per endpoint) and the soak
 * bench (10,000): every hostile body, id or query answers a 4xx — never a 5xx, never a 2xx
 * — and afterwards the database is exactly as before (audit rows and token touch times
 * aside: a refusal may be audited).
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { auditEventRequestSchema, updateTeamRequestSchema, updateUserRequestSchema } from '../../src/shared/api/admin';
import { createUserRequestSchema, loginRequestSchema } from '../../src/shared/api/auth';
import type { Storage } from '../../src/server/storage/database';
import { pullQuerySchema, pushRequestSchema } from '../../src/shared/sync/wire';
import { uuidv7 } from '../../src/shared/ids';
import { garbageFor, garbageId, garbageQuery } from './garbage';
import type { Session, World } from './world';

export interface FuzzTarget {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** A request (url and raw body) for one generated value. */
  readonly requests: fc.Arbitrary<{ url: string; body?: string }>;
}

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
export type FuzzCounts = Record<StatusClass, number> & { total: number; elapsedMs: number; failures: string[] };

function bodyTarget(name: string, method: 'POST' | 'PATCH', url: string, schema: z.ZodType, valid: Record<string, unknown>): FuzzTarget {
  return { name, method, requests: garbageFor(schema, valid).map((body) => ({ url, body })) };
}

/** Every endpoint that takes a body, a path id or a query, with its valid shape. */
export function fuzzTargets(world: World, session: Session): FuzzTarget[] {
  const target = world.teams.own.target;
  const validName = { name: 'Someone' };
  return [
    bodyTarget('POST /api/auth/login', 'POST', '/api/auth/login', loginRequestSchema, { username: 'admin', password: 'x', deviceId: uuidv7() }),
    bodyTarget('POST /api/sync/push', 'POST', '/api/sync/push', pushRequestSchema, { deviceId: session.deviceId, schemaVersion: 1, mutations: [] }),
    bodyTarget('POST /api/users', 'POST', '/api/users', createUserRequestSchema, { username: 'fuzz.user', name: 'Fuzz', role: 'outreach_worker', password: 'a-long-password' }),
    bodyTarget('PATCH /api/users/:id', 'PATCH', `/api/users/${target.id}`, updateUserRequestSchema, validName),
    bodyTarget('PATCH /api/team', 'PATCH', '/api/team', updateTeamRequestSchema, { idleLockMinutes: 5 }),
    bodyTarget('POST /api/audit/events', 'POST', '/api/audit/events', auditEventRequestSchema, { action: 'lock' }),
    { name: 'PATCH /api/users/:id (id)', method: 'PATCH', requests: garbageId.map((id) => ({ url: `/api/users/${encodeURIComponent(id)}`, body: JSON.stringify(validName) })) },
    { name: 'POST /api/devices/:id/revoke (id)', method: 'POST', requests: garbageId.map((id) => ({ url: `/api/devices/${encodeURIComponent(id)}/revoke` })) },
    {
      name: 'GET /api/sync/pull (query)',
      method: 'GET',
      requests: garbageQuery.filter((q) => !pullQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(q))).success).map((q) => ({ url: `/api/sync/pull?${q}` })),
    },
  ];
}

const classOf = (status: number): StatusClass => (status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : '2xx');

/** Runs `runs` hostile requests against each target; counts answers by class. */
export async function fuzzEndpoints(world: World, session: Session, runs: number): Promise<FuzzCounts> {
  const counts: FuzzCounts = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, total: 0, elapsedMs: 0, failures: [] };
  const started = performance.now();
  for (const target of fuzzTargets(world, session)) {
    const property = fc.asyncProperty(target.requests, async ({ url, body }) => {
      const res = await world.inject({
        method: target.method,
        url,
        headers: { ...session.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { payload: body } : {}),
      });
      counts[classOf(res.statusCode)] += 1;
      counts.total += 1;
      return res.statusCode >= 400 && res.statusCode < 500;
    });
    const result = await fc.check(property, { numRuns: runs, endOnFailure: true });
    if (result.failed) counts.failures.push(`${target.name}: ${fc.defaultReportMessage(result) ?? 'failed'}`.slice(0, 2000));
  }
  counts.elapsedMs = Math.round(performance.now() - started);
  return counts;
}

/** The state that garbage must never change. */
export async function snapshotDatabase(storage: Storage): Promise<string> {
  const { db } = storage;
  const tables = {
    records: await db.selectFrom('records').selectAll().orderBy('collection').orderBy('id').execute(),
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    devices: await db.selectFrom('devices').selectAll().orderBy('id').execute(),
    teams: await db.selectFrom('teams').selectAll().orderBy('id').execute(),
    tokens: await db.selectFrom('tokens').select(['token_hash', 'device_id', 'user_id', 'created_at', 'expires_at']).orderBy('token_hash').execute(),
    rejections: await db.selectFrom('rejections').selectAll().orderBy('device_id').orderBy('mutation_id').execute(),
    counters: await db.selectFrom('counters').selectAll().orderBy('name').execute(),
  };
  return JSON.stringify(tables);
}
