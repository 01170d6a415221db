/**
 * The agency form's problems, in English and in Spanish: the rules are the shared agency
 * schema's, every word a person reads comes from the catalogue in the language shown when
 * the check runs. English reads as the browser suite expects it.
 */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agencyProfileSchema } from '../../../../shared/domain/agency';
import { renderForTest, type Rendered } from '../../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as english } from '../../../i18n/locales/en';
import { messages as spanish } from '../../../i18n/locales/es';
import { agencyFormSchema, emptyAgencyForm } from '../agency-form-model';
import { AgencyForm } from './agency-form';

const { create } = vi.hoisted(() => ({ create: vi.fn(async () => undefined) }));
vi.mock('../../../stores/runtime', () => ({ agenciesRepository: { create, update: async () => undefined } }));

const useLanguage = (language: 'en' | 'es') => activateCompiled(language, compileCatalogue(language === 'en' ? english : spanish, compileMessage));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  useLanguage('en');
  create.mockClear();
});

const field = 'agency-form-new';
const errorOf = (rendered: Rendered, id: string) => rendered.container.querySelector(`#${field}-${id}-error`)?.textContent ?? null;
const maxName = agencyProfileSchema.shape.name.maxLength ?? 0;
const maxPhone = agencyProfileSchema.shape.phone.unwrap().unwrap().maxLength ?? 0;

/** Fills the form with what the shared rules refuse, then saves: nothing is saved. */
async function refusedForm(submitName: string): Promise<Rendered> {
  const rendered = await renderForTest(<AgencyForm onDone={() => undefined} />);
  await rendered.click(submitName);
  expect(create).not.toHaveBeenCalled();
  return rendered;
}

describe('the agency form’s problems in English', () => {
  it('asks for a name as before, and names the shared limits', async () => {
    view = await refusedForm('Add agency');
    expect(errorOf(view, 'name')).toBe('a name is required');
    await view.type(`${field}-name`, 'x'.repeat(maxName + 1));
    await view.type(`${field}-phone`, '0'.repeat(maxPhone + 1));
    await view.click('Add agency');
    expect(errorOf(view, 'name')).toBe(`at most ${maxName} characters`);
    expect(errorOf(view, 'phone')).toBe(`at most ${maxPhone} characters`);
    expect(create).not.toHaveBeenCalled();
  });

  it('asks for a time in a session, beside the time', async () => {
    view = await renderForTest(<AgencyForm onDone={() => undefined} />);
    await view.type(`${field}-name`, 'Night Haven');
    await view.click('Add a session');
    await view.type(`${field}-session-0-opens`, '');
    await view.click('Add agency');
    expect(errorOf(view, 'session-0-opens')).toBe('Give a time, such as 20:00.');
    expect(errorOf(view, 'session-0-closes')).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  it('words the shared limit on sessions', () => {
    const max = 50;
    const sessions = Array.from({ length: max + 1 }, () => ({ day: 5, opens: '20:00', closes: '23:00', dropIn: false }));
    expect(agencyProfileSchema.shape.openingHours.safeParse(sessions.slice(1)).success).toBe(true);
    const issues = agencyFormSchema.safeParse({ ...emptyAgencyForm, name: 'Night Haven', openingHours: sessions }).error?.issues;
    expect(issues?.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['openingHours', `At most ${max} sessions.`]]);
  });
});

describe('the agency form’s problems in Spanish', () => {
  it('words every problem in Spanish, with the shared limits', async () => {
    useLanguage('es');
    view = await refusedForm('Añadir entidad');
    expect(errorOf(view, 'name')).toBe('falta el nombre');
    await view.type(`${field}-name`, 'x'.repeat(maxName + 1));
    await view.type(`${field}-phone`, '0'.repeat(maxPhone + 1));
    await view.click('Añadir una franja');
    await view.type(`${field}-session-0-closes`, '');
    await view.click('Añadir entidad');
    expect(errorOf(view, 'name')).toBe(`como máximo ${maxName} caracteres`);
    expect(errorOf(view, 'phone')).toBe(`como máximo ${maxPhone} caracteres`);
    expect(errorOf(view, 'session-0-closes')).toBe('Indica una hora, por ejemplo 20:00.');
    expect(view.container.textContent).not.toMatch(/required|characters|Too big|HH:MM/);
    expect(create).not.toHaveBeenCalled();
  });

  it('words a failed check in the language shown when it fails', async () => {
    view = await renderForTest(<AgencyForm onDone={() => undefined} />);
    useLanguage('es');
    await view.settle();
    // The form was drawn in English; its check runs now, in Spanish.
    await view.click('Add agency');
    expect(errorOf(view, 'name')).toBe('falta el nombre');
  });

  it('words the shared limit on sessions in Spanish', () => {
    useLanguage('es');
    const sessions = Array.from({ length: 51 }, () => ({ day: 5, opens: '20:00', closes: '23:00', dropIn: false }));
    const issues = agencyFormSchema.safeParse({ ...emptyAgencyForm, name: 'Casa Abierta', openingHours: sessions }).error?.issues;
    expect(issues?.map((issue) => issue.message)).toEqual(['Como máximo 50 franjas.']);
  });
});

describe('the agency form once its problems are put right', () => {
  it('saves what the shared rules accept, trimmed as they keep it', async () => {
    view = await refusedForm('Add agency');
    await view.type(`${field}-name`, '  Night Haven ');
    await view.click('Add agency');
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ name: 'Night Haven', phone: null, address: null }));
  });
});
