import { useState } from 'react';
import { useClientAlias, useClientMatches } from '../hooks/use-quick-contact';

interface ClientPickerProps {
  /** null: anonymous. */
  readonly clientId: string | null;
  readonly onPick: (clientId: string | null) => void;
}

/**
 * Anonymous unless the worker picks someone by alias. Optional and out of the way: most
 * quick contacts are anonymous, and nobody has to give a name to get supplies.
 */
export function ClientPicker({ clientId, onPick }: ClientPickerProps) {
  const [query, setQuery] = useState('');
  const matches = useClientMatches(query);
  const alias = useClientAlias(clientId);

  if (clientId !== null) {
    return (
      <div className="quick-contact-who">
        <p>
          With <strong>{alias ?? 'a client'}</strong>
        </p>
        <button type="button" onClick={() => onPick(null)}>
          Make anonymous
        </button>
      </div>
    );
  }

  return (
    <div className="quick-contact-who">
      <p>
        <strong>Anonymous</strong> <span className="hint">— or find a client by alias</span>
      </p>
      <label htmlFor="quick-contact-client-search">Find client (optional)</label>
      <input
        id="quick-contact-client-search"
        type="search"
        autoComplete="off"
        placeholder="Alias"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() !== '' && matches !== undefined && (
        matches.length === 0 ? (
          <p className="hint">No client matches — the contact stays anonymous.</p>
        ) : (
          <ul className="list" aria-label="Matching clients">
            {matches.map((client) => (
              <li key={client.id}>
                <button
                  type="button"
                  className="list-item"
                  onClick={() => {
                    onPick(client.id);
                    setQuery('');
                  }}
                >
                  <span>{client.alias}</span>{' '}
                  <span className="meta">{(client.usualAreas ?? []).join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
