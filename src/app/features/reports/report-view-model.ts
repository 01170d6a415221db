/**
 * The reports screen's form and words: the period a lead picks (this or last month or
 * quarter, or two dates) as the instants the server counts between, in the device's time
 * zone; and each table of figures as rows a person reads, exports or prints — with small
 * numbers shown as "<5" everywhere, so no figure that leaves the screen points at a person.
 */
import { z } from 'zod';
import type { ReportResponse } from '../../../shared/api/reports';
import { suppressSmall } from '../../../shared/domain/report';
import { idSchema } from '../../../shared/ids';
import { contactKindLabels, needDomainLabels, nrmStatusLabels, referralStatusLabels } from '../../components/labels';
import { supplyKinds } from '../../components/supplies';
import { t } from '../../i18n/i18n';
import type { MessageId } from '../../i18n/locales/en';

export const periodPresets = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
/** Each period's words, as message ids: read with `t()` where they are shown. */
export const periodLabels: Readonly<Record<PeriodPreset, MessageId>> = {
  'this-month': 'reports.period.thisMonth',
  'last-month': 'reports.period.lastMonth',
  'this-quarter': 'reports.period.thisQuarter',
  'last-quarter': 'reports.period.lastQuarter',
  custom: 'reports.period.custom',
};

// Messages are functions, so each is worded in the language active when the form is checked.
const day = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => t('reports.form.aDate') })]);

export const reportFormSchema = z
  .object({
    period: z.enum(periodPresets),
    from: day,
    to: day,
    area: z.string().trim().max(80, { error: () => t('reports.form.areaTooLong') }),
    workerId: z.union([z.literal(''), idSchema]),
  })
  .refine((f) => f.period !== 'custom' || (f.from !== '' && f.to !== ''), { error: () => t('reports.form.chooseBothDates'), path: ['to'] })
  .refine((f) => f.period !== 'custom' || f.from === '' || f.to === '' || f.to >= f.from, { error: () => t('reports.form.datesInOrder'), path: ['to'] });
export type ReportForm = z.infer<typeof reportFormSchema>;

export const defaultReportForm: ReportForm = { period: 'this-month', from: '', to: '', area: '', workerId: '' };

const localDay = (y: number, m: number, d = 1) => new Date(y, m, d);

/** The period as [from, to): local midnights, the last day included. */
export function periodRange(form: Pick<ReportForm, 'period' | 'from' | 'to'>, now: Date): { from: Date; to: Date } {
  const [y, m] = [now.getFullYear(), now.getMonth()];
  const quarter = Math.floor(m / 3) * 3;
  switch (form.period) {
    case 'this-month':
      return { from: localDay(y, m), to: localDay(y, m + 1) };
    case 'last-month':
      return { from: localDay(y, m - 1), to: localDay(y, m) };
    case 'this-quarter':
      return { from: localDay(y, quarter), to: localDay(y, quarter + 3) };
    case 'last-quarter':
      return { from: localDay(y, quarter - 3), to: localDay(y, quarter) };
    case 'custom': {
      const [fy, fm, fd] = form.from.split('-').map(Number);
      const [ty, tm, td] = form.to.split('-').map(Number);
      return { from: localDay(fy ?? y, (fm ?? 1) - 1, fd ?? 1), to: localDay(ty ?? y, (tm ?? 1) - 1, (td ?? 1) + 1) };
    }
  }
}

export interface FigureTable {
  readonly title: string;
  readonly headings: readonly string[];
  /** Labels, then figures already suppressed. */
  readonly rows: readonly (readonly string[])[];
}

