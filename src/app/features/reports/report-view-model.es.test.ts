import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportResponse } from '../../../shared/api/reports';
import { activateCompiled, compileCatalogue } from '../../i18n/i18n';
import { messages as englishMessages } from '../../i18n/locales/en';
import { messages as spanishMessages } from '../../i18n/locales/es';
import { defaultReportForm, reportCharts, reportFormSchema, reportTables } from './report-view-model';

afterEach(() => activateCompiled('en', compileCatalogue(englishMessages, compileMessage)));

const report: ReportResponse = {
  contacts: { total: 40, known: 36, anonymous: 4, outOfHours: 0, buildingTrust: 12, byKind: [] },
  people: { unique: 20, new: 3, returning: 17 },
  needs: [],
  referrals: { total: 9, byAgency: [], byStatus: [] },
  appointments: { due: 0, attended: 0, missed: 0, stillBooked: 0, accompanied: 0 },
  legal: { nrmReferrals: 0, nrmByStatus: [], dutyToNotify: 0, childSafeguarding: 0 },
  supplies: { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 },
  weekly: [{ weekStart: '2026-11-02', contacts: 3 }],
};

describe('the report in Spanish', () => {
  it('words the tables, the charts and the form’s checks in the active language', () => {
    activateCompiled('es', compileCatalogue(spanishMessages, compileMessage));
    const tables = reportTables(report, () => 'Clínica');
    expect(tables[0]).toMatchObject({ title: 'Contactos', headings: ['', 'Número'] });
    expect(tables[0]?.rows[2]).toEqual(['Anónimos', '<5']);
    // Charts are keyed by the table's title in the same language, so each finds its table.
    const charts = reportCharts(report);
    for (const key of charts.keys()) expect(tables.map((t) => t.title)).toContain(key);
    expect(charts.get('Contactos por semana')?.shown).toEqual(['2026-11-02: <5']);
    const custom = { ...defaultReportForm, period: 'custom' as const };
    expect(reportFormSchema.safeParse({ ...custom, from: '2026-02-03' }).error?.issues[0]?.message).toBe('Elige las dos fechas.');
  });
});
