/**
 * Lantern's service worker (Workbox, injectManifest).
 *
 * - The app shell is precached, so the app opens and reloads with no signal.
 * - Navigations fall back to the precached index.html; /api is never routed, so no API
 *   response ever lands in CacheStorage (case data lives only encrypted in IndexedDB).
 * - A new version waits until the page asks it to take over (the page only asks when no
 *   form is dirty and the outbox is empty).
 * - Background Sync, where the browser has it, only wakes open pages to run their own sync;
 *   case data is never queued here (Workbox's BackgroundSync queue stores plaintext).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

interface WorkerClient {
  postMessage(message: unknown): void;
}
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
  readonly tag?: string;
  readonly data?: unknown;
}
interface ServiceWorkerScope {
  readonly __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
  readonly clients: { matchAll(options: { type: 'window' }): Promise<readonly WorkerClient[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message' | 'sync', listener: (event: ExtendableEventLike) => void): void;
}
declare const self: ServiceWorkerScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api(\/|$)/] }));

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null | undefined;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('sync', (event) => {
  if (event.tag !== 'lantern-sync') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'SYNC_REQUESTED' });
    }),
  );
});
