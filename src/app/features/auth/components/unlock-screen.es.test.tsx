/** The lock screen read in Spanish, and in English again after switching back. */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForTest, type Rendered } from '../../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as english } from '../../../i18n/locales/en';
import { messages as spanish } from '../../../i18n/locales/es';
import { UnlockScreen } from './unlock-screen';

vi.mock('../../../stores/session-store', () => ({
  useSessionStore: <T,>(select: (s: { lockedUsername: string; unlock: () => Promise<void>; logout: () => Promise<void> }) => T): T =>
    select({ lockedUsername: 'sam', unlock: async () => undefined, logout: async () => undefined }),
}));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  activateCompiled('en', compileCatalogue(english, compileMessage));
});

describe('UnlockScreen', () => {
  it('reads in Spanish', async () => {
    activateCompiled('es', compileCatalogue(spanish, compileMessage));
    view = await renderForTest(<UnlockScreen />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Lantern está bloqueado');
    expect(view.container.textContent).toContain('Sesión iniciada como sam.');
    await view.click('Desbloquear');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Escribe tu contraseña.');
    await view.click('¿Has olvidado la contraseña?');
    expect(view.button('Borrar este dispositivo')).toBeDefined();
  });

  it('reads as before in English', async () => {
    view = await renderForTest(<UnlockScreen />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Lantern is locked');
    expect(view.container.textContent).toContain('Signed in as sam.');
    await view.click('Forgot password?');
    expect(view.container.textContent).toContain(
      'Erasing removes every Lantern record from this device, including changes that have not synced. You can sign in again afterwards.',
    );
  });
});
