import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditRow, TeamUser } from '../../../../shared/api/admin';
import { toCsv, downloadCsv } from '../../../components/csv';
import { auditActionLabels } from '../../../components/labels';
import { useRouteStore } from '../../../stores/route-store';
import { api, clientsRepository } from '../../../stores/runtime';
import { describeOnlineFailure } from '../../../sync/api-client';

const kindWords: Record<string, string> = {
  clients: 'Client', agencies: 'Agency', contacts: 'Contact', assessments: 'Assessment', consents: 'Consent', notes: 'Note', referrals: 'Referral',
  appointments: 'Appointment', followUps: 'Follow-up', safetyAlerts: 'Safety alert', reviewItems: 'Review item', users: 'Person', devices: 'Device', teams: 'Team',
};

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

interface Filters {
  readonly userId: string;
  readonly client: { readonly id: string; readonly alias: string } | null;
  readonly action: string;
  readonly from: string;
  readonly to: string;
}

const describeFailure = (error: unknown): string => describeOnlineFailure(error, 'No connection: the audit log needs signal.', 'The audit log could not be read.');

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

  const person = (id: string | null) => (id === null ? '—' : (people.find((p) => p.id === id)?.name ?? 'A former team member'));
  const record = (row: AuditRow) => {
    const kind = row.collection === null ? '' : (kindWords[row.collection] ?? row.collection);
    const alias = row.recordId === null ? undefined : aliases.get(row.recordId);
    return alias === undefined ? kind : `${kind}: ${alias}`;
  };
  // Read afresh as an export (up to 500 entries), so the log records that a copy left.
  const exportCsv = async () => {
    setFailure(null);
    try {
      const { entries } = await api.listAudit({ ...query, limit: 500, purpose: 'export' });
      const csv = toCsv(['When', 'Person', 'What', 'Record', 'Outcome'], entries.map((r) => [r.at, person(r.userId), auditActionLabels[r.action] ?? r.action, record(r), r.outcome]));
      downloadCsv(csv, `lantern-audit-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">Audit log</h1>
      <p className="hint">Who did what, and when. Names are looked up on this screen; the log itself holds ids only. Looking is recorded too.</p>
      <fieldset className="card">
        <legend>Filter</legend>
        <label htmlFor="audit-person">Person</label>
        <select id="audit-person" value={filters.userId} onChange={(e) => set({ userId: e.target.value })}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor="audit-client">Client</label>
        {filters.client ? (
          <p>
            {filters.client.alias}{' '}
            <button type="button" onClick={() => set({ client: null })}>
              Any client
            </button>
          </p>
        ) : (
          <>
            <input id="audit-client" value={clientQuery} onChange={(e) => setClientQuery(e.target.value)} placeholder="Type an alias" autoComplete="off" />
            {matches.length > 0 && (
              <div className="button-row" role="group" aria-label="Matching clients">
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
        <label htmlFor="audit-action">Action</label>
        <select id="audit-action" value={filters.action} onChange={(e) => set({ action: e.target.value })}>
          <option value="">Any action</option>
          {Object.entries(auditActionLabels).map(([action, words]) => (
            <option key={action} value={action}>
              {words}
            </option>
          ))}
        </select>
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
      </fieldset>
      {failure && (
        <p role="alert" className="banner error">
          {failure}
        </p>
      )}
      {rows === null ? (
        <p className="empty">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="empty">Nothing in the log for these filters.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit log entries">
          <table className="audit-table">
            <caption className="visually-hidden">Audit log entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Person</th>
                <th scope="col">What</th>
                <th scope="col">Record</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{when(r.at)}</td>
                  <td>{person(r.userId)}</td>
                  <td>{auditActionLabels[r.action] ?? r.action}</td>
                  <td>{record(r)}</td>
                  <td>{r.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        {nextBefore !== null && (
          <button type="button" onClick={() => void load(nextBefore)}>
            Load older entries
          </button>
        )}
        <button type="button" disabled={rows === null || rows.length === 0} onClick={() => void exportCsv()}>
          Export CSV
        </button>
        <button type="button" onClick={() => navigate({ screen: 'team' })}>
          Back to Team
        </button>
      </div>
    </section>
  );
}
