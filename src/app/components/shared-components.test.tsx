import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it } from 'vitest';
import { noSupplies } from '../../shared/domain/contact';
import { activateCompiled, compileCatalogue } from '../i18n/i18n';
import { messages as english } from '../i18n/locales/en';
import { messages as spanish } from '../i18n/locales/es';
import { ContactKindSelect } from './contact-kind-select';
import { renderForTest, type Rendered } from './render-for-test';
import { SupplyCounters } from './supplies';

let rendered: Rendered | undefined;

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  activateCompiled('en', compileCatalogue(english, compileMessage));
});

const ui = () => (
  <>
    <ContactKindSelect id="kind" value="street" onChange={() => undefined} />
    <SupplyCounters supplies={{ ...noSupplies, condoms: 2 }} onChange={() => undefined} />
  </>
);

describe('shared components', () => {
  it('read in English as before', async () => {
    rendered = await renderForTest(ui());
    expect(rendered.container.querySelector('label[for="kind"]')?.textContent).toBe('How you met');
    expect(rendered.container.querySelector('option[value="drop_in"]')?.textContent).toBe('At a drop-in');
    expect(rendered.labelled('Condoms: 2')).not.toBeNull();
    expect(rendered.button('Condoms: add one')).toBeDefined();
    expect(rendered.button('Needles: remove one')?.disabled).toBe(true);
  });

  it('read in Spanish when Spanish is active', async () => {
    activateCompiled('es', compileCatalogue(spanish, compileMessage));
    rendered = await renderForTest(ui());
    expect(rendered.container.querySelector('label[for="kind"]')?.textContent).toBe('Cómo os encontrasteis');
    expect(rendered.container.querySelector('option[value="street"]')?.textContent).toBe('En la calle');
    expect(rendered.labelled('Preservativos: 2')).not.toBeNull();
    expect(rendered.button('Preservativos: añadir uno')).toBeDefined();
    expect(rendered.button('Jeringuillas: quitar uno')?.disabled).toBe(true);
  });
});
