import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CaseloadSort, CaseloadSortKey } from '../../../../shared/domain/caseload';
import { noCaseloadFilter, selectCaseload } from '../../../../shared/domain/caseload';
import { TextField } from '../../../components/text-field';
import { t } from '../../../i18n/i18n';
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
      <h1 id="caseload-heading">{t('caseload.screen.heading')}</h1>
      <form className="card caseload-filters" aria-label={t('caseload.filter.formLabel')} onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="caseload-key-worker">{t('caseload.filter.keyWorker')}</label>
          <select id="caseload-key-worker" {...register('keyWorker')}>
            <option value="">{t('caseload.filter.anyKeyWorker')}</option>
            <option value="none">{t('caseload.filter.noKeyWorker')}</option>
            {(caseload?.members ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <TextField id="caseload-not-seen" label={t('caseload.filter.notSeenForDays')} inputMode="numeric" autoComplete="off" registration={register('notSeenForDays')} error={errors.notSeenForDays?.message} />
        </div>
        <div>
          <TextField id="caseload-alias" label={t('caseload.filter.alias')} type="search" autoComplete="off" registration={register('alias')} error={errors.alias?.message} />
        </div>
        <div>
          <label htmlFor="caseload-sort">{t('caseload.filter.sortBy')}</label>
          <select id="caseload-sort" value={sort.key} onChange={(e) => setSort((s) => ({ ...s, key: e.target.value as CaseloadSortKey }))}>
            {caseloadColumns.map((c) => (
              <option key={c.key} value={c.key}>
                {t(c.label)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => setSort((s) => ({ ...s, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }))}>
            {sort.direction === 'ascending' ? t('caseload.filter.ascending') : t('caseload.filter.descending')}
          </button>
        </div>
        <label className="check">
          <input type="checkbox" {...register('urgentWithoutReferral')} /> {t('caseload.filter.urgentWithoutReferral')}
        </label>
        <label className="check">
          <input type="checkbox" {...register('missedWithoutFollowUp')} /> {t('caseload.filter.missedWithoutFollowUp')}
        </label>
        <button type="button" onClick={() => reset(emptyCaseloadFilterForm)}>
          {t('caseload.filter.clear')}
        </button>
      </form>
      {caseload === undefined ? (
        <p className="empty" role="status">
          {t('caseload.screen.reading')}
        </p>
      ) : caseload.rows.length === 0 ? (
        <p className="empty">{t('caseload.screen.empty')}</p>
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('caseload.screen.showing', { shown: shown.length, total: caseload.rows.length })}
          </p>
          {shown.length === 0 ? (
            <p className="empty">{t('caseload.screen.noMatch')}</p>
          ) : (
            <CaseloadTable rows={shown} members={caseload.members} names={names} now={caseload.builtAt} sort={sort} onSort={onSort} onAssign={assignKeyWorker} />
          )}
        </>
      )}
    </section>
  );
}
