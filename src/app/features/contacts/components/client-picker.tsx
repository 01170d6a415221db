import { useState } from 'react';
import { t } from '../../../i18n/i18n';
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
          {t('contacts.picker.with')} <strong>{alias ?? t('contacts.picker.aClient')}</strong>
        </p>
        <button type="button" onClick={() => onPick(null)}>
          {t('contacts.picker.makeAnonymous')}
        </button>
      </div>
    );
  }

  return (
    <div className="quick-contact-who">
      <p>
        <strong>{t('contacts.picker.anonymous')}</strong> <span className="hint">{t('contacts.picker.orFind')}</span>
      </p>
      <label htmlFor="quick-contact-client-search">{t('contacts.picker.search')}</label>
      <input
        id="quick-contact-client-search"
        type="search"
        autoComplete="off"
        placeholder={t('contacts.picker.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() !== '' && matches !== undefined && (
        matches.length === 0 ? (
          <p className="hint">{t('contacts.picker.noMatch')}</p>
        ) : (
          <ul className="list" aria-label={t('contacts.picker.matchesLabel')}>
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
