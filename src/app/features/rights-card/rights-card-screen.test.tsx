import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForTest, type Rendered } from '../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../i18n/i18n';
import { messages as englishMessages } from '../../i18n/locales/en';
import { messages as spanishMessages } from '../../i18n/locales/es';
import { cardTitles } from './rights-content';
import { RightsCardScreen } from './rights-card-screen';

vi.mock('../../stores/runtime', () => ({
  clientsRepository: { get: async () => undefined },
  nrmRepository: { referralsFor: async () => [] },
}));
vi.mock('../../stores/session-store', () => ({
  useSessionStore: <T,>(select: (s: { user: { role: string } }) => T): T => select({ user: { role: 'outreach_worker' } }),
}));

const activate = (language: 'en' | 'es') =>
  activateCompiled(language, compileCatalogue(language === 'en' ? englishMessages : spanishMessages, compileMessage));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  activate('en');
});

describe('RightsCardScreen', () => {
  it('frames the card in English as before', async () => {
    view = await renderForTest(<RightsCardScreen clientId={null} />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Rights card');
    expect(view.container.querySelector('summary')?.textContent).toMatch(/^Sources \(last reviewed .+\)$/);
    expect(view.button('Print')).toBeDefined();
  });

  it('frames the card in Spanish, and leaves the card’s own words as they are', async () => {
    activate('es');
    view = await renderForTest(<RightsCardScreen clientId={null} />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Tarjeta de derechos');
    expect(view.container.querySelector('label[for="rights-language"]')?.textContent).toBe('Idioma');
    expect(view.container.querySelector('summary')?.textContent).toMatch(/^Fuentes \(última revisión: .+\)$/);
    expect(view.button('Imprimir')).toBeDefined();
    expect(view.button('Volver')).toBeDefined();
    expect(view.labelled('Tarjeta')?.querySelector('h2[lang="en-GB"]')?.textContent).toBe(cardTitles.en.text);
  });
});
