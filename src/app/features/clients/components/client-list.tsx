import { useId, useState } from 'react';
import type { ClientRecord } from '../../../../shared/domain/client';
import { WindowList } from '../../../components/window-list';
import { useRouteStore } from '../../../stores/route-store';
import { useClientSearch } from '../hooks/use-clients';
import { t } from '../../../i18n/i18n';

function ClientRow({ client }: { client: ClientRecord }) {
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <button type="button" className="list-item" onClick={() => navigate({ screen: 'client', clientId: client.id })}>
      <span>
        {client.alias}
        {(client.safetyFlags?.length ?? 0) > 0 && <span className="tag">{t('clients.list.tagSafety')}</span>}
        {client.processingRestricted === true && <span className="tag">{t('clients.list.tagRestricted')}</span>}
      </span>
      <span className="meta">{(client.usualAreas ?? []).join(', ')}</span>
    </button>
  );
}

/** Find a client as you type: alias, part of a name or an area. */
export function ClientList() {
  const [query, setQuery] = useState('');
  const clients = useClientSearch(query);
  const navigate = useRouteStore((s) => s.navigate);
  const resultsId = useId();
  const searching = query.trim() !== '';

  return (
    <section aria-labelledby="clients-heading">
      <h1 id="clients-heading">{t('clients.list.heading')}</h1>
      <label htmlFor="client-search">{t('clients.list.searchLabel')}</label>
      <input
        id="client-search"
        type="search"
        role="searchbox"
        placeholder={t('clients.list.searchPlaceholder')}
        value={query}
        autoComplete="off"
        aria-controls={clients && clients.length > 0 ? resultsId : undefined}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="button-row">
        <button type="button" className="primary" onClick={() => navigate({ screen: 'client-new' })}>
          {t('clients.list.add')}
        </button>
        <button type="button" onClick={() => navigate({ screen: 'encounter', clientId: null })}>
          {t('clients.list.encounterWithoutName')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {clients === undefined ? '' : t('clients.list.count', { count: clients.length })}
      </p>
      {clients === undefined ? (
        <p className="empty">{t('clients.list.opening')}</p>
      ) : clients.length === 0 ? (
        <p className="empty">
          {searching ? t('clients.list.noMatch') : t('clients.list.empty')}
        </p>
      ) : (
        <WindowList items={clients} itemKey={(c) => c.id} renderItem={(c) => <ClientRow client={c} />} label={t('clients.list.resultsLabel')} id={resultsId} />
      )}
    </section>
  );
}
