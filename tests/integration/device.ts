/**
 * A simulated device for integration tests: the real database layer, repositories, API
 * client and sync engine on fake-indexeddb, talking to the real server over HTTP. Its
 * network can be cut, and a push's answer can be lost after the server committed it.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { LoginResponse } from '../../src/shared/api/auth';
import { createPassthroughCipher } from '../../src/app/db/cipher';
import { getDeviceId } from '../../src/app/db/meta';
import { createClientsRepository } from '../../src/app/db/repositories/clients';
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
  readonly session: LoginResponse;
  readonly net: DeviceNetwork;
}

export interface DeviceNetwork {
  /** Cuts or restores the network. */
  offline: boolean;
  /** The next push reaches the server, but its answer is lost on the way back. */
  loseNextPushResponse: boolean;
  /** Called after each pull response arrives (before the device applies it). */
  afterPull: (() => Promise<void>) | null;
  /** Every request path the device made, in order. */
  readonly requests: string[];
}

let seq = 0;

export async function createDevice(server: TestServer, user: TestUser, pullLimit?: number): Promise<Device> {
  if (server.baseUrl === undefined) throw new Error('test server is not listening');
  seq += 1;
  const db = new LanternDb(`device-${seq}-${Date.now()}`, { indexedDB, IDBKeyRange });
  const cipher = createPassthroughCipher();
  let token: string | null = null;
  const net: DeviceNetwork = { offline: false, loseNextPushResponse: false, afterPull: null, requests: [] };
  const fetchThroughNetwork: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    net.requests.push(url.pathname);
    if (net.offline) throw new TypeError('Failed to fetch');
    const response = await fetch(input, init);
    if (url.pathname === '/api/sync/push' && net.loseNextPushResponse) {
      net.loseNextPushResponse = false;
      await response.arrayBuffer();
      throw new TypeError('Failed to fetch');
    }
    if (url.pathname === '/api/sync/pull' && net.afterPull) await net.afterPull();
    return response;
  };
  const api = createApiClient({ baseUrl: server.baseUrl, getToken: () => token, fetch: fetchThroughNetwork });
  const session = await api.login({ username: user.username, password: user.password, deviceId: await getDeviceId(db) });
  token = session.token;
  const owner = { userId: session.user.id, teamId: session.user.teamId };
  return {
    db,
    cipher,
    api,
    session,
    net,
    engine: createSyncEngine({ db, cipher, api, getSession: () => owner, locks: null, ...(pullLimit ? { pullLimit } : {}) }),
    clients: createClientsRepository({ db, cipher, getSession: () => owner }),
  };
}

/** Syncs and fails the test unless the cycle succeeded. */
export async function syncOk(device: Device): Promise<void> {
  const result = await device.engine.syncNow();
  if (result.outcome !== 'synced') throw new Error(`sync did not succeed: ${JSON.stringify(result)}`);
}
