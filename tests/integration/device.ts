/**
 * A simulated device for integration tests: the real database layer, repositories, API
 * client and sync engine on fake-indexeddb, talking to the real server over HTTP. Its
 * network can be cut, a push's answer can be lost after the server committed it, a push
 * can be duplicated on the way, and the device can die at a chosen request or while it
 * writes a pull page's cursor. It can run on its own (skewed) wall clock, and it can be
 * restarted on the same IndexedDB after a crash, the way a phone reopens the app.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { LoginResponse } from '../../src/shared/api/auth';
import { createPassthroughCipher } from '../../src/app/db/cipher';
import { getDeviceId } from '../../src/app/db/meta';
import { createClientsRepository } from '../../src/app/db/repositories/clients';
import type { RepositoryDeps } from '../../src/app/db/repositories/repository-deps';
import { LanternDb } from '../../src/app/db/schema';
import { createApiClient } from '../../src/app/sync/api-client';
import { createSyncEngine } from '../../src/app/sync/engine';
import type { TestServer, TestUser } from '../../src/server/testing';

export interface Device {
  readonly db: LanternDb;
  readonly cipher: ReturnType<typeof createPassthroughCipher>;
  readonly api: ReturnType<typeof createApiClient>;
  readonly engine: ReturnType<typeof createSyncEngine>;
  readonly clients: ReturnType<typeof createClientsRepository>;
  /** What every repository of this device is built with (its clock included). */
  readonly repositoryDeps: RepositoryDeps;
  readonly session: LoginResponse;
  readonly net: DeviceNetwork;
  /** The device's wall clock. */
  readonly now: () => number;
}

/** Where a crash strikes a request: before it leaves, or after its answer arrived. */
export type CrashPoint = 'before-send' | 'after-answer';

export interface DeviceNetwork {
  /** Cuts or restores the network. */
  offline: boolean;
  /** The next push reaches the server, but its answer is lost on the way back. */
  loseNextPushResponse: boolean;
  /** The next push reaches the server twice at once; the device sees one answer. */
  duplicateNextPush: boolean;
  /** The device dies at its `requests`-th request from now (1 = the next one). */
  crashAt: { requests: number; point: CrashPoint } | null;
  /** The device dies while writing the next pull page's cursor (its transaction aborts). */
  crashOnCursorWrite: boolean;
  /** Set when the device died; it must be restarted (`restartDevice`) before use. */
  crashed: boolean;
  /** Called after each pull response arrives (before the device applies it). */
  afterPull: (() => Promise<void>) | null;
  /** Every request path the device made, in order. */
  readonly requests: string[];
  /** Every push body the device sent, in order, with the token it carried (for replays). */
  readonly pushes: { readonly body: string; readonly authorization: string }[];
}

/** Thrown inside the device when it dies; the engine sees it as a failed request. */
export class DeviceCrash extends Error {}

export interface DeviceOptions {
  readonly pullLimit?: number;
  /** The device's wall clock; the real one by default. */
  readonly now?: () => number;
  /** The server's origin, asked on every request (a restarted server may move). */
  readonly origin?: () => string;
}

let seq = 0;

export function newDeviceNetwork(): DeviceNetwork {
  return {
    offline: false,
    loseNextPushResponse: false,
    duplicateNextPush: false,
    crashAt: null,
    crashOnCursorWrite: false,
    crashed: false,
    afterPull: null,
    requests: [],
    pushes: [],
  };
}

/** A fresh, empty device database (it creates its own device id). */
export function newDeviceDb(): LanternDb {
  seq += 1;
  return new LanternDb(`device-${seq}-${Date.now()}`, { indexedDB, IDBKeyRange });
}

function crash(net: DeviceNetwork): never {
  net.crashed = true;
  net.crashAt = null;
  throw new DeviceCrash('the device died');
}

/** True when this request is the one the device dies at. */
function strikes(net: DeviceNetwork, point: CrashPoint): boolean {
  if (net.crashAt === null || net.crashAt.point !== point) return false;
  return net.crashAt.requests === 1;
}

