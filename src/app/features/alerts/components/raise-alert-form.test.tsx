import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderForTest, type Rendered } from '../../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as english } from '../../../i18n/locales/en';
import { messages as spanish } from '../../../i18n/locales/es';
import { useUiStore } from '../../../stores/ui-store';
import { RaiseAlertForm } from './raise-alert-form';

const hour = 3_600_000;
const raise = vi.fn<(area: string, message: string, expiresAt: string) => Promise<void>>(async () => undefined);

vi.mock('../../../stores/runtime', () => ({
  safetyAlertsRepository: {
    raise: (area: string, message: string, expiresAt: string) => raise(area, message, expiresAt),
  },
}));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  raise.mockReset();
  raise.mockImplementation(async () => undefined);
  activateCompiled('en', compileCatalogue(english, compileMessage));
});

const field = (id: string) => view?.container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`);
const fieldError = (id: string) => view?.container.querySelector(`#${id}-error`)?.textContent;

describe('RaiseAlertForm', () => {
  it('shows each problem beside its field, by the shared rules, and raises nothing', async () => {
    view = await renderForTest(<RaiseAlertForm />);
    await view.type('alert-area', '   ');
    await view.click('Raise alert');
    expect(raise).not.toHaveBeenCalled();
    expect(fieldError('alert-area')).toBe('Add the area where the danger is.');
    expect(field('alert-area')?.getAttribute('aria-invalid')).toBe('true');
    expect(field('alert-area')?.getAttribute('aria-describedby')).toBe('alert-area-error');
    expect(fieldError('alert-message')).toBe('Say what the danger is.');
    expect(field('alert-message')?.getAttribute('aria-invalid')).toBe('true');
    expect(field('alert-message')?.getAttribute('aria-describedby')).toBe('alert-message-hint alert-message-error');
    expect(view.container.querySelector('[role="alert"]')).toBeNull();

    await view.type('alert-area', 'Docks');
    await view.type('alert-message', 'x'.repeat(501));
    await view.click('Raise alert');
    expect(raise).not.toHaveBeenCalled();
    expect(fieldError('alert-area')).toBeUndefined();
    expect(field('alert-area')?.hasAttribute('aria-invalid')).toBe(false);
    expect(fieldError('alert-message')).toBe('Keep it under 500 characters.');
    // Nothing typed is lost.
    expect(field('alert-area')?.value).toBe('Docks');
    expect(field('alert-message')?.value).toBe('x'.repeat(501));
  });

  it('words the problems in the language shown when the form is checked', async () => {
    view = await renderForTest(<RaiseAlertForm />);
    activateCompiled('es', compileCatalogue(spanish, compileMessage));
    await view.type('alert-area', 'x'.repeat(81));
    await act(async () => view?.container.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    await view.settle();
    expect(raise).not.toHaveBeenCalled();
    expect(fieldError('alert-area')).toBe('Escribe la zona en menos de 80 caracteres.');
    expect(fieldError('alert-message')).toBe('Di cuál es el peligro.');
  });

  it('raises the trimmed alert for the chosen time, says so, and empties the form', async () => {
    view = await renderForTest(<RaiseAlertForm />);
    expect(field('alert-area')?.maxLength).toBe(80);
    expect(field('alert-message')?.maxLength).toBe(500);
    expect(view.button('6 h')?.getAttribute('aria-pressed')).toBe('true');
    await view.type('alert-area', '  Docks ');
    await view.type('alert-message', ' Grey van following workers  ');
    expect(useUiStore.getState().dirtyForms.has('safety-alert')).toBe(true);
    await view.click('12 h');
    expect(view.button('12 h')?.getAttribute('aria-pressed')).toBe('true');
    expect(view.button('6 h')?.getAttribute('aria-pressed')).toBe('false');
    const before = Date.now();
    await view.click('Raise alert');
    expect(raise).toHaveBeenCalledTimes(1);
    const [area, message, expiresAt] = raise.mock.calls[0] ?? [];
    expect([area, message]).toEqual(['Docks', 'Grey van following workers']);
    expect(Date.parse(expiresAt ?? '') - before).toBeGreaterThanOrEqual(12 * hour - 1000);
    expect(Date.parse(expiresAt ?? '') - before).toBeLessThanOrEqual(12 * hour + 1000);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe(
      'Alert raised for Docks for 12 hours. Your team sees it when this device syncs.',
    );
    expect(field('alert-area')?.value).toBe('');
    expect(field('alert-message')?.value).toBe('');
    expect(view.button('6 h')?.getAttribute('aria-pressed')).toBe('true');
    expect(useUiStore.getState().dirtyForms.has('safety-alert')).toBe(false);
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('keeps the alert in the form when it could not be raised', async () => {
    raise.mockRejectedValueOnce(new Error('Could not save on this device.'));
    view = await renderForTest(<RaiseAlertForm />);
    await view.type('alert-area', 'Docks');
    await view.type('alert-message', 'Grey van');
    await view.click('Raise alert');
    expect(raise).toHaveBeenCalledWith('Docks', 'Grey van', expect.any(String));
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Could not save on this device.');
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('');
    expect(field('alert-area')?.value).toBe('Docks');
    expect(field('alert-message')?.value).toBe('Grey van');
    expect(view.button('Raise alert')?.disabled).toBe(false);

    // A problem on the next try replaces the failure with the field's own words.
    await view.type('alert-area', '');
    await view.click('Raise alert');
    expect(raise).toHaveBeenCalledTimes(1);
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
    expect(fieldError('alert-area')).toBe('Add the area where the danger is.');
  });
});
