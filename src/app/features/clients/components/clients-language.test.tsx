import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientRecord } from '../../../../shared/domain/client';
import { renderForTest, type Rendered } from '../../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as englishMessages } from '../../../i18n/locales/en';
import { messages as spanishMessages } from '../../../i18n/locales/es';
import { clientFormSchema, emptyClientForm } from '../client-form-model';
import { ClientList } from './client-list';
import { LanguagePicker } from '../../../components/language-picker';
import { PersonDataPanel } from './person-data-panel';

const lead = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01';
const other = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a02';
const robin = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', alias: 'Robin', usualAreas: ['Docks'], safetyFlags: ['being_watched'] } as unknown as ClientRecord;
const requestedAt = '2026-11-01T10:30:00.000Z';

vi.mock('../../../stores/runtime', () => ({
  clientsRepository: { search: async () => [robin] },
  agenciesRepository: { list: async () => [] },
  teamMembersRepository: { list: async () => [{ id: other, name: 'Olu' }] },
  notesRepository: { forClient: async () => [] },
}));
vi.mock('../../../stores/session-store', () => ({
  useSessionStore: <T,>(select: (s: { user: { id: string; role: string } }) => T): T => select({ user: { id: lead, role: 'team_lead' } }),
}));
vi.mock('../../../stores/data-rights', () => ({
  pendingErasures: async () => [{ id: 'e1', clientId: robin.id, requestedBy: other, requestedAt, status: 'pending' }],
  askToErase: async () => undefined,
  cancelErasure: async () => undefined,
  confirmErasure: async () => undefined,
  describeDataRightsFailure: () => '',
  ERASING_NEEDS_SIGNAL: '',
}));

const useLanguage = (language: 'en' | 'es') =>
  activateCompiled(language, compileCatalogue(language === 'en' ? englishMessages : spanishMessages, compileMessage));
/** How the panel wrote a date before it had catalogues: English must not move. */
const englishWhen = new Date(requestedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
  useLanguage('en');
});

describe('a person’s screens in the chosen language', () => {
  it('counts and tags clients in English as before, and in Spanish', async () => {
    view = await renderForTest(<ClientList />);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('1 client');
    expect(view.container.querySelector('h1')?.textContent).toBe('Clients');
    view.unmount();
    useLanguage('es');
    view = await renderForTest(<ClientList />);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('1 persona');
    expect(view.container.querySelector('h1')?.textContent).toBe('Personas');
    expect(view.container.querySelector('input')?.getAttribute('placeholder')).toBe('Alias, nombre o zona');
    expect(view.button('Añadir persona')).toBeDefined();
  });

  it('says a waiting erasure with its date in the language shown', async () => {
    view = await renderForTest(<PersonDataPanel client={robin} />);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe(`Olu asked to erase Robin on ${englishWhen}.`);
    view.unmount();
    useLanguage('es');
    view = await renderForTest(<PersonDataPanel client={robin} />);
    expect(view.container.querySelector('[role="status"]')?.textContent).toMatch(/^Olu pidió borrar a Robin el 1 nov 2026/);
    expect(view.button('Borrar a Robin ahora')).toBeDefined();
  });

  it('words the language limit with a plural', async () => {
    useLanguage('es');
    view = await renderForTest(<LanguagePicker selected={['ro']} max={1} onChange={() => undefined} />);
    expect(view.container.querySelector('.hint')?.textContent).toBe('Hasta 1 idioma.');
  });

  it('words a form error in the language active when the form is checked, not when it loaded', () => {
    const aliasError = () => clientFormSchema.safeParse({ ...emptyClientForm, birthYear: 'abc' }).error?.issues.map((i) => i.message);
    expect(aliasError()).toEqual(['An alias is required — any name they are happy to use.', 'A year like 1994, or leave it empty.']);
    useLanguage('es');
    expect(aliasError()).toEqual(['Hace falta un alias: cualquier nombre que le parezca bien usar.', 'Un año como 1994, o déjalo vacío.']);
  });
});
