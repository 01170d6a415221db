/**
 * Who is signed in on this device, and whether the device is unlocked.
 *
 *   signed-out ──login──▶ unlocked ──lock / idle / quick exit──▶ locked ──unlock──▶ unlocked
 *        ▲                    │                                     │
 *        └──── erased ◀── logout / remote wipe ◀────────────────────┘
 *
 * Unlocking needs only the password and works offline: it unwraps the device's data key
 * (PBKDF2 → AES-GCM) and opens the sealed session. Locking drops the key, the token and the
 * sync engine from memory; every screen that shows a record unmounts.
 */
import { create } from 'zustand';
import type { LoginResponse, SessionUser } from '../../shared/api/auth';
import { exportPendingChanges } from '../db/crypto/export';
import { createDataKey, unwrapDataKey, WrongPasswordError } from '../db/crypto/key-vault';
import { eraseDevice } from '../db/erase';
import { t } from '../i18n/i18n';
import { getDeviceId, readLockInfo, readSession, readWrappedKey, writeLockInfo, writeSession, writeWrappedKey } from '../db/meta';
import { describeUserAgent } from '../components/user-agent';
import { untilReadyOffline } from './app-update-store';
import { ApiError, NetworkError } from '../sync/api-client';
import { outboxSummary } from '../sync/outbox';
import { api, cipher, clientsRepository, db, setCurrentSession, syncEngine } from './runtime';

export type SessionPhase = 'loading' | 'signed-out' | 'choose-password' | 'locked' | 'unlocked' | 'erased';

export interface LogoutOutcome {
  /** Changes that did not reach the server; logout stopped so they are not lost. */
  readonly unsynced: number;
}

const DEFAULT_IDLE_LOCK_MINUTES = 5;

interface SessionState {
  phase: SessionPhase;
  user: SessionUser | null;
  /** The staff username shown on the unlock screen. */
  lockedUsername: string | null;
  idleLockMinutes: number;
  /** Why the device was erased, for the screen shown afterwards. */
  erasedReason: 'logout' | 'revoked' | null;
  restore: () => Promise<void>;
  /**
   * Signs in (needs the network). Throws an Error whose message can be shown. With a
   * temporary password it stops at 'choose-password': nothing is kept on the device yet.
   */
  login: (username: string, password: string, deviceName?: string) => Promise<void>;
  /** After a sign-in with a temporary password: sets the person's own, then finishes signing in. */
  choosePassword: (newPassword: string) => Promise<void>;
  /** Leaves the 'choose-password' step without keeping anything. */
  cancelSignIn: () => Promise<void>;
  /** Unlocks with the password, offline. Throws an Error whose message can be shown. */
  unlock: (password: string) => Promise<void>;
  lock: () => void;
  /** An encrypted file of the changes that have not synced (audited when the server is reachable). */
  exportUnsynced: (password: string) => Promise<Blob>;
  /** Syncs, then erases the device; stops and reports unsynced changes unless told to discard them. */
  logout: (options?: { discardUnsynced?: boolean }) => Promise<LogoutOutcome>;
}

async function requestPersistentStorage(): Promise<void> {
  try {
    await navigator.storage?.persist?.();
  } catch {
    // Not granted or not supported: data still works, the browser may just evict it sooner.
  }
}

function describeLoginError(error: unknown): string {
  if (error instanceof NetworkError) return t('session.store.noConnection');
  if (error instanceof ApiError) {
    if (error.status === 401) return t('session.store.wrongCredentials');
    if (error.status === 429) return t('session.store.tooManyAttempts');
    return error.message;
  }
  return t('session.store.signInFailed');
}

/**
 * Picks up the team's idle-lock setting (a team lead may have changed it) when the server
 * is reachable; offline, the last known setting stays in force.
 */
async function refreshIdleLock(userId: string, username: string): Promise<void> {
  try {
    const { idleLockMinutes } = await api.me();
    await writeLockInfo(db, { userId, username, idleLockMinutes });
    useSessionStore.setState({ idleLockMinutes });
  } catch {
    // Offline or signed out elsewhere: the sync engine reports that.
  }
}

