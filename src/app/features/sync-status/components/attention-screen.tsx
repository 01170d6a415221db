import { useRouteStore } from '../../../stores/route-store';
import { dismissRejectedChange, useRejectedChanges } from '../hooks/use-rejected-changes';
import { ChangeCard } from './change-card';

/** Changes the server refused: shown with their data, removed only by a person. */
export function AttentionScreen() {
  const rejected = useRejectedChanges();
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <section aria-labelledby="attention-heading">
      <h1 id="attention-heading">Needs attention</h1>
      <p className="hint">
        The server refused these changes. They stay here, with what was entered, until you have dealt with them.
      </p>
      {rejected === undefined ? (
        <p className="empty">Loading…</p>
      ) : rejected.length === 0 ? (
        <p className="empty">Nothing needs attention.</p>
      ) : (
        <ul className="list" aria-label="Refused changes">
          {rejected.map((item) => (
            <ChangeCard key={item.entry.id} item={item}>
              <p className="sync-error">{item.entry.rejection?.message ?? 'Refused by the server.'}</p>
              <div className="button-row">
                <button type="button" onClick={() => void dismissRejectedChange(item.entry.id)}>
                  Dismiss
                </button>
              </div>
            </ChangeCard>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" onClick={() => navigate({ screen: 'clients' })}>
          Back to clients
        </button>
      </div>
    </section>
  );
}
