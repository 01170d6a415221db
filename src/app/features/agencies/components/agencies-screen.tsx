import { useState } from 'react';
import { filterAgencies, noAgencyFilters, type AgencyFilters } from '../../../components/agency-filters';
import { useMinuteClock } from '../../../components/use-minute-clock';
import { useAgencies } from '../hooks/use-agencies';
import { AgencyCard } from './agency-card';
import { AgencyFilterBar } from './agency-filter-bar';

/**
 * The partner directory, offline: filter by what matters tonight; "open now" is worked out
 * on the device and re-checked every minute.
 */
export function AgenciesScreen() {
  const agencies = useAgencies();
  const now = useMinuteClock();
  const [filters, setFilters] = useState<AgencyFilters>(noAgencyFilters);
  const shown = agencies === undefined ? undefined : filterAgencies(agencies, filters, now);

  return (
    <section aria-labelledby="agencies-heading">
      <h1 id="agencies-heading">Agency directory</h1>
      <AgencyFilterBar filters={filters} onChange={setFilters} />
      <p role="status" className="hint">
        {agencies === undefined || shown === undefined
          ? ''
          : `${shown.length} of ${agencies.length} ${agencies.length === 1 ? 'agency' : 'agencies'}`}
      </p>
      {agencies === undefined || shown === undefined ? (
        <p className="empty">Opening…</p>
      ) : agencies.length === 0 ? (
        <p className="empty">No agencies on this device yet. They arrive with the next sync.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No agency matches all of these. Try switching a filter off.</p>
      ) : (
        <ul className="list" aria-label="Agencies">
          {shown.map((agency) => (
            <AgencyCard key={agency.id} agency={agency} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
