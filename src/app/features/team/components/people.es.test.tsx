/**
 * Adding a person: the form's problems in English and in Spanish. The rules are the shared
 * ones (`createUserRequestSchema`, `usernameSchema`); every word a person reads comes from
 * the catalogue in the language shown when the check runs. English reads as the browser
 * suite expects it.
 */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUserRequestSchema } from '../../../../shared/api/auth';
import { usernameSchema } from '../../../../shared/domain/people';
import { renderForTest, type Rendered } from '../../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as english } from '../../../i18n/locales/en';
import { messages as spanish } from '../../../i18n/locales/es';
import { People } from './people';

const { createUser } = vi.hoisted(() => ({
  createUser: vi.fn(async () => ({ id: '01HZY0000000000000000000A3', name: 'Nia', username: 'nia', role: 'outreach_worker', temporaryPassword: 'abcd-efgh-jkmn-pqrs' })),
}));
vi.mock('../../../stores/runtime', () => ({ api: { createUser, listUsers: async () => ({ users: [] }) } }));
vi.mock('../../../stores/session-store', () => {
  const state = { user: { id: '01HZY0000000000000000000A1', admin: false, role: 'team_lead' } };
  const useSessionStore = <T,>(select: (s: typeof state) => T): T => select(state);
  useSessionStore.getState = () => state;
  return { useSessionStore };
});

const useLanguage = (language: 'en' | 'es') => activateCompiled(language, compileCatalogue(language === 'en' ? english : spanish, compileMessage));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  useLanguage('en');
  createUser.mockClear();
});

const errorOf = (rendered: Rendered, id: 'name' | 'username') => rendered.container.querySelector(`#person-${id}-error`)?.textContent ?? null;
const maxName = createUserRequestSchema.shape.name.maxLength ?? 0;

/** Types a name and a username, then asks to add them. */
async function tryAdding(rendered: Rendered, submit: string, name: string, username: string) {
  await rendered.type('person-name', name);
  await rendered.type('person-username', username);
  await rendered.click(submit);
}

describe('adding a person: the problems in English', () => {
  it('asks for a name as before, and says what a username is', async () => {
    view = await renderForTest(<People />);
    await tryAdding(view, 'Add and make a temporary password', '', 'Not Valid!');
    expect(errorOf(view, 'name')).toBe('a name is required');
    expect(errorOf(view, 'username')).toBe('a username is 3 to 40 letters, digits, dots, dashes or underscores');
    expect(createUser).not.toHaveBeenCalled();
  });

  it('names the shared limit on a name in a plain sentence, not zod’s own words', async () => {
    view = await renderForTest(<People />);
    await tryAdding(view, 'Add and make a temporary password', 'x'.repeat(maxName + 1), 'nia');
    expect(errorOf(view, 'name')).toBe(`At most ${maxName} characters.`);
    expect(errorOf(view, 'username')).toBeNull();
    expect(view.container.textContent).not.toContain('Too big');
    expect(createUser).not.toHaveBeenCalled();
  });

  it('adds them once the shared rules accept it, as those rules keep it', async () => {
    view = await renderForTest(<People />);
    await tryAdding(view, 'Add and make a temporary password', ' Nia ', ' Nia.B ');
    expect(createUser).toHaveBeenCalledWith({ name: 'Nia', username: 'nia.b', role: 'outreach_worker' });
  });
});

describe('adding a person: the problems in Spanish', () => {
  it('words every problem in Spanish', async () => {
    useLanguage('es');
    view = await renderForTest(<People />);
    await tryAdding(view, 'Añadir y crear una contraseña temporal', '', 'Not Valid!');
    expect(errorOf(view, 'name')).toBe('falta el nombre');
    expect(errorOf(view, 'username')).toBe('un nombre de usuario tiene de 3 a 40 letras, cifras, puntos, guiones o guiones bajos');
    await tryAdding(view, 'Añadir y crear una contraseña temporal', 'x'.repeat(maxName + 1), 'nia');
    expect(errorOf(view, 'name')).toBe(`Como máximo ${maxName} caracteres.`);
    expect(createUser).not.toHaveBeenCalled();
  });

  it('words a failed check in the language shown when it fails', async () => {
    view = await renderForTest(<People />);
    useLanguage('es');
    await view.settle();
    await tryAdding(view, 'Add and make a temporary password', '', 'ab');
    expect(errorOf(view, 'name')).toBe('falta el nombre');
    expect(errorOf(view, 'username')).toBe('un nombre de usuario tiene de 3 a 40 letras, cifras, puntos, guiones o guiones bajos');
  });
});

describe('the username’s words', () => {
  // The words name the shared rule's bounds (a pattern gives none to read): if the rule moves, this fails.
  it('say what the shared rule accepts: 3 to 40 letters, digits, dots, dashes or underscores', () => {
    for (const accepted of ['abc', 'a'.repeat(40), 'a.b-c_9']) expect(usernameSchema.safeParse(accepted).success).toBe(true);
    for (const refused of ['ab', 'a'.repeat(41), 'a b c', 'añb']) expect(usernameSchema.safeParse(refused).success).toBe(false);
  });
});
