import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderForTest, type Rendered } from '../../../components/render-for-test';
import { useRouteStore } from '../../../stores/route-store';
import { ActiveAlertsBanner } from './active-alerts-banner';
import { AlertsScreen } from './alerts-screen';

const hour = 3_600_000;
const alert = (id: string, area: string, createdAgoH: number, expiresInH: number) => ({
  id,
  area,
  message: `Danger near ${area}`,
  createdAt: new Date(Date.now() - createdAgoH * hour).toISOString(),
  expiresAt: new Date(Date.now() + expiresInH * hour).toISOString(),
  teamId: 't',
  createdBy: 'u',
});

const state = vi.hoisted(() => ({ alerts: [] as unknown[] }));
const raise = vi.fn<(area: string, message: string, expiresAt: string) => Promise<void>>(async () => undefined);

vi.mock('../../../stores/runtime', () => ({
  safetyAlertsRepository: {
    active: async () => state.alerts,
    raise: (area: string, message: string, expiresAt: string) => raise(area, message, expiresAt),
  },
}));
vi.mock('../../../stores/session-store', () => ({
  useSessionStore: <T,>(select: (s: { user: { role: string } }) => T): T => select({ user: { role: 'outreach_worker' } }),
}));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  raise.mockClear();
  useRouteStore.setState({ route: { screen: 'clients' } });
});

describe('AlertsScreen', () => {
  it('lists active alerts newest first, with time left, and hides expired ones', async () => {
    state.alerts = [alert('a', 'Docks', 3, 2), alert('b', 'Station Road', 1, 5), alert('c', 'Park', 9, -1)];
    view = await renderForTest(<AlertsScreen />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Safety alerts');
    const areas = [...view.container.querySelectorAll('.safety-alert h3')].map((h) => h.textContent);
    expect(areas).toEqual(['Station Road', 'Docks']);
    expect(view.container.textContent).toMatch(/4 h 59 min left|5 h left/);
  });

  it('raises an alert that expires in the chosen time', async () => {
    state.alerts = [];
    view = await renderForTest(<AlertsScreen />);
    expect(view.container.textContent).toContain('No active safety alerts');
    expect(view.container.textContent).toContain('Describe the danger, not the person');
    await view.type('alert-area', 'Docks');
    await view.type('alert-message', 'Grey van following workers');
    await view.click('2 h');
    expect(view.button('2 h')?.getAttribute('aria-pressed')).toBe('true');
    const before = Date.now();
    await view.click('Raise alert');
    expect(raise).toHaveBeenCalledTimes(1);
    const [area, message, expiresAt] = raise.mock.calls[0] ?? [];
    expect([area, message]).toEqual(['Docks', 'Grey van following workers']);
    expect(Date.parse(expiresAt ?? '') - before).toBeGreaterThanOrEqual(2 * hour - 1000);
    expect(Date.parse(expiresAt ?? '') - before).toBeLessThanOrEqual(2 * hour + 1000);
    expect(view.container.querySelector('[role="status"]')?.textContent).toMatch(/Alert raised for Docks/);
  });
});

describe('ActiveAlertsBanner', () => {
  it('says how many and where, and links to the alerts screen', async () => {
    state.alerts = [alert('a', 'Docks', 3, 2), alert('b', 'Station Road', 1, 5)];
    view = await renderForTest(<ActiveAlertsBanner />);
    const region = view.labelled('Safety alerts');
    expect(region?.getAttribute('role')).toBe('region');
    const link = region?.querySelector('a');
    expect(link?.textContent).toBe('2 active safety alerts — tap to read');
    expect(region?.textContent).toContain('Station Road, Docks');
    await act(async () => link?.click());
    expect(useRouteStore.getState().route).toEqual({ screen: 'alerts' });
    expect(view.labelled('Safety alerts')).toBeNull();
  });

  it('is absent when there are no active alerts', async () => {
    state.alerts = [alert('c', 'Park', 9, -1)];
    view = await renderForTest(<ActiveAlertsBanner />);
    expect(view.container.innerHTML).toBe('');
  });
});
