import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditRow, TeamUser } from '../../../../shared/api/admin';
import { toCsv, downloadCsv } from '../../../components/csv';
import { auditActionLabels } from '../../../components/labels';
import { useRouteStore } from '../../../stores/route-store';
import { api, clientsRepository } from '../../../stores/runtime';
import { describeOnlineFailure } from '../../../sync/api-client';
import { formatDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import type { MessageId } from '../../../i18n/locales/en';

/** What kind of record an entry is about, by the collection it names (worded where it renders). */
const kindWords: Readonly<Record<string, MessageId>> = {
  clients: 'audit.kind.client', agencies: 'audit.kind.agency', contacts: 'audit.kind.contact', assessments: 'audit.kind.assessment', consents: 'audit.kind.consent',
  notes: 'audit.kind.note', referrals: 'audit.kind.referral', appointments: 'audit.kind.appointment', followUps: 'audit.kind.followUp',
  safetyAlerts: 'audit.kind.safetyAlert', reviewItems: 'audit.kind.reviewItem', users: 'audit.kind.person', devices: 'audit.kind.device', teams: 'audit.kind.team',
};

/** The outcomes the server records, in words; any other (e.g. `rejected:stale`) is shown as recorded. */
const outcomeWords: Readonly<Record<string, MessageId>> = { ok: 'audit.outcome.ok', denied: 'audit.outcome.denied', failed: 'audit.outcome.failed' };
const outcome = (code: string): string => {
  const id = Object.hasOwn(outcomeWords, code) ? outcomeWords[code] : undefined;
  return id === undefined ? code : t(id);
};

const when = (iso: string) => formatDateTime(iso);

interface Filters {
  readonly userId: string;
  readonly client: { readonly id: string; readonly alias: string } | null;
  readonly action: string;
  readonly from: string;
  readonly to: string;
}

const describeFailure = (error: unknown): string => describeOnlineFailure(error, t('audit.failure.offline'), t('audit.failure.other'));

/** Team leads: who did what and when (ids shown as names here, never stored as names); CSV export. */
export function AuditScreen() {
  const navigate = useRouteStore((s) => s.navigate);
  const [people, setPeople] = useState<TeamUser[]>([]);
  const [filters, setFilters] = useState<Filters>({ userId: '', client: null, action: '', from: '', to: '' });
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [aliases, setAliases] = useState<Map<string, string>>(new Map());
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [clientQuery, setClientQuery] = useState('');
  const [matches, setMatches] = useState<{ id: string; alias: string }[]>([]);

  useEffect(() => {
    api.listUsers().then(({ users }) => setPeople(users), (error: unknown) => setFailure(describeFailure(error)));
  }, []);

  // The filters as the server takes them.
  const query = useMemo(
    () => ({
      ...(filters.userId ? { userId: filters.userId } : {}),
      ...(filters.client ? { recordId: filters.client.id } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`).toISOString() } : {}),
      ...(filters.to ? { to: new Date(`${filters.to}T23:59:59.999`).toISOString() } : {}),
    }),
    [filters],
  );

  const load = useCallback(async (before?: number) => {
    setFailure(null);
    try {
      const page = await api.listAudit({ ...query, ...(before === undefined ? {} : { before }) });
      const clientIds = page.entries.filter((e) => e.collection === 'clients' && e.recordId).map((e) => e.recordId ?? '');
      const found = await Promise.all(clientIds.map(async (id) => [id, (await clientsRepository.get(id))?.alias] as const));
      setAliases((known) => new Map([...known, ...found.filter((f): f is readonly [string, string] => f[1] !== undefined)]));
      setRows((current) => (before === undefined ? page.entries : [...(current ?? []), ...page.entries]));
      setNextBefore(page.nextBefore);
    } catch (error) {
      setFailure(describeFailure(error));
    }
  }, [query]);

  // A new set of filters (a new `load`) reads the log again from the newest entry.
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    let live = true;
    if (clientQuery.trim().length < 2) {
      setMatches([]);
      return;
    }
    void clientsRepository.search(clientQuery).then((found) => {
      if (live) setMatches(found.slice(0, 8).map((c) => ({ id: c.id, alias: c.alias })));
    });
    return () => {
      live = false;
    };
  }, [clientQuery]);

  const person = (id: string | null) => (id === null ? '—' : (people.find((p) => p.id === id)?.name ?? t('audit.formerMember')));
  const record = (row: AuditRow) => {
    const kindId = row.collection === null || !Object.hasOwn(kindWords, row.collection) ? undefined : kindWords[row.collection];
    const kind = row.collection === null ? '' : kindId === undefined ? row.collection : t(kindId);
    const alias = row.recordId === null ? undefined : aliases.get(row.recordId);
    return alias === undefined ? kind : t('audit.record.withAlias', { kind, alias });
  };
  // Read afresh as an export (up to 500 entries), so the log records that a copy left.
  const exportCsv = async () => {
    setFailure(null);
    try {
      const { entries } = await api.listAudit({ ...query, limit: 500, purpose: 'export' });
      const headings = [t('audit.column.when'), t('audit.column.person'), t('audit.column.what'), t('audit.column.record'), t('audit.column.outcome')];
      const csv = toCsv(headings, entries.map((r) => [r.at, person(r.userId), auditActionLabels[r.action] ?? r.action, record(r), outcome(r.outcome)]));
      downloadCsv(csv, `lantern-audit-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">{t('audit.screen.heading')}</h1>
      <p className="hint">{t('audit.screen.hint')}</p>
      <fieldset className="card">
        <legend>{t('audit.filter.legend')}</legend>
        <label htmlFor="audit-person">{t('audit.filter.person')}</label>
        <select id="audit-person" value={filters.userId} onChange={(e) => set({ userId: e.target.value })}>
          <option value="">{t('audit.filter.everyone')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor="audit-client">{t('audit.filter.client')}</label>
        {filters.client ? (
          <p>
            {filters.client.alias}{' '}
            <button type="button" onClick={() => set({ client: null })}>
              {t('audit.filter.anyClient')}
            </button>
          </p>
        ) : (
          <>
            <input id="audit-client" value={clientQuery} onChange={(e) => setClientQuery(e.target.value)} placeholder={t('audit.filter.clientPlaceholder')} autoComplete="off" />
            {matches.length > 0 && (
              <div className="button-row" role="group" aria-label={t('audit.filter.matches')}>
                {matches.map((m) => (
                  <button
                    key={m.id}
                    type="button"
                    onClick={() => {
                      set({ client: m });
                      setClientQuery('');
                    }}
                  >
                    {m.alias}
                  </button>
                ))}
              </div>
            )}
          </>
        )}
        <label htmlFor="audit-action">{t('audit.filter.action')}</label>
        <select id="audit-action" value={filters.action} onChange={(e) => set({ action: e.target.value })}>
          <option value="">{t('audit.filter.anyAction')}</option>
          {Object.entries(auditActionLabels).map(([action, words]) => (
            <option key={action} value={action}>
              {words}
            </option>
          ))}
        </select>
        <label htmlFor="audit-from">{t('audit.filter.from')}</label>
        <input id="audit-from" type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        <label htmlFor="audit-to">{t('audit.filter.to')}</label>
        <input id="audit-to" type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
      </fieldset>
      {failure && (
        <p role="alert" className="banner error">
          {failure}
        </p>
      )}
      {rows === null ? (
        <p className="empty">{t('audit.screen.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty">{t('audit.screen.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('audit.table.label')}>
          <table className="audit-table">
            <caption className="visually-hidden">{t('audit.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.column.when')}</th>
                <th scope="col">{t('audit.column.person')}</th>
                <th scope="col">{t('audit.column.what')}</th>
                <th scope="col">{t('audit.column.record')}</th>
                <th scope="col">{t('audit.column.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{when(r.at)}</td>
                  <td>{person(r.userId)}</td>
                  <td>{auditActionLabels[r.action] ?? r.action}</td>
                  <td>{record(r)}</td>
                  <td>{outcome(r.outcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        {nextBefore !== null && (
          <button type="button" onClick={() => void load(nextBefore)}>
            {t('audit.screen.loadOlder')}
          </button>
        )}
        <button type="button" disabled={rows === null || rows.length === 0} onClick={() => void exportCsv()}>
          {t('audit.screen.exportCsv')}
        </button>
        <button type="button" onClick={() => navigate({ screen: 'team' })}>
          {t('audit.screen.backToTeam')}
        </button>
      </div>
    </section>
  );
}
