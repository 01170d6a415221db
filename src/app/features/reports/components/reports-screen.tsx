import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ReportResponse } from '../../../../shared/api/reports';
import type { UserRecord } from '../../../../shared/domain/people';
import { downloadCsv, toCsv } from '../../../components/csv';
import { FormFailure } from '../../../components/form-failure';
import { TextField } from '../../../components/text-field';
import { agenciesRepository, api, teamMembersRepository } from '../../../stores/runtime';
import { describeOnlineFailure } from '../../../sync/api-client';
import type { ChartSeries, FigureTable, ReportForm } from '../report-view-model';
import { defaultReportForm, periodLabels, periodPresets, periodRange, reportCharts, reportFormSchema, reportTables } from '../report-view-model';
import { ReportChart } from './report-chart';

const describeFailure = (error: unknown): string =>
  describeOnlineFailure(error, 'No connection: reports are worked out on the server and need signal.', 'The report could not be made.');

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function Table({ table, period, chart }: { table: FigureTable; period: string; chart: ChartSeries | undefined }) {
  const id = `report-${slug(table.title)}`;
  const exportCsv = () => downloadCsv(toCsv(table.headings.map((h, i) => (h === '' && i === 0 ? table.title : h)), table.rows), `lantern-${slug(table.title)}-${period}.csv`);
  return (
    <section className="card report-table" aria-labelledby={id}>
      <h2 id={id}>{table.title}</h2>
      {chart !== undefined && chart.values.length > 0 && <ReportChart series={chart} />}
      {table.rows.length === 0 ? (
        <p className="hint">None in this period.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`${table.title}, table`}>
          <table className="audit-table">
            <thead>
              <tr>
                {table.headings.map((h, i) => (
                  <th key={`${h}-${i}`} scope="col">
                    {h === '' ? <span className="visually-hidden">What</span> : h}
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
      <button type="button" className="no-print" onClick={exportCsv} disabled={table.rows.length === 0} aria-label={`Export ${table.title} as CSV`}>
        Export CSV
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
  const [report, setReport] = useState<{ figures: ReportResponse; charts: ReadonlyMap<string, ChartSeries>; period: string; label: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<ReportForm>({ resolver: zodResolver(reportFormSchema), defaultValues: defaultReportForm });
  const period = watch('period');

  const onSubmit = handleSubmit(async (form) => {
    setFailure(null);
    const { from, to } = periodRange(form, new Date());
    const lastDay = new Date(to.getTime() - 1);
    const dates = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    try {
      const figures = await api.report({
        from: from.toISOString(),
        to: to.toISOString(),
        ...(form.area === '' ? {} : { area: form.area }),
        ...(form.workerId === '' ? {} : { workerId: form.workerId }),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      const scope = [form.area, members.find((m) => m.id === form.workerId)?.name].filter(Boolean).join(', ');
      setReport({ figures, charts: reportCharts(figures), period: `${from.toISOString().slice(0, 10)}-to-${lastDay.toISOString().slice(0, 10)}`, label: `${dates(from)} to ${dates(lastDay)}${scope ? ` · ${scope}` : ''}` });
    } catch (error) {
      setFailure(describeFailure(error));
    }
  });

  return (
    <section aria-labelledby="reports-heading" className="reports">
      <h1 id="reports-heading">Reports</h1>
      <p className="hint no-print">Figures for commissioners and funders. Counts of 1 to 4 show as “&lt;5” everywhere, so no figure points at a person.</p>
      <form className="card report-form no-print" aria-label="Choose the report" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div>
          <label htmlFor="report-period">Period</label>
          <select id="report-period" {...register('period')}>
            {periodPresets.map((p) => (
              <option key={p} value={p}>
                {periodLabels[p]}
              </option>
            ))}
          </select>
        </div>
        {period === 'custom' && (
          <>
            <div>
              <TextField id="report-from" label="First day" type="date" registration={register('from')} error={errors.from?.message} />
            </div>
            <div>
              <TextField id="report-to" label="Last day" type="date" registration={register('to')} error={errors.to?.message} />
            </div>
          </>
        )}
        <div>
          <TextField id="report-area" label="Area" hint="(optional)" registration={register('area')} error={errors.area?.message} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="report-worker">Worker</label>
          <select id="report-worker" {...register('workerId')}>
            <option value="">The whole team</option>
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
            {isSubmitting ? 'Working out the figures…' : 'Show the figures'}
          </button>
        </div>
      </form>
      {report !== null && (
        <>
          <div className="button-row no-print">
            <button type="button" onClick={() => window.print()}>
              Print
            </button>
          </div>
          <p role="status">{report.label}</p>
          {reportTables(report.figures, (id) => agencyNames.get(id) ?? 'An agency no longer listed').map((table) => (
            <Table key={table.title} table={table} period={report.period} chart={report.charts.get(table.title)} />
          ))}
        </>
      )}
    </section>
  );
}