/** Every table of the report, in reading order, small numbers suppressed, in the active language. */
export function reportTables(report: ReportResponse, agencyName: (id: string) => string): FigureTable[] {
  const n = suppressSmall;
  return [
    {
      title: t('reports.contacts.title'),
      headings: ['', t('reports.heading.count')],
      rows: [
        [t('reports.contacts.all'), n(report.contacts.total)],
        [t('reports.contacts.known'), n(report.contacts.known)],
        [t('reports.contacts.anonymous'), n(report.contacts.anonymous)],
        [t('reports.contacts.outOfHours'), n(report.contacts.outOfHours)],
        [t('reports.contacts.buildingTrust'), n(report.contacts.buildingTrust)],
      ],
    },
    {
      title: t('reports.byKind.title'),
      headings: ['', t('reports.heading.contacts')],
      rows: report.contacts.byKind.map(({ kind, count }) => [contactKindLabels[kind], n(count)]),
    },
    {
      title: t('reports.people.title'),
      headings: ['', t('reports.heading.count')],
      rows: [
        [t('reports.people.met'), n(report.people.unique)],
        [t('reports.people.new'), n(report.people.new)],
        [t('reports.people.returning'), n(report.people.returning)],
      ],
    },
    {
      title: t('reports.needs.title'),
      headings: [t('reports.heading.need'), t('reports.heading.someNeed'), t('reports.heading.urgent')],
      rows: report.needs.map((row) => [needDomainLabels[row.domain], n(row.some), n(row.urgent)]),
    },
    {
      title: t('reports.referralsByAgency.title'),
      headings: [t('reports.heading.agency'), t('reports.heading.referrals')],
      rows: report.referrals.byAgency.map((row) => [agencyName(row.agencyId), n(row.count)]),
    },
    {
      title: t('reports.referralsByStatus.title'),
      headings: [t('reports.heading.outcome'), t('reports.heading.referrals')],
      rows: report.referrals.byStatus.map((row) => [referralStatusLabels[row.status], n(row.count)]),
    },
    {
      title: t('reports.appointments.title'),
      headings: ['', t('reports.heading.count')],
      rows: [
        [t('reports.appointments.due'), n(report.appointments.due)],
        [t('reports.appointments.attended'), n(report.appointments.attended)],
        [t('reports.appointments.missed'), n(report.appointments.missed)],
        [t('reports.appointments.stillBooked'), n(report.appointments.stillBooked)],
        [t('reports.appointments.accompanied'), n(report.appointments.accompanied)],
      ],
    },
    {
      title: t('reports.legal.title'),
      headings: ['', t('reports.heading.count')],
      rows: [
        [t('reports.legal.nrmReferrals'), n(report.legal.nrmReferrals)],
        ...report.legal.nrmByStatus.map(({ status, count }): [string, string] => [t('reports.legal.nrmNow', { status: nrmStatusLabels[status] }), n(count)]),
        [t('reports.legal.dutyToNotify'), n(report.legal.dutyToNotify)],
        [t('reports.legal.childSafeguarding'), n(report.legal.childSafeguarding)],
      ],
    },
    {
      title: t('reports.supplies.title'),
      headings: [t('reports.heading.supply'), t('reports.heading.given')],
      rows: supplyKinds.map(({ kind, label }) => [label, n(report.supplies[kind])]),
    },
    {
      title: t('reports.weekly.title'),
      headings: [t('reports.heading.weekStarting'), t('reports.heading.contacts')],
      rows: report.weekly.map((row) => [row.weekStart, n(row.contacts)]),
    },
  ];
}

export interface ChartSeries {
  readonly title: string;
  readonly labels: readonly string[];
  /** Bar heights: counts of 1 to 4 drawn at 0, so no bar gives away a small number. */
  readonly values: readonly number[];
  /** What each bar says when pointed at: the suppressed figure. */
  readonly shown: readonly string[];
  readonly horizontal: boolean;
}

function series(title: string, entries: readonly (readonly [string, number])[], horizontal: boolean): ChartSeries {
  const drawn = (n: number) => (n > 0 && n < 5 ? 0 : n);
  return {
    title,
    labels: entries.map(([label]) => label),
    values: entries.map(([, n]) => drawn(n)),
    shown: entries.map(([label, n]) => t('reports.chart.bar', { label, figure: suppressSmall(n) })),
    horizontal,
  };
}

/**
 * The charts beside the tables people look at rather than read, keyed by the table's title
 * (both in the active language, so work them out together).
 */
export function reportCharts(report: ReportResponse): ReadonlyMap<string, ChartSeries> {
  const weekly = t('reports.weekly.title');
  const byStatus = t('reports.referralsByStatus.title');
  return new Map([
    [weekly, series(weekly, report.weekly.map((w) => [w.weekStart, w.contacts] as const), false)],
    [byStatus, series(byStatus, report.referrals.byStatus.map((r) => [referralStatusLabels[r.status], r.count] as const), true)],
    [
      t('reports.needs.title'),
      series(t('reports.chart.peopleWithEachNeed'), report.needs.filter((n) => n.some + n.urgent > 0).map((n) => [needDomainLabels[n.domain], n.some + n.urgent] as const), true),
    ],
  ]);
}
