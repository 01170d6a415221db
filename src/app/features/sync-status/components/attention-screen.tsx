import { useRouteStore } from '../../../stores/route-store';
import { dismissRejectedChange, useRejectedChanges } from '../hooks/use-rejected-changes';

const commandLabels: Record<string, string> = {
  'client.create': 'New client',
  'client.update': 'Profile change',
  'contact.record': 'Contact',
  'assessment.record': 'Assessment',
  'consent.record': 'Consent',
  'note.add': 'Note',
  'safetyAlert.raise': 'Safety alert',
};

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
          {rejected.map(({ entry, command }) => (
            <li key={entry.id} className="card">
              <h2>{commandLabels[entry.name] ?? entry.name}</h2>
              <p className="sync-error">{entry.rejection?.message ?? 'Refused by the server.'}</p>
              <details>
                <summary>What was entered</summary>
                <pre>{JSON.stringify(command.args, null, 2)}</pre>
              </details>
              <div className="button-row">
                <button type="button" onClick={() => void dismissRejectedChange(entry.id)}>
                  Dismiss
                </button>
              </div>
            </li>
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
