import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as englishMessages } from '../../../i18n/locales/en';
import { messages as spanishMessages } from '../../../i18n/locales/es';
import { act, renderForTest, type Rendered } from '../../../components/render-for-test';
import { useRouteStore } from '../../../stores/route-store';
import { FollowUpsScreen } from './follow-ups-screen';

const me = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01';
const robin = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const day = 86_400_000;
const followUp = (id: string, reason: string, dueInDays: number) => ({
  id,
  clientId: robin,
  reason,
  dueAt: new Date(Date.now() + dueInDays * day).toISOString(),
  assigneeId: me,
  status: 'open',
  teamId: 't',
  createdBy: me,
  createdAt: '2026-11-01T22:00:00.000Z',
  updatedAt: '2026-11-01T22:00:00.000Z',
});

const state = vi.hoisted(() => ({ followUps: [] as unknown[] }));
const mine = vi.fn(async (_userId: string) => state.followUps);
const complete = vi.fn(async (_id: string) => undefined);

vi.mock('../../../stores/runtime', () => ({
  followUpsRepository: { mine: (userId: string) => mine(userId), complete: (id: string) => complete(id) },
  clientsRepository: { get: async (id: string) => (id === robin ? { id, alias: 'Robin' } : undefined) },
  teamMembersRepository: { list: async () => [] },
}));
vi.mock('../../../stores/session-store', () => ({
  useSessionStore: <T,>(select: (s: { user: { id: string } }) => T): T => select({ user: { id: me } }),
}));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  mine.mockClear();
  complete.mockClear();
});

describe('FollowUpsScreen', () => {
  it('lists my follow-ups soonest first, overdue ones marked, with the client alias', async () => {
    state.followUps = [followUp('b', 'check_in', 3), followUp('a', 'missed_appointment', -1)];
    view = await renderForTest(<FollowUpsScreen />);
    expect(mine).toHaveBeenCalledWith(me);
    expect(view.container.querySelector('h1')?.textContent).toBe('My follow-ups');
    const items = [...view.container.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('h2')?.textContent)).toEqual(['Missed appointment Overdue', 'Check in']);
    expect(items[0]?.textContent).toMatch(/Overdue since/);
    expect(items[1]?.textContent).toMatch(/^Check inDue /);
    expect(items[0]?.querySelector('a')?.textContent).toBe('Robin');
  });

  it('marks one done and says so', async () => {
    state.followUps = [followUp('a', 'missed_appointment', -1)];
    view = await renderForTest(<FollowUpsScreen />);
    await view.click('Done');
    expect(complete).toHaveBeenCalledWith('a');
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Done: missed appointment for Robin.');
  });

  it('opens the client', async () => {
    state.followUps = [followUp('a', 'check_in', 1)];
    view = await renderForTest(<FollowUpsScreen />);
    await act(async () => view?.container.querySelector('a')?.click());
    expect(useRouteStore.getState().route).toEqual({ screen: 'client', clientId: robin });
  });

  it('says when there is nothing to follow up', async () => {
    state.followUps = [];
    view = await renderForTest(<FollowUpsScreen />);
    expect(view.container.textContent).toContain('Nothing to follow up');
  });
});

describe('FollowUpsScreen in Spanish', () => {
  afterEach(() => activateCompiled('en', compileCatalogue(englishMessages, compileMessage)));

  it('reads in the active language', async () => {
    activateCompiled('es', compileCatalogue(spanishMessages, compileMessage));
    state.followUps = [followUp('a', 'missed_appointment', -1)];
    view = await renderForTest(<FollowUpsScreen />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Mis seguimientos');
    expect(view.container.querySelector('h2 .tag')?.textContent).toBe(' Vencido');
    expect(view.container.querySelector('.follow-up-due')?.textContent).toMatch(/^Vencido desde /);
    await view.click('Hecho');
    expect(complete).toHaveBeenCalledWith('a');
    expect(view.container.querySelector('[role="status"]')?.textContent).toMatch(/^Hecho el seguimiento de Robin: .+\.$/);
  });
});
