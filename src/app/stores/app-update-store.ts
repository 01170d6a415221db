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
