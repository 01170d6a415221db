/**
 * Sync throughput through the real server on SQLite, over real HTTP: pushing 9,900
 * client creations (pushes of 100, after one to warm up) and pulling 10,000 records
 * (pages of 500).
 */
import { encodeHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import { loginResponseSchema } from '../../src/shared/api/auth';
import { pullResponseSchema, pushResponseSchema, SCHEMA_VERSION, type Mutation } from '../../src/shared/sync/wire';
import { createTestServer, type TestServer } from '../../src/server/testing';

interface Session {
  readonly token: string;
  readonly deviceId: string;
  nextMutationId: number;
}

async function login(server: TestServer): Promise<Session> {
  const user = await server.createUser('outreach_worker');
  const deviceId = uuidv7();
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password, deviceId }),
  });
  const { token } = loginResponseSchema.parse(await response.json());
  return { token, deviceId, nextMutationId: 1 };
}

function clientCreations(session: Session, count: number): Mutation[] {
  return Array.from({ length: count }, () => {
    const id = session.nextMutationId++;
    return {
      id,
      name: 'client.create',
      args: { id: uuidv7(), profile: { alias: `Client ${id}`, usualAreas: ['Docks'], pronouns: 'she/her' } },
      hlc: encodeHlc({ wallMs: Date.now(), counter: id, deviceId: session.deviceId }),
    };
  });
}

/** The body of a push of `mutations`, made before any timing starts: the figure is the server's. */
const pushBody = (session: Session, mutations: Mutation[]): string => JSON.stringify({ deviceId: session.deviceId, schemaVersion: SCHEMA_VERSION, mutations });

async function push(server: TestServer, session: Session, body: string): Promise<void> {
  const response = await fetch(`${server.baseUrl}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body,
  });
  const answer = pushResponseSchema.parse(await response.json());
  if (answer.rejections.length > 0) throw new Error(`unexpected rejections: ${JSON.stringify(answer.rejections[0])}`);
}

async function pullAll(server: TestServer, session: Session): Promise<number> {
  let cursor = 0;
  let records = 0;
  for (;;) {
    const response = await fetch(
      `${server.baseUrl}/api/sync/pull?cursor=${cursor}&limit=500&schemaVersion=${SCHEMA_VERSION}`,
      { headers: { authorization: `Bearer ${session.token}` } },
    );
    const page = pullResponseSchema.parse(await response.json());
    records += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) return records;
  }
}

export interface ThroughputFigures {
  /** The median of the runs' push rates. */
  readonly pushPerSecond: number;
  /** Each run's push rate, in the order run. */
  readonly pushRuns: readonly number[];
  readonly pushed: number;
  readonly pullPerSecond: number;
  readonly pullMs: number;
  readonly pulledRecords: number;
}

/** How many times the push is measured, each on a new server: one run on a shared machine is noise. */
const PUSH_RUNS = 3;

interface PushRun {
  readonly pushed: number;
  readonly perSecond: number;
  /** What the run leaves, for the pull to read: its server and the team's 10,000 records. */
  readonly server: TestServer;
}

/** One push run on a new server: a warm-up push, then the team brought to 10,000 records, 100 per push. */
async function measurePush(): Promise<PushRun> {
  const server = await createTestServer();
  try {
    const writer = await login(server);
    // Warm up the process (JIT, prepared statements) on a separate batch.
    await push(server, writer, pushBody(writer, clientCreations(writer, 100)));
    // The device's side (ids, clocks, JSON) is made first, so the time is what the server and HTTP take.
    const firstTimed = writer.nextMutationId;
    const bodies: string[] = [];
    while (writer.nextMutationId <= 10_000) bodies.push(pushBody(writer, clientCreations(writer, Math.min(100, 10_001 - writer.nextMutationId))));
    const start = performance.now();
    for (const body of bodies) await push(server, writer, body);
    const ms = performance.now() - start;
    const pushed = writer.nextMutationId - firstTimed;
    return { pushed, perSecond: pushed / (ms / 1000), server };
  } catch (error) {
    await server.close();
    throw error;
  }
}

export async function measureSyncThroughput(): Promise<ThroughputFigures> {
  const runs: PushRun[] = [];
  try {
    for (let i = 0; i < PUSH_RUNS; i++) {
      const run = await measurePush();
      runs.push(run);
      if (i < PUSH_RUNS - 1) await run.server.close();
    }
    const last = runs.at(-1);
    if (last === undefined) throw new Error('no push run');
    // Pull the last run's records from a fresh device.
    const reader = await login(last.server);
    const pullStart = performance.now();
    const pulled = await pullAll(last.server, reader);
    const pullMs = performance.now() - pullStart;
    const rates = runs.map((r) => r.perSecond);
    return {
      pushPerSecond: [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)] ?? 0,
      pushRuns: rates,
      pushed: last.pushed,
      pullMs,
      pulledRecords: pulled,
      pullPerSecond: pulled / (pullMs / 1000),
    };
  } finally {
    await runs.at(-1)?.server.close();
  }
}
