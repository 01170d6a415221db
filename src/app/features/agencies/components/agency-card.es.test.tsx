/** One agency card read in Spanish: every word from the catalogue, the agency's own words untouched. */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderForTest, type Rendered } from '../../../components/render-for-test';
import { testAgency } from '../../../components/test-agency';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as english } from '../../../i18n/locales/en';
import { messages as spanish } from '../../../i18n/locales/es';
import { AgencyCard } from './agency-card';

let view: Rendered;
beforeEach(async () => {
  activateCompiled('es', compileCatalogue(spanish, compileMessage));
  const agency = testAgency('Casa Abierta', { womenOnly: true, archived: true, howToRefer: '' });
  view = await renderForTest(
    <ul>
      <AgencyCard agency={agency} now={new Date()} actions={{ onEdit: () => undefined, onArchive: () => undefined }} />
    </ul>,
  );
});
afterEach(() => {
  view.unmount();
  activateCompiled('en', compileCatalogue(english, compileMessage));
});

describe('AgencyCard in Spanish', () => {
  it('reads in Spanish', () => {
    const text = view.container.textContent ?? '';
    expect(view.container.querySelector('.example-tag')?.textContent).toBe(' Ejemplo');
    expect(text).toContain('Cerrada');
    expect(text).toContain('Solo mujeres');
    expect(text).toContain('Pregunta a la entidad');
    expect(view.button('Editar Casa Abierta')?.textContent).toBe('Editar');
    expect(view.button('Restaurar Casa Abierta')?.textContent).toBe('Restaurar');
  });
});
