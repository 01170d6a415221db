import { describe, expect, it } from 'vitest';
import type { ReportResponse } from '../../../shared/api/reports';
import { defaultReportForm, periodRange, reportCharts, reportFormSchema, reportTables } from './report-view-model';

// Local dates: the period is worked out in the device's own time zone.
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d);
const NOW = new Date(2026, 10, 30, 21, 0); // 30 November 2026, 21:00 local

describe('periodRange', () => {
  it.each([
    ['this-month', local(2026, 11, 1), local(2026, 12, 1)],
    ['last-month', local(2026, 10, 1), local(2026, 11, 1)],
    ['this-quarter', local(2026, 10, 1), local(2027, 1, 1)],
    ['last-quarter', local(2026, 7, 1), local(2026, 10, 1)],
  ] as const)('%s', (period, from, to) => {
    expect(periodRange({ ...defaultReportForm, period }, NOW)).toEqual({ from, to });
  });

  it('takes the last day of two dates whole, and January’s last quarter from the year before', () => {
    expect(periodRange({ period: 'custom', from: '2026-02-03', to: '2026-02-28' }, NOW)).toEqual({ from: local(2026, 2, 3), to: local(2026, 3, 1) });
    expect(periodRange({ ...defaultReportForm, period: 'last-quarter' }, new Date(2027, 0, 15))).toEqual({ from: local(2026, 10, 1), to: local(2027, 1, 1) });
    expect(periodRange({ ...defaultReportForm, period: 'last-month' }, new Date(2027, 0, 15))).toEqual({ from: local(2026, 12, 1), to: local(2027, 1, 1) });
  });

  it('asks for both dates, in order', () => {
    const custom = { ...defaultReportForm, period: 'custom' as const };
    expect(reportFormSchema.safeParse({ ...custom, from: '2026-02-03' }).error?.issues[0]?.message).toBe('Choose both dates.');
    expect(reportFormSchema.safeParse({ ...custom, from: '2026-02-03', to: '2026-02-01' }).error?.issues[0]?.message).toBe('The last day is on or after the first.');
    expect(reportFormSchema.safeParse({ ...custom, from: '2026-02-03', to: '2026-02-03' }).success).toBe(true);
  });
});

describe('reportTables', () => {
  const report: ReportResponse = {
    contacts: { total: 40, known: 36, anonymous: 4, outOfHours: 0, buildingTrust: 12, byKind: [{ kind: 'street', count: 37 }, { kind: 'online', count: 3 }] },
    people: { unique: 20, new: 3, returning: 17 },
    needs: [{ domain: 'housing', some: 2, urgent: 9 }],
    referrals: { total: 6, byAgency: [{ agencyId: 'a', count: 6 }], byStatus: [{ status: 'sent', count: 1 }] },
    appointments: { due: 5, attended: 5, missed: 0, stillBooked: 0, accompanied: 1 },
    legal: { nrmReferrals: 2, nrmByStatus: [{ status: 'rg_positive', count: 2 }], dutyToNotify: 0, childSafeguarding: 0 },
    supplies: { condoms: 300, needles: 0, naloxone: 3, food: 10, hygienePacks: 7 },
    weekly: [{ weekStart: '2026-11-02', contacts: 4 }],
  };

  it('shows 1 to 4 as "<5" in every table, and names agencies', () => {
    const tables = reportTables(report, (id) => (id === 'a' ? 'Clinic' : 'An agency'));
    const cell = (title: string, label: string) => tables.find((t) => t.title.startsWith(title))?.rows.find((r) => r[0] === label);
    expect(cell('Contacts', 'Anonymous')).toEqual(['Anonymous', '<5']);
    expect(cell('Contacts', 'Out of hours (evenings, nights, weekends)')?.[1]).toBe('0');
    expect(cell('People', 'Met for the first time')?.[1]).toBe('<5');
    expect(cell('Needs', 'Housing')).toEqual(['Housing', '<5', '9']);
    expect(cell('Referrals by agency', 'Clinic')).toEqual(['Clinic', '6']);
    expect(cell('Legal routes', 'National Referral Mechanism referrals')?.[1]).toBe('<5');
    expect(cell('Supplies', 'Naloxone')?.[1]).toBe('<5');
    expect(cell('Contacts per week', '2026-11-02')?.[1]).toBe('<5');
    expect(cell('How we met them', 'On the street')?.[1]).toBe('37');
    expect(cell('How we met them', 'Online')?.[1]).toBe('<5');
    expect(tables.flatMap((t) => t.rows.flatMap((r) => r.slice(1))).filter((v) => /^[1-4]$/.test(v))).toEqual([]);
  });
});

describe('reportCharts', () => {
  it('draws small counts at 0 and says "<5" when a bar is pointed at', () => {
    const report: ReportResponse = {
      contacts: { total: 0, known: 0, anonymous: 0, outOfHours: 0, buildingTrust: 0, byKind: [] },
      people: { unique: 0, new: 0, returning: 0 },
      needs: [
        { domain: 'housing', some: 2, urgent: 9 },
        { domain: 'mental_health', some: 0, urgent: 0 },
        { domain: 'domestic_abuse', some: 1, urgent: 1 },
      ],
      referrals: { total: 9, byAgency: [], byStatus: [{ status: 'sent', count: 7 }, { status: 'declined', count: 2 }] },
      appointments: { due: 0, attended: 0, missed: 0, stillBooked: 0, accompanied: 0 },
      legal: { nrmReferrals: 0, nrmByStatus: [], dutyToNotify: 0, childSafeguarding: 0 },
      supplies: { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 },
      weekly: [{ weekStart: '2026-11-02', contacts: 12 }, { weekStart: '2026-11-09', contacts: 3 }],
    };
    const charts = reportCharts(report);
    expect(charts.get('Contacts per week')).toEqual({ title: 'Contacts per week', labels: ['2026-11-02', '2026-11-09'], values: [12, 0], shown: ['2026-11-02: 12', '2026-11-09: <5'], horizontal: false });
    expect(charts.get('Referrals by outcome so far')?.values).toEqual([7, 0]);
    expect(charts.get('Needs (latest assessment in the period)')).toMatchObject({ labels: ['Housing', 'Domestic abuse'], values: [11, 0], shown: ['Housing: 11', 'Domestic abuse: <5'] });
  });
});
