/** Plain-language sync status for the status bar. Pure, so it is tested without a DOM. */
import { t } from '../../i18n/i18n';
import type { MessageId } from '../../i18n/locales/en';
import type { SyncStatus } from '../../sync/engine';

/** How long ago, as the bar says it: "just now", "5 min ago", "3 h ago", "3 days ago". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('session.status.justNow');
  if (minutes < 60) return t('session.status.minutesAgo', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('session.status.hoursAgo', { count: hours });
  return t('session.status.daysAgo', { count: Math.floor(hours / 24) });
}

/** A sync problem's words, by its code: the device's own, in the person's language. */
const problemWords = {
  offline: 'session.syncProblem.offline',
  unauthorized: 'session.syncProblem.unauthorized',
  upgrade_required: 'session.syncProblem.upgradeRequired',
  rate_limited: 'session.syncProblem.busy',
  unavailable: 'session.syncProblem.unavailable',
  payload_too_large: 'session.syncProblem.tooLarge',
  forbidden: 'session.syncProblem.forbidden',
  device: 'session.syncProblem.device',
} as const satisfies Record<string, MessageId>;

/** Any other code (the server's bad_request, internal, …, or one this version does not know). */
const describeSyncProblem = (code: string): string =>
  t(Object.hasOwn(problemWords, code) ? problemWords[code as keyof typeof problemWords] : 'session.syncProblem.refused');

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
  const last = status.lastSyncedAt === null ? t('session.status.neverSynced') : t('session.status.lastSynced', { age: formatAge(now - status.lastSyncedAt) });
  const waiting =
    status.pending === 0
      ? null
      : status.oldestPendingAt === null
        ? t('session.status.waiting', { count: status.pending })
        : t('session.status.waitingOldest', { count: status.pending, age: formatAge(now - status.oldestPendingAt) });
  if (status.state === 'syncing') return { headline: t('session.status.syncing'), detail: waiting ?? last, tone: 'pending' };
  if (!online || status.state === 'offline') {
    return { headline: waiting ? t('session.status.offlineWaiting', { waiting }) : t('session.status.offlineSaved'), detail: last, tone: 'pending' };
  }
  if (status.state === 'error' && status.lastError) {
    return { headline: t('session.status.problem', { message: describeSyncProblem(status.lastError.code) }), detail: waiting ?? last, tone: 'error' };
  }
  if (waiting) return { headline: waiting, detail: last, tone: 'pending' };
  if (status.lastSyncedAt === null) return { headline: t('session.status.neverSynced'), detail: t('session.status.firstSync'), tone: 'pending' };
  return { headline: t('session.status.allSynced'), detail: last, tone: 'ok' };
}
