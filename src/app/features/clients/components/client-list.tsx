import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState } from 'react';
import type { ClientRecord } from '../../../../shared/domain/client';
import { useRouteStore } from '../../../stores/route-store';
import { useClientSearch } from '../hooks/use-clients';

/** A row's height before it is measured: a button of one tap's height with its areas beneath. */
const ROW_ESTIMATE_PX = 64;

/**
 * The clients, virtualised against the page's scroll: only the rows in view (and a few
 * either side) are in the DOM, so 50,000 clients scroll as smoothly as 50, and a sync that
 * adds thousands does not re-lay out thousands. Each row says its place in the whole list
 * to screen readers.
 */
function ClientRows({ clients, id }: { clients: readonly ClientRecord[]; id: string }) {
  const navigate = useRouteStore((s) => s.navigate);
  const listRef = useRef<HTMLUListElement>(null);
  const virtualizer = useWindowVirtualizer({
    count: clients.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    scrollMargin: listRef.current?.offsetTop ?? 0,
    getItemKey: (index) => clients[index]?.id ?? index,
  });
  return (
    <ul id={id} ref={listRef} className="list virtual-list" aria-label="Clients" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const client = clients[item.index];
        if (client === undefined) return null;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            aria-setsize={clients.length}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            <button type="button" className="list-item" onClick={() => navigate({ screen: 'client', clientId: client.id })}>
              <span>
                {client.alias}
                {(client.safetyFlags?.length ?? 0) > 0 && <span className="tag">safety</span>}
                {client.processingRestricted === true && <span className="tag">do not process</span>}
              </span>
              <span className="meta">{(client.usualAreas ?? []).join(', ')}</span>
            </button>
          </li>
        );
      })}
    </ul>
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
        <ClientRows clients={clients} id={resultsId} />
      )}
    </section>
  );
}
