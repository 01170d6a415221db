import { useId, useState } from 'react';
import type { ClientRecord } from '../../../../shared/domain/client';
import { WindowList } from '../../../components/window-list';
import { useRouteStore } from '../../../stores/route-store';
import { useClientSearch } from '../hooks/use-clients';

function ClientRow({ client }: { client: ClientRecord }) {
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <button type="button" className="list-item" onClick={() => navigate({ screen: 'client', clientId: client.id })}>
      <span>
        {client.alias}
        {(client.safetyFlags?.length ?? 0) > 0 && <span className="tag">safety</span>}
        {client.processingRestricted === true && <span className="tag">do not process</span>}
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
      <h1 id="clients-heading">Clients</h1>
      <label htmlFor="client-search">Search clients</label>
      <input
        id="client-search"
        type="search"
        role="searchbox"
        placeholder="Alias, name or area"
        value={query}
        autoComplete="off"
        aria-controls={clients && clients.length > 0 ? resultsId : undefined}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="button-row">
        <button type="button" className="primary" onClick={() => navigate({ screen: 'client-new' })}>
          Add client
        </button>
        <button type="button" onClick={() => navigate({ screen: 'encounter', clientId: null })}>
          Encounter without a name
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {clients === undefined ? '' : `${clients.length} ${clients.length === 1 ? 'client' : 'clients'}`}
      </p>
      {clients === undefined ? (
        <p className="empty">Opening records…</p>
      ) : clients.length === 0 ? (
        <p className="empty">
          {searching ? 'No client matches. Check the spelling, or add them.' : 'No clients on this device yet.'}
        </p>
      ) : (
        <WindowList items={clients} itemKey={(c) => c.id} renderItem={(c) => <ClientRow client={c} />} label="Clients" id={resultsId} />
      )}
    </section>
  );
}
