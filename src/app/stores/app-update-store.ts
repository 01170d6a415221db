/**
 * A new app version waiting in the service worker. It is applied only when the person
 * says so, and never while a form holds unsaved input or the outbox is not empty, so an
 * update can never interrupt an encounter or lose a change.
 */
import { create } from 'zustand';

interface AppUpdateState {
  /** A new version is installed and waiting. */
  waiting: boolean;
  apply: (() => Promise<void>) | null;
  /** Registers the service worker (production builds only). */
  register: () => Promise<void>;
}

export const useAppUpdateStore = create<AppUpdateState>((set) => ({
  waiting: false,
  apply: null,
  async register() {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const { registerSW } = await import('virtual:pwa-register');
    const updateSW = registerSW({
      immediate: true,
      onNeedRefresh() {
        set({ waiting: true, apply: () => updateSW(true) });
      },
    });
  },
}));

/** How long a sign-in waits, at most, for the app to be stored for offline use. */
const OFFLINE_READY_WAIT_MS = 20_000;

/**
 * Resolves once a service worker is active, i.e. the whole app shell is precached and the
 * app opens with no signal (or after `maxMs`, or at once where there is no service worker).
 * A sign-in waits for it, so "signed in" means "ready to go out of signal".
 */
export async function untilReadyOffline(maxMs = OFFLINE_READY_WAIT_MS): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([navigator.serviceWorker.ready, new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)))]);
  clearTimeout(timer);
}
