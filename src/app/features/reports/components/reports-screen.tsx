import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ReportResponse } from '../../../../shared/api/reports';
import type { UserRecord } from '../../../../shared/domain/people';
import { downloadCsv, toCsv } from '../../../components/csv';
import { FormFailure } from '../../../components/form-failure';
import { TextField } from '../../../components/text-field';
import { agenciesRepository, api, teamMembersRepository } from '../../../stores/runtime';
import { formatDate } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { describeOnlineFailure } from '../../../sync/api-client';
import type { ChartSeries, FigureTable, ReportForm } from '../report-view-model';
import { defaultReportForm, periodLabels, periodPresets, periodRange, reportCharts, reportFormSchema, reportTables } from '../report-view-model';
import { ReportChart } from './report-chart';

const describeFailure = (error: unknown): string =>
  describeOnlineFailure(error, t('reports.screen.noConnection'), t('reports.screen.failed'));

/** A title as an id and a file name: accents dropped ("Última" → "ultima"), the rest as dashes. */
const slug = (title: string) =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The days a report covers, as a lead reads them ("1 Nov 2026"). */
const shownDay = (d: Date) => formatDate(d, { day: 'numeric', month: 'short', year: 'numeric' });

function Table({ table, period, chart }: { table: FigureTable; period: string; chart: ChartSeries | undefined }) {
  const id = `report-${slug(table.title)}`;
  const exportCsv = () => downloadCsv(toCsv(table.headings.map((h, i) => (h === '' && i === 0 ? table.title : h)), table.rows), `lantern-${slug(table.title)}-${period}.csv`);
  return (
    <section className="card report-table" aria-labelledby={id}>
      <h2 id={id}>{table.title}</h2>
      {chart !== undefined && chart.values.length > 0 && <ReportChart series={chart} />}
      {table.rows.length === 0 ? (
        <p className="hint">{t('reports.table.none')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('reports.table.region', { title: table.title })}>
          <table className="audit-table">
            <thead>
              <tr>
                {table.headings.map((h, i) => (
                  <th key={`${h}-${i}`} scope="col">
                    {h === '' ? <span className="visually-hidden">{t('reports.table.rowHeading')}</span> : h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row[0]}>
                  <th scope="row">{row[0]}</th>
                  {row.slice(1).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="no-print" onClick={exportCsv} disabled={table.rows.length === 0} aria-label={t('reports.table.exportLabel', { title: table.title })}>
        {t('reports.table.export')}
      </button>
    </section>
  );
}

/**
 * Team leads: the figures commissioners and funders ask for, for a month, a quarter or two
 * dates, for one area or one worker. Worked out on the server from the whole team's records;
 * counts of 1 to 4 show as "<5" here, in every CSV and on the printed page.
 */
const NO_MEMBERS: readonly UserRecord[] = [];
const NO_AGENCIES: ReadonlyMap<string, string> = new Map();

export function ReportsScreen() {
  // Live: a lead may open Reports while a first sync is still bringing the team in.
  const members = useLiveQuery(() => teamMembersRepository.list(), []) ?? NO_MEMBERS;
  const agencyNames = useLiveQuery(async () => new Map((await agenciesRepository.list()).map((a) => [a.id, a.name])), []) ?? NO_AGENCIES;
  const [report, setReport] = useState<{ figures: ReportResponse; period: string; from: Date; lastDay: Date; scope: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<ReportForm>({ resolver: zodResolver(reportFormSchema), defaultValues: defaultReportForm });
  const period = watch('period');
  // Worked out where they are shown, in the language shown (charts are keyed by table title).
  const reported = report?.figures;
  const charts = useMemo(() => (reported === undefined ? undefined : reportCharts(reported)), [reported]);

  const onSubmit = handleSubmit(async (form) => {
    setFailure(null);
    const { from, to } = periodRange(form, new Date());
    const lastDay = new Date(to.getTime() - 1);
    try {
      const figures = await api.report({
        from: from.toISOString(),
        to: to.toISOString(),
        ...(form.area === '' ? {} : { area: form.area }),
        ...(form.workerId === '' ? {} : { workerId: form.workerId }),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      const scope = [form.area, members.find((m) => m.id === form.workerId)?.name].filter(Boolean).join(', ');
      setReport({ figures, period: `${from.toISOString().slice(0, 10)}-to-${lastDay.toISOString().slice(0, 10)}`, from, lastDay, scope });
    } catch (error) {
      setFailure(describeFailure(error));
    }
  });

  return (
    <section aria-labelledby="reports-heading" className="reports">
      <h1 id="reports-heading">{t('reports.screen.heading')}</h1>
      <p className="hint no-print">{t('reports.screen.intro')}</p>
      <form className="card report-form no-print" aria-label={t('reports.form.label')} onSubmit={(e) => void onSubmit(e)} noValidate>
        <div>
          <label htmlFor="report-period">{t('reports.form.period')}</label>
          <select id="report-period" {...register('period')}>
            {periodPresets.map((p) => (
              <option key={p} value={p}>
                {t(periodLabels[p])}
              </option>
            ))}
          </select>
        </div>
        {period === 'custom' && (
          <>
            <div>
              <TextField id="report-from" label={t('reports.form.firstDay')} type="date" registration={register('from')} error={errors.from?.message} />
            </div>
            <div>
              <TextField id="report-to" label={t('reports.form.lastDay')} type="date" registration={register('to')} error={errors.to?.message} />
            </div>
          </>
        )}
        <div>
          <TextField id="report-area" label={t('reports.form.area')} hint={t('reports.form.optional')} registration={register('area')} error={errors.area?.message} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="report-worker">{t('reports.form.worker')}</label>
          <select id="report-worker" {...register('workerId')}>
            <option value="">{t('reports.form.wholeTeam')}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <FormFailure message={failure} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('reports.form.working') : t('reports.form.show')}
          </button>
        </div>
      </form>
      {report !== null && (
        <>
          <div className="button-row no-print">
            <button type="button" onClick={() => window.print()}>
              {t('reports.screen.print')}
            </button>
          </div>
          <p role="status">
            {report.scope === ''
              ? t('reports.screen.periodShown', { from: shownDay(report.from), to: shownDay(report.lastDay) })
              : t('reports.screen.periodShownScoped', { from: shownDay(report.from), to: shownDay(report.lastDay), scope: report.scope })}
          </p>
          {reportTables(report.figures, (id) => agencyNames.get(id) ?? t('reports.screen.unlistedAgency')).map((table) => (
            <Table key={table.title} table={table} period={report.period} chart={charts?.get(table.title)} />
          ))}
        </>
      )}
    </section>
  );
}
