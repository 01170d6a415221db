import { zodResolver } from '@hookform/resolvers/zod';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CaseloadRow, CaseloadSort, CaseloadSortKey } from '../../../../shared/domain/caseload';
import { noCaseloadFilter, selectCaseload } from '../../../../shared/domain/caseload';
import type { UserRecord } from '../../../../shared/domain/people';

import { TextField } from '../../../components/text-field';
import { useRouteStore } from '../../../stores/route-store';
import { needDomainLabels, safetyFlagLabels } from '../../../components/labels';
import type { CaseloadFilterForm } from '../caseload-view-model';
import { caseloadFilterFormSchema, describeLastContact, describeMissed, describeNextAppointment, describeReferrals, emptyCaseloadFilterForm, toCaseloadFilter } from '../caseload-view-model';
import { assignKeyWorker, useCaseload } from '../hooks/use-caseload';

const columns: readonly { key: CaseloadSortKey; label: string }[] = [
  { key: 'alias', label: 'Person' },
  { key: 'keyWorker', label: 'Key worker' },
  { key: 'lastContact', label: 'Last contact' },
  { key: 'urgentNeeds', label: 'Urgent needs' },
  { key: 'openReferrals', label: 'Open referrals' },
  { key: 'nextAppointment', label: 'Next appointment' },
  { key: 'missedAppointments', label: 'Missed appointments' },
  { key: 'openFollowUps', label: 'Open follow-ups' },
  { key: 'safetyFlags', label: 'Safety flags' },
];

/** Key workers a lead may choose: active workers and leads (peers are not key workers). */
const keyWorkerChoices = (members: readonly UserRecord[]) => members.filter((m) => m.active !== false && m.role !== 'peer_volunteer');

