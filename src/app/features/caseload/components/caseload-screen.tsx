import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CaseloadSort, CaseloadSortKey } from '../../../../shared/domain/caseload';
import { noCaseloadFilter, selectCaseload } from '../../../../shared/domain/caseload';
import { TextField } from '../../../components/text-field';
import type { CaseloadFilterForm } from '../caseload-view-model';
import { caseloadFilterFormSchema, emptyCaseloadFilterForm, toCaseloadFilter } from '../caseload-view-model';
import { assignKeyWorker, useCaseload } from '../hooks/use-caseload';
import { caseloadColumns, CaseloadTable } from './caseload-table';

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
            {caseloadColumns.map((c) => (
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
            <CaseloadTable rows={shown} members={caseload.members} names={names} now={caseload.builtAt} sort={sort} onSort={onSort} onAssign={assignKeyWorker} />
          )}
        </>
      )}
    </section>
  );
}
