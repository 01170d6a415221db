/**
 * The app's composition root: one database, cipher, API client, sync engine and set of
 * repositories per page. Everything the UI reads or writes goes through these.
 *
 * The bearer token and the signed-in user live here in memory (and sealed in the
 * database's meta table for offline reloads), never in the DOM or localStorage.
 */
import type { LoginResponse } from '../../shared/api/auth';
import { createPassthroughCipher } from '../db/cipher';
import { createClientsRepository } from '../db/repositories/clients';
import { LanternDb } from '../db/schema';
import { createApiClient } from '../sync/api-client';
import { createSyncEngine } from '../sync/engine';
import type { OverlaySession } from '../sync/pending-overlay';

let current: LoginResponse | null = null;

export const db = new LanternDb();
/** Until encryption at rest lands, the seam passes values through unchanged. */
export const cipher = createPassthroughCipher();
export const api = createApiClient({ getToken: () => current?.token ?? null });

function overlaySession(): OverlaySession | null {
  return current === null ? null : { userId: current.user.id, teamId: current.user.teamId };
}

function requireSession(): OverlaySession {
  const session = overlaySession();
  if (session === null) throw new Error('Sign in first.');
  return session;
}

export const syncEngine = createSyncEngine({ db, cipher, api, getSession: overlaySession });

export const clientsRepository = createClientsRepository({
  db,
  cipher,
  getSession: requireSession,
  onLocalWrite: () => {
    syncEngine.notifyLocalWrite();
    onLocalWriteHooks.forEach((hook) => hook());
  },
});

const onLocalWriteHooks: Array<() => void> = [];

/** Runs `hook` after every local write (besides scheduling a sync). */
export function afterLocalWrite(hook: () => void): void {
  onLocalWriteHooks.push(hook);
}

/** Sets the session the API client and repositories use. */
export function setCurrentSession(session: LoginResponse | null): void {
  current = session;
}
