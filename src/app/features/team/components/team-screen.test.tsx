import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderForTest, type Rendered } from '../../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as englishMessages } from '../../../i18n/locales/en';
import { messages as spanishMessages } from '../../../i18n/locales/es';
import { TeamScreen } from './team-screen';

const users = [
  { id: '01HZY0000000000000000000A1', username: 'lead', name: 'Lead', role: 'team_lead', admin: true, active: true },
  { id: '01HZY0000000000000000000A2', username: 'ana', name: 'Ana', role: 'outreach_worker', admin: false, active: true },
];
const devices = [
  {
    id: '01HZY0000000000000000000D1',
    userId: '01HZY0000000000000000000A1',
    name: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36',
    createdAt: '2026-12-03T12:00:00.000Z',
    lastSeenAt: '2026-12-04T12:00:00.000Z',
    revokedAt: null,
    report: { waiting: 2, attention: 1, at: '2026-12-04T12:00:00.000Z' },
  },
];

const { updateTeam } = vi.hoisted(() => ({
  updateTeam: vi.fn(async ({ idleLockMinutes }: { idleLockMinutes: number }) => ({ id: '01HZY0000000000000000000T1', idleLockMinutes })),
}));
vi.mock('../../../stores/runtime', () => ({
  api: { listUsers: async () => ({ users }), listDevices: async () => ({ devices }), updateTeam },
}));
vi.mock('../../../stores/session-store', () => {
  const state = { user: { id: '01HZY0000000000000000000A1', admin: true, role: 'team_lead' }, idleLockMinutes: 5 };
  const useSessionStore = <T,>(select: (s: typeof state) => T): T => select(state);
  useSessionStore.getState = () => state;
  // The team store passes on the saved setting; kept out of `state` so each test starts at 5 minutes.
  useSessionStore.setState = (): void => undefined;
  return { useSessionStore };
});

const activate = (language: 'en' | 'es') =>
  activateCompiled(language, compileCatalogue(language === 'en' ? englishMessages : spanishMessages, compileMessage));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  activate('en');
  updateTeam.mockClear();
});

/** The idle-lock field, its error (if shown) and its form's Save button. */
const idleLock = (rendered: Rendered) => {
  const field = rendered.container.querySelector<HTMLInputElement>('#idle-lock');
  const save = field?.form?.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!field || !save) throw new Error('No idle-lock form');
  const status = () => field.form?.querySelector('[role="status"]')?.textContent ?? null;
  return { field, save, status, error: () => rendered.container.querySelector('#idle-lock-error')?.textContent ?? null };
};
const submit = async (rendered: Rendered, save: HTMLButtonElement) => {
  await act(async () => save.click());
  await rendered.settle();
};

describe('TeamScreen', () => {
  it('reads as before in English: the device in bold, then when and by whom', async () => {
    view = await renderForTest(<TeamScreen />);
    const devicesList = view.labelled('Devices');
    const line = devicesList?.querySelector('li p');
    expect(line?.querySelector('strong')?.textContent).not.toBe('');
    expect(line?.textContent).toBe(`${line?.querySelector('strong')?.textContent}, signed in 3 Dec by Lead`);
    expect(devicesList?.textContent).toContain('At its last sync: 2 changes waiting to sync; 1 change refused, needing attention.');
    expect(view.labelled('Manage Ana')).not.toBeNull();
    expect(view.container.textContent).toContain('Lock devices after this many idle minutes (1 to 60)');
  });

  it('reads in Spanish, with dates in Spanish and the name still in bold', async () => {
    activate('es');
    view = await renderForTest(<TeamScreen />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Equipo');
    const devicesList = view.labelled('Dispositivos');
    const line = devicesList?.querySelector('li p');
    expect(line?.textContent).toBe(`${line?.querySelector('strong')?.textContent}, sesión iniciada el 3 dic por Lead`);
    expect(devicesList?.textContent).toContain('En su última sincronización: 2 cambios pendientes de sincronizar; 1 cambio rechazado que necesita atención.');
    expect(view.labelled('Gestionar a Ana')).not.toBeNull();
    expect(view.button('Restablecer contraseña')).toBeDefined();
    expect(view.container.textContent).toContain('Bloquear los dispositivos tras estos minutos de inactividad (de 1 a 60)');
  });

  describe('the idle-lock setting', () => {
    it.each(['0', '61', '1.5', '', 'five', '-3'])('refuses %j beside the field, as it is typed and on Save, and saves nothing', async (typed) => {
      view = await renderForTest(<TeamScreen />);
      const form = idleLock(view);
      expect(form.field.value).toBe('5');
      expect(form.error()).toBeNull();
      await view.type('idle-lock', typed);
      expect(form.error()).toBe('A whole number from 1 to 60.');
      expect(form.field.getAttribute('aria-invalid')).toBe('true');
      expect(form.field.getAttribute('aria-describedby')).toBe('idle-lock-error');
      await submit(view, form.save);
      expect(updateTeam).not.toHaveBeenCalled();
      expect(form.status()).toBeNull();
      expect(form.error()).toBe('A whole number from 1 to 60.');
      expect(form.field.value).toBe(typed);
    });

    it('saves a whole number from 1 to 60 through the team store and says so', async () => {
      view = await renderForTest(<TeamScreen />);
      const form = idleLock(view);
      await view.type('idle-lock', '2');
      expect(form.error()).toBeNull();
      expect(form.field.hasAttribute('aria-invalid')).toBe(false);
      await submit(view, form.save);
      expect(updateTeam).toHaveBeenCalledTimes(1);
      expect(updateTeam).toHaveBeenCalledWith({ idleLockMinutes: 2 });
      expect(form.status()).toBe('Saved. Devices pick it up when they next unlock online.');
      // A later refused try takes the "Saved" away and saves nothing more.
      await view.type('idle-lock', '61');
      await submit(view, form.save);
      expect(form.status()).toBeNull();
      expect(updateTeam).toHaveBeenCalledTimes(1);
    });

    it('accepts both ends of the range', async () => {
      view = await renderForTest(<TeamScreen />);
      const form = idleLock(view);
      for (const minutes of [1, 60]) {
        await view.type('idle-lock', String(minutes));
        await submit(view, form.save);
        expect(updateTeam).toHaveBeenLastCalledWith({ idleLockMinutes: minutes });
      }
    });

    it('words the rule in Spanish when Spanish is shown', async () => {
      activate('es');
      view = await renderForTest(<TeamScreen />);
      await view.type('idle-lock', '61');
      expect(idleLock(view).error()).toBe('Un número entero del 1 al 60.');
    });
  });
});
