/**
 * Who is signed in on this device. Restored from the database at start so the app opens
 * with no signal; login needs the network once, then everything works offline.
 */
import { create } from 'zustand';
import type { SessionUser } from '../../shared/api/auth';
import { getDeviceId, readSession, writeSession } from '../db/meta';
import { eraseDevice } from '../db/erase';
import { ApiError, NetworkError } from '../sync/api-client';
import { outboxSummary } from '../sync/outbox';
import { api, cipher, db, setCurrentSession, syncEngine } from './runtime';

export type SessionPhase = 'loading' | 'signed-out' | 'signed-in';

export interface LogoutOutcome {
  /** Changes that did not reach the server; logout stopped so they are not lost. */
  readonly unsynced: number;
}

interface SessionState {
  phase: SessionPhase;
  user: SessionUser | null;
  /** Restores a stored session, if any. */
  restore: () => Promise<void>;
  /** Signs in (needs the network). Throws an Error whose message can be shown. */
  login: (username: string, password: string) => Promise<void>;
  /**
   * Syncs, then erases everything on the device. With unsynced changes it stops and
   * reports them unless `discardUnsynced` is set.
   */
  logout: (options?: { discardUnsynced?: boolean }) => Promise<LogoutOutcome>;
}

async function requestPersistentStorage(): Promise<void> {
  try {
    await navigator.storage?.persist?.();
  } catch {
    // Not granted or not supported: data still works, the browser may just evict it sooner.
  }
}

/** Erases the database and the service worker's caches, then reloads to a clean start. */
export async function eraseAndReload(): Promise<void> {
  syncEngine.stop();
  setCurrentSession(null);
  await eraseDevice(db);
  if (typeof caches !== 'undefined') {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
  location.replace('/');
}

function describeLoginError(error: unknown): string {
  if (error instanceof NetworkError) return 'No connection. Signing in needs signal once; then Lantern works offline.';
  if (error instanceof ApiError) {
    if (error.status === 401) return 'That username and password do not match.';
    if (error.status === 429) return 'Too many attempts. Wait a minute and try again.';
    return error.message;
  }
  return 'Signing in failed. Try again.';
}

export const useSessionStore = create<SessionState>((set) => ({
  phase: 'loading',
  user: null,

  async restore() {
    const session = await readSession(db, cipher);
    setCurrentSession(session);
    if (session === null) {
      set({ phase: 'signed-out', user: null });
      return;
    }
    set({ phase: 'signed-in', user: session.user });
    syncEngine.start();
  },

  async login(username, password) {
    const deviceId = await getDeviceId(db);
    let session;
    try {
      session = await api.login({ username, password, deviceId, deviceName: navigator.userAgent.slice(0, 80) });
    } catch (error) {
      throw new Error(describeLoginError(error), { cause: error });
    }
    await writeSession(db, cipher, session);
    setCurrentSession(session);
    set({ phase: 'signed-in', user: session.user });
    await requestPersistentStorage();
    syncEngine.start();
  },

  async logout(options = {}) {
    await syncEngine.syncNow().catch(() => undefined);
    const { pending, rejected } = await outboxSummary(db);
    const unsynced = pending + rejected;
    if (unsynced > 0 && options.discardUnsynced !== true) return { unsynced };
    await api.logout().catch(() => undefined);
    await eraseAndReload();
    return { unsynced: 0 };
  },
}));

// A device revoked by a team lead erases itself the moment the server says so.
syncEngine.onWipe(() => {
  void eraseAndReload();
});
