import { useEffect, useState } from 'react';
import { useRouteStore } from '../../../stores/route-store';
import { useSyncStatusStore } from '../../../stores/sync-status-store';
import { describeSyncStatus } from '../describe-status';

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
  const text = describeSyncStatus(status, now);
  const first = status.firstSync;

  return (
    <aside className="sync-bar" aria-label="Sync status">
      {first && !first.done && (
        <div>
          <label htmlFor="first-sync">Downloading your team&apos;s records… {first.pulled} so far</label>
          <progress id="first-sync" />
        </div>
      )}
      <div className="inner">
        <p className="status" role="status" aria-live="polite">
          <strong className={text.tone === 'error' ? 'sync-error' : text.tone === 'ok' ? 'sync-ok' : undefined}>
            {text.headline}
          </strong>
          <span className="hint">{text.detail}</span>
        </p>
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
