/** Plain-language sync status for the status bar. Pure, so it is tested without a DOM. */
import type { SyncStatus } from '../../sync/engine';

export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export interface StatusText {
  readonly headline: string;
  readonly detail: string;
  readonly tone: 'ok' | 'pending' | 'error';
}

/**
 * The status in words. `online` is the browser's own view (navigator.onLine): with no
 * network at all the bar says offline at once, before a sync has tried and failed.
 */
export function describeSyncStatus(status: SyncStatus, now: number, online = true): StatusText {
  const last = status.lastSyncedAt === null ? 'Not synced yet' : `Last synced ${formatAge(now - status.lastSyncedAt)}`;
  const waiting =
    status.pending === 0
      ? null
      : `${status.pending} ${status.pending === 1 ? 'change' : 'changes'} waiting` +
        (status.oldestPendingAt === null ? '' : ` (oldest ${formatAge(now - status.oldestPendingAt)})`);
  if (status.state === 'syncing') return { headline: 'Syncing…', detail: waiting ?? last, tone: 'pending' };
  if (!online || status.state === 'offline') {
    return { headline: waiting ? `Offline — ${waiting}` : 'Offline — everything is saved here', detail: last, tone: 'pending' };
  }
  if (status.state === 'error' && status.lastError) {
    return { headline: `Sync problem: ${status.lastError.message}`, detail: waiting ?? last, tone: 'error' };
  }
  if (waiting) return { headline: waiting, detail: last, tone: 'pending' };
  if (status.lastSyncedAt === null) return { headline: 'Not synced yet', detail: 'The team’s records arrive at the first sync', tone: 'pending' };
  return { headline: 'All changes synced', detail: last, tone: 'ok' };
}
