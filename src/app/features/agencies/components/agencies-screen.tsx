import { lazy, Suspense, useState } from 'react';
import { filterAgencies, noAgencyFilters, type AgencyFilters } from '../../../components/agency-filters';
import { useMinuteClock } from '../../../components/use-minute-clock';
import { useSessionStore } from '../../../stores/session-store';
import { agenciesRepository } from '../../../stores/runtime';
import { useAgencies } from '../hooks/use-agencies';
import { AgencyCard } from './agency-card';
import { AgencyFilterBar } from './agency-filter-bar';

// Only a team lead edits the directory: the form is loaded when first opened, so the app
// shell a worker's phone downloads stays small.
const AgencyForm = lazy(() => import('./agency-form').then((m) => ({ default: m.AgencyForm })));

/**
 * The partner directory, offline: filter by what matters tonight; "open now" is worked out
 * on the device and re-checked every minute. A team lead keeps it: adds, edits, archives
 * (archived agencies are offered to nobody, and shown to the lead on request).
 */
export function AgenciesScreen() {
  const agencies = useAgencies();
  const now = useMinuteClock();
  const isLead = useSessionStore((s) => s.user?.role === 'team_lead');
  const [filters, setFilters] = useState<AgencyFilters>(noAgencyFilters);
  const [editing, setEditing] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const archivedCount = agencies?.filter((a) => a.archived === true).length ?? 0;
  const listed = agencies?.filter((a) => a.archived !== true || (isLead && showArchived));
  const shown = listed === undefined ? undefined : filterAgencies(listed, filters, now);
  const archive = (id: string, archived: boolean) => {
    setFailure(null);
    agenciesRepository.archive(id, archived).catch((error: unknown) => setFailure(error instanceof Error ? error.message : 'That did not work.'));
  };

  return (
    <section aria-labelledby="agencies-heading">
      <h1 id="agencies-heading">Agency directory</h1>
      {isLead && editing === null && (
        <div className="button-row">
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Add an agency
          </button>
          {archivedCount > 0 && (
            <label className="check">
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived ({archivedCount})
            </label>
          )}
        </div>
      )}
      {editing === 'new' && (
        <Suspense fallback={<p className="empty">Opening…</p>}>
          <AgencyForm onDone={() => setEditing(null)} />
        </Suspense>
      )}
      {failure && (
        <p role="alert" className="banner error">
          {failure}
        </p>
      )}
      <AgencyFilterBar filters={filters} onChange={setFilters} />
      <p role="status" className="hint">
        {listed === undefined || shown === undefined ? '' : `${shown.length} of ${listed.length} ${listed.length === 1 ? 'agency' : 'agencies'}`}
      </p>
      {listed === undefined || shown === undefined ? (
        <p className="empty">Opening…</p>
      ) : listed.length === 0 ? (
        <p className="empty">
          {isLead ? 'No agencies yet. Add the services your team refers people to: they reach every phone with the next sync.' : 'No agencies yet. A team lead adds them; they arrive with the next sync.'}
        </p>
      ) : shown.length === 0 ? (
        <p className="empty">No agency matches all of these. Try switching a filter off.</p>
      ) : (
        <ul className="list" aria-label="Agencies">
          {shown.map((agency) =>
            editing === agency.id ? (
              <li key={agency.id}>
                <Suspense fallback={<p className="empty">Opening…</p>}>
                  <AgencyForm agency={agency} onDone={() => setEditing(null)} />
                </Suspense>
              </li>
            ) : (
              <AgencyCard key={agency.id} agency={agency} now={now} actions={isLead ? { onEdit: () => setEditing(agency.id), onArchive: (archived) => archive(agency.id, archived) } : undefined} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}
