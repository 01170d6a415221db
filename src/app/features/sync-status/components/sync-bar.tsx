import { useEffect, useState, useSyncExternalStore } from 'react';
import { formatNumber } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { useRouteStore } from '../../../stores/route-store';
import { useSyncStatusStore } from '../../../stores/sync-status-store';
import { describeSyncStatus } from '../describe-status';

/** Calls `change` whenever the browser goes online or offline. */
function subscribeOnline(change: () => void): () => void {
  window.addEventListener('online', change);
  window.addEventListener('offline', change);
  return () => {
    window.removeEventListener('online', change);
    window.removeEventListener('offline', change);
  };
}

/** Always visible: what is waiting, when the device last synced, any error, and "Sync now". */
export function SyncBar() {
  const status = useSyncStatusStore((s) => s.status);
  const syncNow = useSyncStatusStore((s) => s.syncNow);
  const navigate = useRouteStore((s) => s.navigate);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const text = describeSyncStatus(status, now, online);
  const first = status.firstSync;

  return (
    <aside className="sync-bar" aria-label={t('session.syncBar.label')}>
      {first && !first.done && (
        <div>
          <label htmlFor="first-sync">
            {first.total === null
              ? t('session.syncBar.downloading', { pulled: formatNumber(first.pulled) })
              : t('session.syncBar.downloadingOf', { pulled: formatNumber(first.pulled), total: formatNumber(first.total) })}
          </label>
          {first.total === null ? <progress id="first-sync" /> : <progress id="first-sync" value={first.pulled} max={Math.max(first.total, 1)} />}
          <p className="hint">{t('session.syncBar.keepWorking')}</p>
        </div>
      )}
      <div className="inner">
        <p className="status" role="status" aria-live="polite">
          <strong className={text.tone === 'error' ? 'sync-error' : text.tone === 'ok' ? 'sync-ok' : undefined}>
            {text.headline}
          </strong>
          <span className="hint">{text.detail}</span>
        </p>
        {status.pending > 0 && (
          <button type="button" onClick={() => navigate({ screen: 'waiting' })}>
            {t('session.syncBar.seeWaiting')}
          </button>
        )}
        {status.rejected > 0 && (
          <button type="button" className="danger" onClick={() => navigate({ screen: 'attention' })}>
            {t('session.syncBar.needsAttention', { count: status.rejected })}
          </button>
        )}
        <button type="button" onClick={() => void syncNow()} disabled={status.state === 'syncing'}>
          {t('session.common.syncNow')}
        </button>
      </div>
    </aside>
  );
}
