/**
 * Many devices syncing at once against the real server process(es) on one PostgreSQL, over
 * real HTTP: each device writes a batch of new clients, pushes it, pulls what its team wrote
 * since its cursor, and goes round again until the time is up. Devices are spread over the
 * server processes in turn, as a reverse proxy would spread them.
 *
 * Reports push latency (p50, p95, p99) and write throughput (acknowledged mutations per
 * second), and what limited it: how often a busy database session was waiting on a lock
 * (sampled from pg_stat_activity), and how busy the machine's CPUs were (/proc/stat).
 * Run by `npm run bench -- concurrency`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/server/storage/database';
import { insertTeam } from '../../src/server/storage/users-store';
import pg from 'pg';
import { login } from '../../src/server/services/auth-service';
import { buildUser, insertUserWithRecord } from '../../src/server/services/users-service';
import { createPostgresDatabase } from '../../src/server/testing';
import { uuidv7 } from '../../src/shared/ids';
import { pullResponseSchema, SCHEMA_VERSION } from '../../src/shared/sync/wire';
import { pushingDevice, type PushingDevice } from './pushing-device';
import { restartableServer, type RestartableServer } from './restartable-server';

export interface ConcurrencyOptions {
  /** A PostgreSQL URL: a fresh database is made beside it and dropped afterwards. */
  readonly databaseUrl: string;
  readonly processes: number;
  readonly teams: number;
  readonly devicesPerTeam: number;
  /** New clients per push. */
  readonly batch: number;
  readonly durationMs: number;
}

export interface ConcurrencyResult {
  readonly options: ConcurrencyOptions;
  readonly pushes: number;
  readonly mutations: number;
  readonly pulls: number;
  readonly elapsedMs: number;
  readonly mutationsPerSecond: number;
  readonly push: { readonly p50: number; readonly p95: number; readonly p99: number };
  /** Of the database sessions found busy, the share waiting on a lock (row or advisory). */
  readonly lockWaitShare: number;
  /** The machine's CPUs busy over the run (0–1), or NaN where /proc/stat is missing. */
  readonly cpuBusy: number;
}

/** Total and idle CPU time so far, from /proc/stat's first line. */
function cpuTimes(): { total: number; idle: number } | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { total: fields.reduce((a, b) => a + b, 0), idle };
  } catch {
    return null;
  }
}

/** Samples the database's sessions every 100 ms until stopped: busy ones, and those waiting on a lock. */
function sampleLockWaits(databaseUrl: string): { stop(): Promise<number> } {
  const client = new pg.Client({ connectionString: databaseUrl });
  let busy = 0;
  let waiting = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ busy: string; waiting: string }>(
        `SELECT count(*) FILTER (WHERE state = 'active') AS busy, count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'Lock') AS waiting
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      busy += Number(rows[0]?.busy ?? 0);
      waiting += Number(rows[0]?.waiting ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return busy === 0 ? 0 : waiting / busy;
    },
  };
}

const PASSWORD = 'concurrency-bench-password-1';

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface SignedIn {
  readonly deviceId: string;
  readonly token: string;
}

/**
 * Teams and one worker per device, written straight to the database (one password hash for
 * all), each signed in on a device of its own through the sign-in service: the sign-in
 * route's per-address limit rightly stops a hundred sign-ins from one address.
 */
async function seedTeams(databaseUrl: string, teams: number, devicesPerTeam: number): Promise<SignedIn[]> {
  const storage = await openDatabase({ databaseUrl });
  try {
    const template = await buildUser({ teamId: 'none', username: 'template', name: 'Template', role: 'outreach_worker', admin: false, password: PASSWORD }, Date.now());
    const signedIn: SignedIn[] = [];
    for (let t = 0; t < teams; t++) {
      const teamId = uuidv7();
      await insertTeam(storage.db, { id: teamId, name: `Team ${t + 1}`, idleLockMinutes: 5, createdAt: new Date().toISOString() });
      for (let d = 0; d < devicesPerTeam; d++) {
        const username = `bench-${t + 1}-${d + 1}`;
        await storage.db.transaction().execute((trx) => insertUserWithRecord(trx, { ...template, id: uuidv7(), teamId, username, name: `Worker ${t + 1}.${d + 1}` }));
        const deviceId = uuidv7();
        const { token } = await login(storage, { username, password: PASSWORD, deviceId }, Date.now());
        signedIn.push({ deviceId, token });
      }
    }
    return signedIn;
  } finally {
    await storage.close();
  }
}

/** Pulls every page after `cursor`; returns the new cursor. */
async function pullSince(baseUrl: string, device: PushingDevice, cursor: number): Promise<number> {
  let at = cursor;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/sync/pull?cursor=${at}&limit=1000&schemaVersion=${SCHEMA_VERSION}`, { headers: { authorization: `Bearer ${device.token}` } });
    if (!response.ok) throw new Error(`pull answered ${response.status}: ${await response.text()}`);
    const page = pullResponseSchema.parse(await response.json());
    at = page.cursor;
    if (!page.hasMore) return at;
  }
}

/** Runs the load; see the module comment. */
export async function measureConcurrentDevices(options: ConcurrencyOptions): Promise<ConcurrencyResult> {
  const database = await createPostgresDatabase(options.databaseUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-concurrency-'));
  const servers: RestartableServer[] = [];
  try {
    for (let i = 0; i < options.processes; i++) {
      const server = await restartableServer({ dataDir, databaseUrl: database.url });
      await server.start(); // one after another: the first migrates and bootstraps
      servers.push(server);
    }
    const signedIn = await seedTeams(database.url, options.teams, options.devicesPerTeam);
    const devices: { device: PushingDevice; baseUrl: string; cursor: number }[] = [];
    for (const [i, { deviceId, token }] of signedIn.entries()) {
      const baseUrl = servers[i % servers.length]?.baseUrl ?? '';
      const device = pushingDevice(baseUrl, token, deviceId);
      devices.push({ device, baseUrl, cursor: await pullSince(baseUrl, device, 0) });
    }

    const latencies: number[] = [];
    let pulls = 0;
    const locks = sampleLockWaits(database.url);
    const cpuBefore = cpuTimes();
    const started = performance.now();
    const end = started + options.durationMs;
    await Promise.all(
      devices.map(async (d) => {
        while (performance.now() < end) {
          d.device.write(options.batch);
          const sent = performance.now();
          if (!(await d.device.push(options.batch))) throw new Error('a push went unanswered');
          latencies.push(performance.now() - sent);
          d.cursor = await pullSince(d.baseUrl, d.device, d.cursor);
          pulls += 1;
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    const cpuAfter = cpuTimes();
    const lockWaitShare = await locks.stop();
    const cpuBusy = cpuBefore === null || cpuAfter === null ? Number.NaN : 1 - (cpuAfter.idle - cpuBefore.idle) / (cpuAfter.total - cpuBefore.total);
    const rejected = devices.reduce((n, d) => n + d.device.rejections.length, 0);
    if (rejected > 0) throw new Error(`${rejected} writes were refused`);
    const mutations = devices.reduce((n, d) => n + d.device.acknowledged.length, 0);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      options,
      pushes: latencies.length,
      mutations,
      pulls,
      elapsedMs,
      mutationsPerSecond: (mutations / elapsedMs) * 1000,
      push: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) },
      lockWaitShare,
      cpuBusy,
    };
  } finally {
    for (const server of servers) await server.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