function KeyWorkerCell({ row, members, names }: { row: CaseloadRow; members: readonly UserRecord[]; names: ReadonlyMap<string, string> }) {
  const [failure, setFailure] = useState<string | null>(null);
  const choices = keyWorkerChoices(members);
  const current = row.keyWorkerId;
  const change = async (value: string) => {
    setFailure(null);
    try {
      await assignKeyWorker(row.clientId, value === '' ? null : value);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'The key worker could not be changed.');
    }
  };
  return (
    <>
      <select aria-label={`Key worker for ${row.alias}`} value={current ?? ''} onChange={(e) => void change(e.target.value)}>
        <option value="">No key worker</option>
        {current !== null && !choices.some((m) => m.id === current) && <option value={current}>{names.get(current) ?? 'A former team member'}</option>}
        {choices.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}

function Cells({ row, members, names, now }: { row: CaseloadRow; members: readonly UserRecord[]; names: ReadonlyMap<string, string>; now: Date }) {
  const navigate = useRouteStore((s) => s.navigate);
  const seen = describeLastContact(row.lastContactAt, now);
  return (
    <>
      <th scope="row" data-label="Person">
        <button type="button" className="link-button" onClick={() => navigate({ screen: 'client', clientId: row.clientId })}>
          {row.alias}
        </button>
      </th>
      <td data-label="Key worker">
        <KeyWorkerCell row={row} members={members} names={names} />
      </td>
      <td data-label="Last contact" className={seen.warn ? 'caseload-warn' : undefined}>
        {seen.text}
        {seen.warn && <span className="tag">Check in</span>}
      </td>
      <td data-label="Urgent needs">
        {row.urgentNeeds.length === 0
          ? 'None'
          : row.urgentNeeds.map((domain) => (
              <span key={domain} className="caseload-need">
                {needDomainLabels[domain]}
                {row.urgentWithoutReferral.includes(domain) && <span className="tag">no referral</span>}
              </span>
            ))}
      </td>
      <td data-label="Open referrals">{describeReferrals(row, now)}</td>
      <td data-label="Next appointment">{describeNextAppointment(row.nextAppointmentAt)}</td>
      <td data-label="Missed appointments" className={row.missedWithoutFollowUpDone > 0 ? 'caseload-warn' : undefined}>
        {describeMissed(row)}
      </td>
      <td data-label="Open follow-ups">{row.openFollowUps}</td>
      <td data-label="Safety flags">{row.safetyFlags.length === 0 ? 'None' : row.safetyFlags.map((f) => safetyFlagLabels[f]).join(', ')}</td>
    </>
  );
}

function CaseloadTable({ rows, members, names, now, sort, onSort }: { rows: readonly CaseloadRow[]; members: readonly UserRecord[]; names: ReadonlyMap<string, string>; now: Date; sort: CaseloadSort; onSort: (key: CaseloadSortKey) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 10,
    // Before layout (first paint, tests) assume a laptop-sized window, so rows show at once.
    initialRect: { width: 1280, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scrollRef} className="caseload-scroll" tabIndex={0} role="region" aria-label="Caseload table">
      <table className="caseload-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">The team’s caseload, one person per row</caption>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.direction : undefined}>
                <button type="button" className="link-button" onClick={() => onSort(c.key)}>
                  {c.label}
                  {sort.key === c.key && <span aria-hidden="true">{sort.direction === 'ascending' ? ' ▲' : ' ▼'}</span>}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" className="caseload-spacer">
              <td colSpan={columns.length} style={{ height: before }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <tr key={row.clientId} ref={virtualizer.measureElement} data-index={item.index} aria-rowindex={item.index + 2}>
                <Cells row={row} members={members} names={names} now={now} />
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" className="caseload-spacer">
              <td colSpan={columns.length} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Team leads: everyone on the team's caseload with what needs a lead's eye, filtered and
 * sorted on this device (works offline), with the key worker assigned from the row.
 * Nobody is discharged: a person long unseen is shown as such.
 */
export function CaseloadScreen() {
  const caseload = useCaseload();
  const [sort, setSort] = useState<CaseloadSort>({ key: 'alias', direction: 'ascending' });
  const {
    register,
    watch,
    reset,
    formState: { errors },
  } = useForm<CaseloadFilterForm>({ resolver: zodResolver(caseloadFilterFormSchema), defaultValues: emptyCaseloadFilterForm, mode: 'onChange' });
  // The form's values as a key, so the filter (and the selection) changes only with them.
  const formKey = JSON.stringify(watch());
  // While a filter is being typed wrong, the last good filters stay in force.
  const lastGood = useRef(noCaseloadFilter);
  const filter = useMemo(() => {
    const parsed = caseloadFilterFormSchema.safeParse(JSON.parse(formKey));
    if (parsed.success) lastGood.current = toCaseloadFilter(parsed.data);
    return lastGood.current;
  }, [formKey]);
  const names = useMemo(() => new Map((caseload?.members ?? []).map((m) => [m.id, m.name])), [caseload?.members]);
  const shown = useMemo(() => (caseload === undefined ? [] : selectCaseload(caseload.rows, filter, sort, caseload.builtAt, names)), [caseload, filter, sort, names]);
  const onSort = (key: CaseloadSortKey) => setSort((s) => ({ key, direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    <section aria-labelledby="caseload-heading" className="caseload">
      <h1 id="caseload-heading">Caseload</h1>
      <form className="card caseload-filters" aria-label="Filter the caseload" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="caseload-key-worker">Key worker</label>
          <select id="caseload-key-worker" {...register('keyWorker')}>
            <option value="">Anyone’s</option>
            <option value="none">No key worker</option>
            {(caseload?.members ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <TextField id="caseload-not-seen" label="Not seen for at least (days)" inputMode="numeric" autoComplete="off" registration={register('notSeenForDays')} error={errors.notSeenForDays?.message} />
        </div>
        <div>
          <TextField id="caseload-alias" label="Name or alias" type="search" autoComplete="off" registration={register('alias')} error={errors.alias?.message} />
        </div>
        <div>
          <label htmlFor="caseload-sort">Sort by</label>
          <select id="caseload-sort" value={sort.key} onChange={(e) => setSort((s) => ({ ...s, key: e.target.value as CaseloadSortKey }))}>
            {columns.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => setSort((s) => ({ ...s, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }))}>
            {sort.direction === 'ascending' ? 'Ascending' : 'Descending'}
          </button>
        </div>
        <label className="check">
          <input type="checkbox" {...register('urgentWithoutReferral')} /> Urgent need with no open referral
        </label>
        <label className="check">
          <input type="checkbox" {...register('missedWithoutFollowUp')} /> Missed appointment not followed up
        </label>
        <button type="button" onClick={() => reset(emptyCaseloadFilterForm)}>
          Clear filters
        </button>
      </form>
      {caseload === undefined ? (
        <p className="empty" role="status">
          Reading the caseload on this device…
        </p>
      ) : caseload.rows.length === 0 ? (
        <p className="empty">Nobody is on the team’s caseload yet. People appear here as soon as a worker adds them, even offline.</p>
      ) : (
        <>
          <p role="status" aria-live="polite">
            Showing {shown.length} of {caseload.rows.length} {caseload.rows.length === 1 ? 'person' : 'people'}
          </p>
          {shown.length === 0 ? (
            <p className="empty">Nobody matches these filters.</p>
          ) : (
            <CaseloadTable rows={shown} members={caseload.members} names={names} now={caseload.builtAt} sort={sort} onSort={onSort} />
          )}
        </>
      )}
    </section>
  );
}
