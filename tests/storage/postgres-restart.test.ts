/**
 * PostgreSQL restarts (an upgrade, a failover, `systemctl restart`) while devices sync. The
 * real server runs as its own process on a throwaway cluster that this test stops and
 * starts under load. The server must stay up, answer 503 with Retry-After while the
 * database is away (never a 500, never a hang), serve again by itself when it is back, and
 * every push it acknowledged must be on the server exactly once.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresCluster, ShutdownMode } from '../support/postgres-cluster.mjs';
import { findPgBin, startPostgres } from '../support/postgres-cluster.mjs';
import type { ServerProcess } from '../support/server-process';
import { spawnServer } from '../support/server-process';
import type { Answer, HttpDevice } from './http-device';
import { call, pullPage, pushOutbox, signInOverHttp, syncUntil } from './http-device';

const ci = process.env.CI === 'true';
const PASSWORD = 'restart-test-password';
/** Slower than this while the database is away counts as a hang. */
const HANG_LIMIT_MS = 3000;
const RECOVERY_LIMIT_MS = 15_000;

const pgMissing = findPgBin() === null;
if (pgMissing && !ci) {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! PostgreSQL is not installed: the database restart test is SKIPPED.\n${bar}\n`);
}

const pause = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));

// Under CI=true a missing PostgreSQL is not skipped: beforeAll fails.
describe.skipIf(pgMissing && !ci)('a PostgreSQL restart under load', () => {
  let cluster: PostgresCluster | null = null;
  let server: ServerProcess | null = null;

  const running = (): ServerProcess => {
    if (server === null) throw new Error('no server');
    const exit = server.exited();
    if (exit !== null) throw new Error(`the server process exited (${exit.code ?? exit.signal}):\n${server.output()}`);
    return server;
  };
  const db = (): PostgresCluster => {
    if (cluster === null) throw new Error('no cluster');
    return cluster;
  };

  beforeAll(async () => {
    // synchronous_commit stays on: an immediate stop is a crash, and an acknowledged commit
    // must survive it.
    cluster = await startPostgres({ settings: { synchronous_commit: 'on' } });
    if (cluster === null) throw new Error('PostgreSQL is not installed (with CI=true this is a failure, not a skip)');
    server = await spawnServer({ databaseUrl: cluster.url, adminPassword: PASSWORD });
    await server.waitUntilListening(30_000);
  });

  afterAll(async () => {
    await server?.stop();
    await cluster?.destroy().catch(() => undefined);
  });

  /** Waits until every device has had a push acknowledged after `since`. */
  async function recovered(devices: readonly HttpDevice[], since: number): Promise<void> {
    const deadline = Date.now() + RECOVERY_LIMIT_MS;
    while (!devices.every((d) => d.lastPushOkAt > since)) {
      running();
      if (Date.now() > deadline) throw new Error(`pushes did not succeed within ${RECOVERY_LIMIT_MS} ms of the database coming back`);
      await pause(50);
    }
  }

  /** With the database away, every /api route that needs it answers 503 + Retry-After, fast. */
  async function probeWhileAway(device: HttpDevice): Promise<Answer[]> {
    const base = running().baseUrl;
    const token = device.session.token;
    const probes = await Promise.all([
      call(base, 'POST', '/api/auth/login', undefined, { username: 'admin', password: PASSWORD, deviceId: device.session.deviceId }),
      call(base, 'GET', '/api/me', token),
      pullPage(base, device),
      pushOutbox(base, device),
      call(base, 'GET', '/api/users', token),
      call(base, 'GET', '/api/devices', token),
      // Readiness says so too, and a proxy sends requests to another process meanwhile.
      call(base, 'GET', '/api/health/ready'),
    ]);
    for (const probe of probes) {
      expect({ route: probe.route, status: probe.status }).toEqual({ route: probe.route, status: 503 });
      expect(probe.retryAfter, probe.route).toMatch(/^\d+$/);
      expect(probe.ms, probe.route).toBeLessThan(HANG_LIMIT_MS);
    }
    // Liveness is the process's own: alive, so nobody restarts it.
    expect((await call(base, 'GET', '/api/health')).status).toBe(200);
    return probes;
  }

  async function takeAway(mode: ShutdownMode, device: HttpDevice): Promise<Answer[]> {
    await db().shutdown(mode);
    await pause(300);
    const probes = await probeWhileAway(device);
    await pause(700); // the load keeps knocking while the database is away
    await db().start();
    return probes;
  }

  it('stays up, answers 503 while the database is away, recovers, and loses nothing', async () => {
    const base = running().baseUrl;
    const devices = await Promise.all([1, 2, 3, 4].map(() => signInOverHttp(base, 'admin', PASSWORD)));
    const answers: Answer[] = [];
    let stopping = false;
    const load = Promise.all(devices.map((d) => syncUntil(base, d, answers, () => stopping)));
    try {
      await pause(500);
      const disruptions: (() => Promise<unknown>)[] = [
        () => db().restart('fast'),
        () => takeAway('immediate', devices[0]!),
        () => db().restart('immediate'),
        () => takeAway('fast', devices[1]!),
      ];
      for (const disrupt of disruptions) {
        const before = Date.now();
        await disrupt();
        await recovered(devices, before);
      }
    } finally {
      stopping = true;
      await load;
    }
    running();
    expect((await call(base, 'GET', '/api/health/ready')).status).toBe(200);

    // Whatever is still in an outbox goes now that the database is back.
    for (const device of devices) {
      for (let i = 0; i < 20 && device.outbox.length > 0; i++) await pushOutbox(base, device);
      expect(device.outbox).toEqual([]);
    }

    const unexpected = answers.filter((a) => a.status !== 200 && a.status !== 503);
    expect(unexpected.map((a) => `${a.route} ${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
    expect(answers.filter((a) => a.status === 503 && a.retryAfter === null).length).toBe(0);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(HANG_LIMIT_MS * 2);
    expect(answers.some((a) => a.status === 503)).toBe(true);

    const acknowledged = devices.flatMap((d) => d.acknowledged);
    const client = new pg.Client({ connectionString: db().url });
    await client.connect();
    try {
      const stored = await client.query<{ id: string }>(`SELECT id FROM records WHERE collection = 'contacts'`);
      const applied = await client.query<{ record_id: string }>(
        `SELECT record_id FROM audit_log WHERE action = 'contact.record' AND outcome = 'ok'`,
      );
      expect(stored.rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
      expect(applied.rows.map((r) => r.record_id).sort()).toEqual([...acknowledged].sort());
    } finally {
      await client.end();
    }
  }, 50_000);

  it('starts while the database is still away and serves once it is back', async () => {
    await db().shutdown('fast');
    const late = await spawnServer({ databaseUrl: db().url, adminPassword: PASSWORD });
    try {
      await pause(2500);
      expect(late.exited(), late.output()).toBeNull();
      await db().start();
      await late.waitUntilListening(RECOVERY_LIMIT_MS);
      const device = await signInOverHttp(late.baseUrl, 'admin', PASSWORD);
      expect((await pushOutbox(late.baseUrl, device)).status).toBe(200);
    } finally {
      await late.stop();
    }
  }, 40_000);
});
