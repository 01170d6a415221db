import { lazy, Suspense, useState } from 'react';
import { filterAgencies, noAgencyFilters, type AgencyFilters } from '../../../components/agency-filters';
import { useMinuteClock } from '../../../components/use-minute-clock';
import { useSessionStore } from '../../../stores/session-store';
import { agenciesRepository } from '../../../stores/runtime';
import { t } from '../../../i18n/i18n';
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
    agenciesRepository.archive(id, archived).catch((error: unknown) => setFailure(error instanceof Error ? error.message : t('agencies.screen.failed')));
  };

  return (
    <section aria-labelledby="agencies-heading">
      <h1 id="agencies-heading">{t('agencies.screen.heading')}</h1>
      {isLead && editing === null && (
        <div className="button-row">
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('agencies.screen.add')}
          </button>
          {archivedCount > 0 && (
            <label className="check">
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />{' '}
              {t('agencies.screen.showArchived', { count: archivedCount })}
            </label>
          )}
        </div>
      )}
      {editing === 'new' && (
        <Suspense fallback={<p className="empty">{t('agencies.screen.opening')}</p>}>
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
        {listed === undefined || shown === undefined ? '' : t('agencies.screen.shown', { shown: shown.length, count: listed.length })}
      </p>
      {listed === undefined || shown === undefined ? (
        <p className="empty">{t('agencies.screen.opening')}</p>
      ) : listed.length === 0 ? (
        <p className="empty">
          {isLead ? t('agencies.screen.emptyLead') : t('agencies.screen.emptyWorker')}
        </p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('agencies.screen.noMatch')}</p>
      ) : (
        <ul className="list" aria-label={t('agencies.screen.listLabel')}>
          {shown.map((agency) =>
            editing === agency.id ? (
              <li key={agency.id}>
                <Suspense fallback={<p className="empty">{t('agencies.screen.opening')}</p>}>
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
