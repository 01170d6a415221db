import { useRouteStore } from '../../../stores/route-store';
import { useSyncStatusStore } from '../../../stores/sync-status-store';
import { useWaitingChanges } from '../hooks/use-rejected-changes';
import { ChangeCard } from './change-card';

/** "N changes waiting", opened: what this device holds that the server does not have yet. */
export function WaitingScreen() {
  const waiting = useWaitingChanges();
  const navigate = useRouteStore((s) => s.navigate);
  const syncNow = useSyncStatusStore((s) => s.syncNow);
  const syncing = useSyncStatusStore((s) => s.status.state === 'syncing');
  return (
    <section aria-labelledby="waiting-heading">
      <h1 id="waiting-heading">Waiting to sync</h1>
      <p className="hint">
        These changes are saved, encrypted, on this device. They go to the server, oldest first, the next time it can be reached.
      </p>
      {waiting === undefined ? (
        <p className="empty">Loading…</p>
      ) : waiting.length === 0 ? (
        <p className="empty">Nothing is waiting: the server has every change made here.</p>
      ) : (
        <ol className="list" aria-label="Changes waiting">
          {waiting.map((item) => (
            <ChangeCard key={item.entry.id} item={item} />
          ))}
        </ol>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={syncing} onClick={() => void syncNow()}>
          Sync now
        </button>
        <button type="button" onClick={() => navigate({ screen: 'clients' })}>
          Back to clients
        </button>
      </div>
    </section>
  );
}
