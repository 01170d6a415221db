import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForTest, type Rendered } from '../../../components/render-for-test';
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

vi.mock('../../../stores/runtime', () => ({
  api: { listUsers: async () => ({ users }), listDevices: async () => ({ devices }) },
}));
vi.mock('../../../stores/session-store', () => {
  const state = { user: { id: '01HZY0000000000000000000A1', admin: true, role: 'team_lead' }, idleLockMinutes: 5 };
  const useSessionStore = <T,>(select: (s: typeof state) => T): T => select(state);
  useSessionStore.getState = () => state;
  return { useSessionStore };
});

const activate = (language: 'en' | 'es') =>
  activateCompiled(language, compileCatalogue(language === 'en' ? englishMessages : spanishMessages, compileMessage));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  activate('en');
});

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
});
