/**
 * The crash soak: the real server process is SIGKILLed at random moments while devices push,
 * and started again; the devices resend whatever was not acknowledged, with the same
 * mutation ids, as the app's outbox does. At the end the server's records are counted by
 * id: every acknowledged write must be there (lost = 0), none applied twice (twice = 0).
 * Run by `npm run bench -- crash` and, with a few kills, by tests/storage/crash-soak.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteFileIn } from '../../src/server/config';
import { openDatabase, type Storage } from '../../src/server/storage/database';
import { createPostgresDatabase } from '../../src/server/testing';
import { signInDevice, type PushingDevice } from './pushing-device';
import { restartableServer, SERVER_ADMIN_PASSWORD, type RestartableServer } from './restartable-server';
import { countWrites } from './write-counts';

export interface CrashSoakOptions {
  readonly kills: number;
  /** PostgreSQL: a fresh database is made beside this URL and dropped afterwards. */
  readonly databaseUrl?: string | undefined;
  readonly devices?: number;
  readonly batch?: number;
}

export interface CrashSoakResult {
  readonly engine: 'sqlite' | 'postgres';
  readonly kills: number;
  /** Kills that landed while at least one push was on the wire. */
  readonly killsDuringPush: number;
  /** Kills that cut a push the server had committed but not yet answered. */
  readonly killsAfterCommit: number;
  readonly acknowledged: number;
  /** Acknowledged writes missing from the server. Must be 0. */
  readonly lost: number;
  /** Writes applied more than once. Must be 0. */
  readonly twice: number;
  /** Writes the server refused; none is expected here. */
  readonly rejected: number;
  /** Writes still unacknowledged when the devices gave up draining. Must be 0. */
  readonly unsent: number;
  readonly failedPushes: number;
  readonly elapsedMs: number;
}

const pause = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));
const between = (low: number, high: number): number => low + Math.random() * (high - low);
/** Per device, so a runaway loop stays bounded whatever happens. */
const MAX_WRITES_PER_DEVICE = 200_000;

interface Place {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  drop(): Promise<void>;
}

/** Where the server keeps its data: a temp SQLite dir, or a new PostgreSQL database. */
async function freshPlace(databaseUrl: string | undefined): Promise<Place> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-crash-soak-'));
  const removeDir = async (): Promise<void> => rmSync(dataDir, { recursive: true, force: true });
  if (databaseUrl === undefined) return { dataDir, databaseUrl: undefined, drop: removeDir };
  const database = await createPostgresDatabase(databaseUrl);
  return {
    dataDir,
    databaseUrl: database.url,
    drop: async () => {
      await database.drop();
      await removeDir();
    },
  };
}

/** Pushes until told to stop writing, then until its outbox is empty or the deadline passes. */
async function deviceLoop(device: PushingDevice, batch: number, stopWriting: () => boolean, deadline: number): Promise<void> {
  let written = 0;
  while (Date.now() < deadline) {
    const writing = !stopWriting() && written < MAX_WRITES_PER_DEVICE;
    if (!writing && device.pending === 0) return;
    if (writing && device.pending < batch) {
      device.write(batch);
      written += batch;
    }
    if (!(await device.push(batch))) await pause(between(10, 60));
  }
}

interface KillCounts {
  readonly duringPush: number;
  readonly afterCommit: number;
}

/** The device whose push is on the wire, waiting for one (bounded). */
async function pushOnTheWire(devices: readonly PushingDevice[]): Promise<PushingDevice | undefined> {
  const waitUntil = Date.now() + 2000;
  for (;;) {
    const busy = devices.find((d) => d.inFlight.length > 0);
    if (busy !== undefined || Date.now() > waitUntil) return busy;
    await pause(1);
  }
}

/** Of the writes a kill cut off, how many the server had committed anyway (read while it is down). */
async function committedOf(place: Place, devices: readonly PushingDevice[], cut: readonly string[]): Promise<number> {
  const settleUntil = Date.now() + 5000;
  while (devices.some((d) => d.inFlight.length > 0) && Date.now() < settleUntil) await pause(5);
  const acknowledged = new Set(devices.flatMap((d) => d.acknowledged));
  const unanswered = cut.filter((id) => !acknowledged.has(id));
  if (unanswered.length === 0) return 0;
  const storage = await openPlace(place);
  const counts = await countWrites(storage, unanswered).finally(() => storage.close());
  return unanswered.length - counts.missing;
}

/**
 * Kills the server `kills` times, each at a random point of a push on the wire (from just
 * sent to a little past its usual answer time), then starts it again. The few kills that
 * fall between a commit and its answer, the case exactly-once exists for, are counted.
 */
async function killer(server: RestartableServer, place: Place, devices: readonly PushingDevice[], kills: number): Promise<KillCounts> {
  let duringPush = 0;
  let afterCommit = 0;
  for (let k = 0; k < kills; k++) {
    await pause(between(150, 700));
    const busy = await pushOnTheWire(devices);
    if (busy !== undefined) await pause(Math.max(0, busy.pushStartedAt + busy.pushMs * between(0, 1.2) - performance.now()));
    const cut = devices.flatMap((d) => d.inFlight);
    if (cut.length > 0) duringPush += 1;
    await server.kill();
    if ((await committedOf(place, devices, cut)) > 0) afterCommit += 1;
    await server.start();
  }
  return { duringPush, afterCommit };
}

async function openPlace(place: Place): Promise<Storage> {
  if (place.databaseUrl !== undefined) return openDatabase({ databaseUrl: place.databaseUrl });
  return openDatabase({ sqliteFile: sqliteFileIn(place.dataDir) });
}

/** Runs the soak; see the module comment. Throws only when it could not run at all. */
export async function runCrashSoak(options: CrashSoakOptions): Promise<CrashSoakResult> {
  const started = performance.now();
  const batch = options.batch ?? 20;
  const place = await freshPlace(options.databaseUrl);
  const server = await restartableServer({ dataDir: place.dataDir, databaseUrl: place.databaseUrl });
  try {
    await server.start();
    const devices: PushingDevice[] = [];
    for (let i = 0; i < (options.devices ?? 3); i++) devices.push(await signInDevice(server.baseUrl, 'admin', SERVER_ADMIN_PASSWORD));
    let stop = false;
    const deadline = Date.now() + options.kills * 15_000 + 60_000;
    const loops = devices.map((d) => deviceLoop(d, batch, () => stop, deadline));
    const killed = await killer(server, place, devices, options.kills).finally(() => (stop = true));
    await Promise.all(loops);
    await server.stop();

    const acknowledged = devices.flatMap((d) => d.acknowledged);
    const rejections = devices.flatMap((d) => d.rejections);
    const storage = await openPlace(place);
    const counts = await countWrites(storage, acknowledged).finally(() => storage.close());
    return {
      engine: place.databaseUrl === undefined ? 'sqlite' : 'postgres',
      kills: options.kills,
      killsDuringPush: killed.duringPush,
      killsAfterCommit: killed.afterCommit,
      acknowledged: acknowledged.length,
      lost: counts.missing,
      twice: counts.twice,
      rejected: rejections.length,
      unsent: devices.reduce((n, d) => n + d.pending, 0),
      failedPushes: devices.reduce((n, d) => n + d.failedPushes, 0),
      elapsedMs: performance.now() - started,
    };
  } finally {
    await server.stop();
    await place.drop();
  }
}
