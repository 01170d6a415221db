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

export const periodPresets = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
export const periodLabels: Record<PeriodPreset, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  'last-quarter': 'Last quarter',
  custom: 'Between two dates',
};

const day = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date')]);

export const reportFormSchema = z
  .object({
    period: z.enum(periodPresets),
    from: day,
    to: day,
    area: z.string().trim().max(80, 'at most 80 characters'),
    workerId: z.union([z.literal(''), idSchema]),
  })
  .refine((f) => f.period !== 'custom' || (f.from !== '' && f.to !== ''), { message: 'Choose both dates.', path: ['to'] })
  .refine((f) => f.period !== 'custom' || f.from === '' || f.to === '' || f.to >= f.from, { message: 'The last day is on or after the first.', path: ['to'] });
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

/** Every table of the report, in reading order, small numbers suppressed. */
export function reportTables(report: ReportResponse, agencyName: (id: string) => string): FigureTable[] {
  const n = suppressSmall;
  return [
    {
      title: 'Contacts',
      headings: ['', 'Count'],
      rows: [
        ['All contacts', n(report.contacts.total)],
        ['With a known person', n(report.contacts.known)],
        ['Anonymous', n(report.contacts.anonymous)],
        ['Out of hours (evenings, nights, weekends)', n(report.contacts.outOfHours)],
        ['Building trust (counted as progress)', n(report.contacts.buildingTrust)],
      ],
    },
    {
      title: 'How we met them',
      headings: ['', 'Contacts'],
      rows: report.contacts.byKind.map(({ kind, count }) => [contactKindLabels[kind], n(count)]),
    },
    {
      title: 'People',
      headings: ['', 'Count'],
      rows: [
        ['People met', n(report.people.unique)],
        ['Met for the first time', n(report.people.new)],
        ['Met before', n(report.people.returning)],
      ],
    },
    {
      title: 'Needs (latest assessment in the period)',
      headings: ['Need', 'Some need', 'Urgent'],
      rows: report.needs.map((row) => [needDomainLabels[row.domain], n(row.some), n(row.urgent)]),
    },
    {
      title: 'Referrals by agency',
      headings: ['Agency', 'Referrals'],
      rows: report.referrals.byAgency.map((row) => [agencyName(row.agencyId), n(row.count)]),
    },
    {
      title: 'Referrals by outcome so far',
      headings: ['Outcome', 'Referrals'],
      rows: report.referrals.byStatus.map((row) => [referralStatusLabels[row.status], n(row.count)]),
    },
    {
      title: 'Appointments due in the period',
      headings: ['', 'Count'],
      rows: [
        ['Due', n(report.appointments.due)],
        ['Attended', n(report.appointments.attended)],
        ['Missed', n(report.appointments.missed)],
        ['Still booked (not yet marked)', n(report.appointments.stillBooked)],
        ['A worker went along', n(report.appointments.accompanied)],
      ],
    },
    {
      title: 'Legal routes',
      headings: ['', 'Count'],
      rows: [
        ['National Referral Mechanism referrals', n(report.legal.nrmReferrals)],
        ...report.legal.nrmByStatus.map(({ status, count }): [string, string] => [`NRM now: ${nrmStatusLabels[status]}`, n(count)]),
        ['Duty to Notify', n(report.legal.dutyToNotify)],
        ['Under-18 safeguarding', n(report.legal.childSafeguarding)],
      ],
    },
    {
      title: 'Supplies given',
      headings: ['Supply', 'Given'],
      rows: supplyKinds.map(({ kind, label }) => [label, n(report.supplies[kind])]),
    },
    {
      title: 'Contacts per week',
      headings: ['Week starting', 'Contacts'],
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
  return { title, labels: entries.map(([label]) => label), values: entries.map(([, n]) => drawn(n)), shown: entries.map(([label, n]) => `${label}: ${suppressSmall(n)}`), horizontal };
}

/** The charts beside the tables people look at rather than read, keyed by the table's title. */
export function reportCharts(report: ReportResponse): ReadonlyMap<string, ChartSeries> {
  return new Map([
    ['Contacts per week', series('Contacts per week', report.weekly.map((w) => [w.weekStart, w.contacts] as const), false)],
    ['Referrals by outcome so far', series('Referrals by outcome so far', report.referrals.byStatus.map((r) => [referralStatusLabels[r.status], r.count] as const), true)],
    [
      'Needs (latest assessment in the period)',
      series('People with each need', report.needs.filter((n) => n.some + n.urgent > 0).map((n) => [needDomainLabels[n.domain], n.some + n.urgent] as const), true),
    ],
  ]);
}
