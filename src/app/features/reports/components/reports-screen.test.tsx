import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportResponse } from '../../../../shared/api/reports';
import { act, renderForTest, type Rendered } from '../../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as englishMessages } from '../../../i18n/locales/en';
import { messages as spanishMessages } from '../../../i18n/locales/es';
import { ReportsScreen } from './reports-screen';

const figures: ReportResponse = {
  contacts: { total: 40, known: 36, anonymous: 4, outOfHours: 0, buildingTrust: 12, byKind: [] },
  people: { unique: 20, new: 3, returning: 17 },
  needs: [],
  referrals: { total: 0, byAgency: [], byStatus: [] },
  appointments: { due: 0, attended: 0, missed: 0, stillBooked: 0, accompanied: 0 },
  legal: { nrmReferrals: 0, nrmByStatus: [], dutyToNotify: 0, childSafeguarding: 0 },
  supplies: { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 },
  weekly: [],
};

vi.mock('../../../stores/runtime', () => ({
  teamMembersRepository: { list: async () => [] },
  agenciesRepository: { list: async () => [] },
  api: { report: async () => figures },
}));

const activate = (language: 'en' | 'es') =>
  activateCompiled(language, compileCatalogue(language === 'en' ? englishMessages : spanishMessages, compileMessage));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  activate('en');
});

const submit = async (rendered: Rendered) => {
  const form = rendered.labelled('Choose the report') ?? rendered.labelled('Elige el informe');
  await act(async () => {
    form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await rendered.settle();
};

describe('ReportsScreen', () => {
  it('reads as before in English', async () => {
    view = await renderForTest(<ReportsScreen />);
    await submit(view);
    expect(view.container.querySelector('[role="status"]')?.textContent).toMatch(/^\d{1,2} \w{3} \d{4} to \d{1,2} \w{3} \d{4}$/);
    expect(view.container.querySelector('#report-contacts')?.textContent).toBe('Contacts');
    expect(view.button('Export Contacts as CSV')).toBeDefined();
    expect(view.labelled('Contacts, table')?.textContent).toContain('Anonymous<5');
  });

  it('reads in Spanish, dates included', async () => {
    activate('es');
    view = await renderForTest(<ReportsScreen />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Informes');
    await submit(view);
    expect(view.container.querySelector('[role="status"]')?.textContent).toMatch(/^Del \d{1,2} \S+ \d{4} al \d{1,2} \S+ \d{4}$/);
    expect(view.button('Exportar Contactos como CSV')).toBeDefined();
    expect(view.container.querySelector('#report-necesidades-ultima-valoracion-del-periodo')?.textContent).toBe('Necesidades (última valoración del periodo)');
  });
});
