/**
 * Background Sync, where the browser has it: after a change is made offline, ask the
 * service worker to wake this page when the connection returns. The worker only wakes the
 * page; the page's own sync engine does the work (case data never leaves the page's
 * encrypted store for a worker queue).
 */
import { afterLocalWrite, syncEngine } from './runtime';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** Listens for the service worker's wake-up call, and asks for one after offline writes. */
export function listenForBackgroundSync(): void {
  if (!('serviceWorker' in navigator)) return;
  afterLocalWrite(() => void requestBackgroundSync());
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (data?.type === 'SYNC_REQUESTED') void syncEngine.syncNow();
  });
}

/** Asks to be woken when the connection returns (ignored where unsupported). */
export async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator) || navigator.onLine) return;
  try {
    const registration = await navigator.serviceWorker.ready;
    const sync = (registration as ServiceWorkerRegistration & { sync?: SyncManagerLike }).sync;
    await sync?.register('lantern-sync');
  } catch {
    // Not permitted or not supported: the page syncs on `online` and on its timer anyway.
  }
}