/** Erases the database and the service worker's caches; the app then holds nothing. */
async function eraseEverything(): Promise<void> {
  syncEngine.stop();
  cipher.lock();
  clientsRepository.forget();
  setCurrentSession(null);
  await eraseDevice(db);
  if (typeof caches !== 'undefined') {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
}

/** A sign-in with a temporary password, waiting for the person's own (memory only). */
let firstSignIn: { readonly session: LoginResponse; readonly username: string; readonly password: string } | null = null;

/** Makes the device key from `password`, keeps the session sealed, and opens the app. */
async function finishSignIn(session: LoginResponse, username: string, password: string): Promise<void> {
  // Stored for offline use while the key is made: signed in means ready to lose signal.
  const readyOffline = untilReadyOffline();
  setCurrentSession(session);
  // The team's lock setting, and a new device's first page of records, are asked for
  // while the key is made.
  syncEngine.prefetchFirstPage();
  const idleLock = api.me().then((me) => me.idleLockMinutes, () => DEFAULT_IDLE_LOCK_MINUTES);
  const { key, wrapped } = await createDataKey(password, session.user.id);
  cipher.unlock(key);
  const idleLockMinutes = await idleLock;
  await writeWrappedKey(db, wrapped);
  await writeLockInfo(db, { userId: session.user.id, username, idleLockMinutes });
  await writeSession(db, cipher, session);
  await readyOffline;
  useSessionStore.setState({ phase: 'unlocked', user: session.user, lockedUsername: username, idleLockMinutes });
  syncEngine.start();
  await requestPersistentStorage();
}

export const useSessionStore = create<SessionState>((set, get) => ({
  phase: 'loading',
  user: null,
  lockedUsername: null,
  idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
  erasedReason: null,

  async restore() {
    const info = await readLockInfo(db);
    const wrapped = await readWrappedKey(db);
    if (info == null || wrapped == null) {
      set({ phase: 'signed-out' });
      return;
    }
    set({ phase: 'locked', lockedUsername: info.username, idleLockMinutes: info.idleLockMinutes });
  },

  async login(username, password, deviceName) {
    const deviceId = await getDeviceId(db);
    let session;
    try {
      // The team sees this name on its devices list: the one given, or the browser in words.
      const name = deviceName?.trim() || describeUserAgent(navigator.userAgent);
      session = await api.login({ username, password, deviceId, deviceName: name.slice(0, 80) });
    } catch (error) {
      throw new Error(describeLoginError(error), { cause: error });
    }
    if (session.mustChangePassword === true) {
      // Held in memory only: the device key is made from the password the person chooses.
      firstSignIn = { session, username, password };
      setCurrentSession(session);
      set({ phase: 'choose-password', lockedUsername: username });
      return;
    }
    await finishSignIn(session, username, password);
  },

  async choosePassword(newPassword) {
    const pending = firstSignIn;
    if (pending === null) throw new Error(t('session.store.signInAgainToChoose'));
    try {
      await api.changePassword({ currentPassword: pending.password, newPassword });
    } catch (error) {
      throw new Error(describeLoginError(error), { cause: error });
    }
    firstSignIn = null;
    await finishSignIn({ ...pending.session, mustChangePassword: false }, pending.username, newPassword);
  },

  async cancelSignIn() {
    firstSignIn = null;
    await api.logout().catch(() => undefined);
    setCurrentSession(null);
    set({ phase: 'signed-out', lockedUsername: null });
  },

  async unlock(password) {
    const wrapped = await readWrappedKey(db);
    if (wrapped == null) throw new Error(t('session.store.noAccount'));
    try {
      cipher.unlock(await unwrapDataKey(password, wrapped));
    } catch (error) {
      if (error instanceof WrongPasswordError) throw new Error(t('session.store.wrongPassword'), { cause: error });
      throw error;
    }
    const session = await readSession(db, cipher);
    if (session === null) {
      cipher.lock();
      throw new Error(t('session.store.sessionUnreadable'));
    }
    setCurrentSession(session);
    set({ phase: 'unlocked', user: session.user });
    syncEngine.start();
    void refreshIdleLock(session.user.id, get().lockedUsername ?? session.user.name);
  },

  lock() {
    if (get().phase !== 'unlocked') return;
    syncEngine.stop();
    cipher.lock();
    clientsRepository.forget(); // decrypted search index: never outlives the key
    setCurrentSession(null);
    set({ phase: 'locked', user: null });
  },

  async exportUnsynced(password) {
    const blob = await exportPendingChanges(db, cipher, password);
    await api.auditEvent('export').catch(() => undefined);
    return blob;
  },

  async logout(options = {}) {
    await syncEngine.syncNow().catch(() => undefined);
    const { pending, rejected } = await outboxSummary(db);
    const unsynced = pending + rejected;
    if (unsynced > 0 && options.discardUnsynced !== true) return { unsynced };
    await api.logout().catch(() => undefined);
    await eraseEverything();
    set({ phase: 'erased', user: null, lockedUsername: null, erasedReason: 'logout' });
    return { unsynced: 0 };
  },
}));

// A device revoked by a team lead erases itself the moment the server says so.
syncEngine.onWipe(() => {
  void eraseEverything().then(() =>
    useSessionStore.setState({ phase: 'erased', user: null, lockedUsername: null, erasedReason: 'revoked' }),
  );
});
