/**
 * Helpers for the storage suite: which engines to run, and thin wrappers that drive the
 * real app in process (`app.inject`) the way a device would.
 */
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import type { Storage } from '../../src/server/storage/database';
import { encodeHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import type { CommandName } from '../../src/shared/sync/commands';
import type { PullResponse, PushResponse } from '../../src/shared/sync/wire';

export interface Engine {
  readonly name: 'sqlite' | 'postgres';
  readonly databaseUrl: string | undefined;
}

const pgUrl = process.env.LANTERN_TEST_DATABASE_URL;
export const postgresMissing = pgUrl === undefined || pgUrl === '';
export const engines: Engine[] = [
  { name: 'sqlite', databaseUrl: undefined },
  ...(postgresMissing ? [] : [{ name: 'postgres' as const, databaseUrl: pgUrl }]),
];

export interface Session {
  readonly token: string;
  readonly deviceId: string;
  readonly userId: string;
  readonly headers: { authorization: string };
}

export async function signIn(app: FastifyInstance, username: string, password: string, deviceId = uuidv7()): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, deviceId } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ token: string; user: { id: string } }>();
  return { token: body.token, deviceId, userId: body.user.id, headers: { authorization: `Bearer ${body.token}` } };
}

let wall = Date.now();
/** A clock value for `deviceId`, increasing on every call. */
export function nextHlc(deviceId: string): string {
  wall += 1;
  return encodeHlc({ wallMs: wall, counter: 0, deviceId });
}

export interface TestMutation {
  readonly id: number;
  readonly name: string;
  readonly args: unknown;
  readonly hlc: string;
}

export async function push(app: FastifyInstance, session: Session, mutations: TestMutation[]): Promise<{ status: number; body: PushResponse }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: session.headers,
    payload: { deviceId: session.deviceId, schemaVersion: 1, mutations },
  });
  return { status: res.statusCode, body: res.json<PushResponse>() };
}

export async function pull(app: FastifyInstance, session: Session, cursor: number, limit = 500): Promise<{ status: number; body: PullResponse }> {
  const res = await app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${cursor}&limit=${limit}&schemaVersion=1`, headers: session.headers });
  return { status: res.statusCode, body: res.json<PullResponse>() };
}

/** Pulls from `cursor` until `hasMore` is false; returns every change and the final cursor. */
export async function pullAll(app: FastifyInstance, session: Session, cursor = 0): Promise<{ changes: PullResponse['changes']; cursor: number }> {
  const changes: PullResponse['changes'] = [];
  let at = cursor;
  for (;;) {
    const { status, body } = await pull(app, session, at);
    if (status !== 200) throw new Error(`pull failed: ${status}`);
    changes.push(...body.changes);
    at = body.cursor;
    if (!body.hasMore) return { changes, cursor: at };
  }
}

/**
 * Follows a team's changes page by page, as a device does, checking at every page that the
 * cursor only moves forward and every change lies past it. `seen` holds the last seq
 * seen for each `collection/id`.
 */
export function followChanges(app: FastifyInstance, session: Session, start: number) {
  const seen = new Map<string, number>();
  let cursor = start;
  return {
    seen,
    cursor: (): number => cursor,
    /** Takes one page of at most `limit` changes; true when the server has more. */
    async page(limit: number): Promise<boolean> {
      const { status, body } = await pull(app, session, cursor, limit);
      if (status !== 200) throw new Error(`pull failed: ${status}`);
      for (const c of body.changes) {
        if (c.seq <= cursor) throw new Error(`change ${c.collection}/${c.id} at seq ${c.seq} is not past cursor ${cursor}`);
        seen.set(`${c.collection}/${c.id}`, c.seq);
      }
      if (body.cursor < cursor) throw new Error(`the cursor moved back from ${cursor} to ${body.cursor}`);
      cursor = body.cursor;
      return body.hasMore;
    },
  };
}

/** Builds mutations as each device's outbox would number them: ids 1, 2, 3… per device. */
export function mutationsInOrder(): (session: Session, name: CommandName, args: Record<string, unknown>) => TestMutation {
  const nextId = new Map<string, number>();
  return (session, name, args) => {
    const id = (nextId.get(session.deviceId) ?? 0) + 1;
    nextId.set(session.deviceId, id);
    return { id, name, args, hlc: nextHlc(session.deviceId) };
  };
}

export function clientCreate(id: number, session: Session, profile: Record<string, unknown>, clientId = uuidv7()): TestMutation {
  return { id, name: 'client.create', args: { id: clientId, profile }, hlc: nextHlc(session.deviceId) };
}

export function contactRecord(id: number, session: Session, clientId: string | null, extra: Record<string, unknown> = {}): TestMutation {
  const args = {
    id: uuidv7(),
    clientId,
    at: new Date().toISOString(),
    area: 'North',
    kind: 'street',
    supplies: { condoms: 2, needles: 0, naloxone: 0, food: 1, hygienePacks: 0 },
    outcome: 'building_trust',
    ...extra,
  };
  return { id, name: 'contact.record', args, hlc: nextHlc(session.deviceId) };
}

/**
 * The same storage, except that updating a device's watermark — the last write of a push —
 * fails as a PostgreSQL serialization failure would. Everything before it must roll back.
 */
export function failingWatermarkStorage(storage: Storage): Storage {
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (args.node.kind === 'UpdateQueryNode' && JSON.stringify(args.node).includes('last_mutation_id')) {
        throw Object.assign(new Error('could not serialize access (simulated)'), { code: '40001' });
      }
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { ...storage, db: storage.db.withPlugin(plugin) };
}
