import { useEffect, useState, useSyncExternalStore } from 'react';
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
    <aside className="sync-bar" aria-label="Sync status">
      {first && !first.done && (
        <div>
          <label htmlFor="first-sync">
            {first.total === null
              ? `Downloading your team’s records… ${first.pulled.toLocaleString('en-GB')} so far`
              : `Downloading your team’s records — ${first.pulled.toLocaleString('en-GB')} of ${first.total.toLocaleString('en-GB')}`}
          </label>
          {first.total === null ? <progress id="first-sync" /> : <progress id="first-sync" value={first.pulled} max={Math.max(first.total, 1)} />}
          <p className="hint">You can search and record while this runs.</p>
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
            See what is waiting
          </button>
        )}
        {status.rejected > 0 && (
          <button type="button" className="danger" onClick={() => navigate({ screen: 'attention' })}>
            Needs attention ({status.rejected})
          </button>
        )}
        <button type="button" onClick={() => void syncNow()} disabled={status.state === 'syncing'}>
          Sync now
        </button>
      </div>
    </aside>
  );
}
