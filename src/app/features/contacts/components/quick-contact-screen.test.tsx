import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderForTest, type Rendered } from '../../../components/render-for-test';
import { useUiStore } from '../../../stores/ui-store';
import type { ContactArgs } from '../quick-contact-model';
import { QuickContactScreen } from './quick-contact-screen';

const record = vi.fn<(args: unknown) => Promise<void>>(async () => undefined);

vi.mock('../../../stores/runtime', () => ({
  contactsRepository: {
    recent: async () => [{ at: '2026-11-04T21:00:00.000Z', area: 'Station Road' }],
    record: (args: unknown) => record(args),
  },
  clientsRepository: {
    search: async () => [
      { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', alias: 'Robin', usualAreas: ['Docks'] },
      { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d', alias: 'Robyn', usualAreas: ['Docks'], processingRestricted: true },
    ],
    get: async () => ({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', alias: 'Robin' }),
  },
}));
vi.mock('../../../stores/session-store', () => ({
  useSessionStore: <T,>(pick: (state: { user: { role: string } }) => T): T => pick({ user: { role: 'outreach_worker' } }),
}));

let view: Rendered;
const area = () => view.container.querySelector<HTMLInputElement>('#quick-contact-area');

beforeEach(async () => {
  record.mockClear();
  view = await renderForTest(<QuickContactScreen />);
});
afterEach(() => view.unmount());

describe('QuickContactScreen', () => {
  it('starts in the last area, anonymous, with building trust chosen', () => {
    expect(view.container.querySelector('h1')?.textContent).toBe('Log a contact');
    expect(area()?.value).toBe('Station Road');
    expect(view.button('Building trust')?.getAttribute('aria-pressed')).toBe('true');
    expect(view.container.textContent).toContain('Anonymous');
    expect(view.labelled('Condoms: 0')).not.toBeNull();
    expect(view.button('Condoms: remove one')?.disabled).toBe(true);
  });

  it('counts supplies and saves an anonymous street contact, then resets for the next person', async () => {
    await view.click('Condoms: add one');
    await view.click('Condoms: add one');
    await view.click('Naloxone: add one');
    expect(view.labelled('Condoms: 2')).not.toBeNull();
    await view.click('Signposted');
    expect(view.button('Building trust')?.getAttribute('aria-pressed')).toBe('false');

    expect(useUiStore.getState().dirtyForms.has('quick-contact')).toBe(true);
    await view.click('Save contact');

    expect(record).toHaveBeenCalledTimes(1);
    expect(record.mock.calls[0]?.[0]).toMatchObject({
      clientId: null,
      area: 'Station Road',
      kind: 'street',
      outcome: 'signposted',
      supplies: { condoms: 2, needles: 0, naloxone: 1, food: 0, hygienePacks: 0 },
    });
    expect(view.container.querySelector('[role="status"]')?.textContent).toMatch(/^Contact saved — Station Road/);
    expect(view.labelled('Condoms: 0')).not.toBeNull();
    expect(view.button('Building trust')?.getAttribute('aria-pressed')).toBe('true');
    expect(area()?.value).toBe('Station Road');
    expect(useUiStore.getState().dirtyForms.has('quick-contact')).toBe(false);
  });

  it('records how they met, and keeps it for the next person', async () => {
    const kind = view.container.querySelector<HTMLSelectElement>('#quick-contact-kind');
    if (kind === null) throw new Error('no "How you met"');
    expect(view.container.querySelector('label[for="quick-contact-kind"]')?.textContent).toBe('How you met');
    expect(kind.value).toBe('street');
    await act(async () => {
      kind.value = 'van_clinic';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await view.click('Save contact');
    expect(record.mock.calls[0]?.[0]).toMatchObject({ kind: 'van_clinic' });
    expect(view.container.querySelector<HTMLSelectElement>('#quick-contact-kind')?.value).toBe('van_clinic');
  });

  it('asks for an area beside it instead of saving without one, and keeps what was entered', async () => {
    await view.click('Condoms: add one');
    await view.type('quick-contact-area', '  ');
    await view.click('Save contact');
    expect(record).not.toHaveBeenCalled();
    expect(area()?.getAttribute('aria-invalid')).toBe('true');
    expect(area()?.getAttribute('aria-describedby')).toBe('quick-contact-area-error');
    expect(view.container.querySelector('#quick-contact-area-error')?.textContent).toBe('Add the area (a street or place, not an address).');
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
    expect(view.labelled('Condoms: 1')).not.toBeNull();

    await view.type('quick-contact-area', '  Docks ');
    expect(area()?.getAttribute('aria-invalid')).toBeNull();
    await view.click('Save contact');
    expect(record).toHaveBeenCalledTimes(1);
    const { id, at, ...args } = record.mock.calls[0]?.[0] as ContactArgs;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.isNaN(Date.parse(at))).toBe(false);
    expect(args).toEqual({
      clientId: null,
      area: 'Docks',
      kind: 'street',
      supplies: { condoms: 1, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 },
      outcome: 'building_trust',
    });
    expect(area()?.value).toBe('Docks');
  });

  it('refuses an area longer than the shared schema allows, in its words', async () => {
    await view.type('quick-contact-area', 'x'.repeat(81));
    await view.click('Save contact');
    expect(record).not.toHaveBeenCalled();
    expect(view.container.querySelector('#quick-contact-area-error')?.textContent).toBe('at most 80 characters');
  });

  it('says so when the contact cannot be saved, and keeps the form as it was', async () => {
    record.mockRejectedValueOnce(new Error('The device storage is full.'));
    await view.click('Naloxone: add one');
    await view.click('Signposted');
    await view.click('Save contact');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('The device storage is full.');
    expect(view.labelled('Naloxone: 1')).not.toBeNull();
    expect(view.button('Signposted')?.getAttribute('aria-pressed')).toBe('true');
    expect(view.button('Save contact')?.disabled).toBe(false);
  });

  it('records the client picked by alias', async () => {
    expect(view.container.querySelector('label[for="quick-contact-client-search"]')?.textContent).toBe(
      'Find client (optional)',
    );
    await view.type('quick-contact-client-search', 'rob');
    // Robyn asked us not to process her record: a worker's search leaves her out.
    expect(view.button('Robyn Docks')).toBeUndefined();
    await view.click('Robin Docks');
    expect(view.container.textContent).toContain('With Robin');
    await view.click('Save contact');
    expect(record.mock.calls[0]?.[0]).toMatchObject({ clientId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' });
    expect(view.container.textContent).toContain('Anonymous');
  });
});
