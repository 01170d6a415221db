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

async function push(server: TestServer, session: Session, mutations: Mutation[]): Promise<void> {
  const response = await fetch(`${server.baseUrl}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ deviceId: session.deviceId, schemaVersion: SCHEMA_VERSION, mutations }),
  });
  const body = pushResponseSchema.parse(await response.json());
  if (body.rejections.length > 0) throw new Error(`unexpected rejections: ${JSON.stringify(body.rejections[0])}`);
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
  readonly pushPerSecond: number;
  readonly pushMs: number;
  readonly pushed: number;
  readonly pullPerSecond: number;
  readonly pullMs: number;
  readonly pulledRecords: number;
}

export async function measureSyncThroughput(): Promise<ThroughputFigures> {
  const server = await createTestServer();
  try {
    const writer = await login(server);
    // Warm up the process (JIT, prepared statements) on a separate batch.
    await push(server, writer, clientCreations(writer, 100));

    // Then bring the team to 10,000 records, 100 per push, timed.
    const pushStart = performance.now();
    const firstTimed = writer.nextMutationId;
    while (writer.nextMutationId <= 10_000) await push(server, writer, clientCreations(writer, Math.min(100, 10_001 - writer.nextMutationId)));
    const pushMs = performance.now() - pushStart;
    const pushed = writer.nextMutationId - firstTimed;

    // Pull them all from a fresh device.
    const reader = await login(server);
    const pullStart = performance.now();
    const pulled = await pullAll(server, reader);
    const pullMs = performance.now() - pullStart;

    return {
      pushMs,
      pushed,
      pushPerSecond: pushed / (pushMs / 1000),
      pullMs,
      pulledRecords: pulled,
      pullPerSecond: pulled / (pullMs / 1000),
    };
  } finally {
    await server.close();
  }
}