function networkFetch(net: DeviceNetwork, origin: () => string): typeof fetch {
  return async (input, init) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(path, origin());
    if (net.crashed) throw new DeviceCrash('a dead device sends nothing');
    net.requests.push(url.pathname);
    if (strikes(net, 'before-send')) crash(net);
    if (net.crashAt !== null) net.crashAt.requests -= 1;
    if (net.offline) throw new TypeError('Failed to fetch');
    const isPush = url.pathname === '/api/sync/push';
    if (isPush && typeof init?.body === 'string') {
      const headers = new Headers(init.headers);
      net.pushes.push({ body: init.body, authorization: headers.get('authorization') ?? '' });
    }
    const send = (): Promise<Response> => fetch(url, init);
    let response: Response;
    if (isPush && net.duplicateNextPush) {
      net.duplicateNextPush = false;
      const [first, second] = await Promise.all([send(), send()]);
      await first.arrayBuffer();
      response = second;
    } else {
      response = await send();
    }
    if (net.crashAt?.requests === 0) {
      await response.arrayBuffer();
      crash(net);
    }
    if (isPush && net.loseNextPushResponse) {
      net.loseNextPushResponse = false;
      await response.arrayBuffer();
      throw new TypeError('Failed to fetch');
    }
    if (url.pathname === '/api/sync/pull' && net.afterPull) await net.afterPull();
    return response;
  };
}

/** Makes the device die (its transaction aborts) when it writes the pull cursor, if armed. */
function installCursorCrash(db: LanternDb, net: DeviceNetwork): void {
  const guard = (key: unknown): void => {
    if (key === 'cursor' && net.crashOnCursorWrite) {
      net.crashOnCursorWrite = false;
      crash(net);
    }
  };
  db.meta.hook('creating', (key) => guard(key));
  db.meta.hook('updating', (_changes, key) => guard(key));
}

/**
 * Builds a device around an open database and a session: API client, sync engine and
 * repositories. Call it again on a reopened database to restart the device after a crash.
 */
export function wireDevice(db: LanternDb, session: LoginResponse, net: DeviceNetwork, options: DeviceOptions & { origin: () => string }): Device {
  const cipher = createPassthroughCipher();
  const now = options.now ?? Date.now;
  installCursorCrash(db, net);
  const api = createApiClient({ baseUrl: '', getToken: () => session.token, fetch: networkFetch(net, options.origin) });
  const owner = { userId: session.user.id, teamId: session.user.teamId };
  const repositoryDeps: RepositoryDeps = { db, cipher, getSession: () => owner, now };
  return {
    db,
    cipher,
    api,
    session,
    net,
    now,
    repositoryDeps,
    engine: createSyncEngine({ db, cipher, api, getSession: () => owner, locks: null, now, ...(options.pullLimit ? { pullLimit: options.pullLimit } : {}) }),
    clients: createClientsRepository(repositoryDeps),
  };
}

/** The same device after a crash: its IndexedDB reopened, a new engine, the same session. */
export function restartDevice(device: Device, options: DeviceOptions & { origin: () => string }): Device {
  const name = device.db.name;
  device.db.close();
  device.net.crashed = false;
  device.net.crashAt = null;
  device.net.crashOnCursorWrite = false;
  return wireDevice(new LanternDb(name, { indexedDB, IDBKeyRange }), device.session, device.net, options);
}

export async function createDevice(server: TestServer, user: TestUser, pullLimit?: number): Promise<Device> {
  const baseUrl = server.baseUrl;
  if (baseUrl === undefined) throw new Error('test server is not listening');
  const db = newDeviceDb();
  const net = newDeviceNetwork();
  const origin = (): string => baseUrl;
  const login = createApiClient({ baseUrl: '', getToken: () => null, fetch: networkFetch(net, origin) });
  const session = await login.login({ username: user.username, password: user.password, deviceId: await getDeviceId(db) });
  return wireDevice(db, session, net, { origin, ...(pullLimit ? { pullLimit } : {}) });
}

/** Syncs and fails the test unless the cycle succeeded. */
export async function syncOk(device: Device): Promise<void> {
  const result = await device.engine.syncNow();
  if (result.outcome !== 'synced') throw new Error(`sync did not succeed: ${JSON.stringify(result)}`);
}
