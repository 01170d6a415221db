import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgencyRecord } from '../../../../shared/domain/agency';
import { renderForTest, type Rendered } from '../../../components/render-for-test';
import { testAgency } from '../../../components/test-agency';
import { AgenciesScreen } from './agencies-screen';

const now = new Date();
const today = now.getDay();
const agency = (name: string, over: Partial<AgencyRecord>) => testAgency(name, { phone: null, isExample: false, ...over });

vi.mock('../../../stores/runtime', () => ({
  agenciesRepository: {
    list: async () => [
      agency('Always clinic', {
        services: ['sexual_health'],
        // Open all of today (the last minute as an overnight session), whenever this runs.
        openingHours: [
          { day: today, opens: '00:00', closes: '23:59', dropIn: true },
          { day: today, opens: '23:59', closes: '00:00', dropIn: false },
        ],
        isExample: true,
        phone: '0100 000 0000',
        howToRefer: 'Walk in, no referral needed',
        transInclusive: true,
      }),
      agency('Housing office', { services: ['housing'], womenOnly: true }),
      // Archived by a team lead: offered to nobody, never listed for a worker.
      agency('Closed service', { services: ['housing'], archived: true }),
    ],
  },
}));
vi.mock('../../../stores/session-store', () => ({
  useSessionStore: <T,>(select: (s: { user: { role: string } }) => T): T => select({ user: { role: 'outreach_worker' } }),
}));

let view: Rendered;
beforeEach(async () => {
  view = await renderForTest(<AgenciesScreen />);
});
afterEach(() => view.unmount());

const names = () => [...view.container.querySelectorAll('li.agency h2')].map((h) => h.firstChild?.textContent);

describe('AgenciesScreen', () => {
  it('shows every agency but the archived, with open state, example mark, today, how to refer and phone; no editing for a worker', () => {
    expect(view.button('Add an agency')).toBeUndefined();
    expect(view.container.textContent).not.toContain('Closed service');
    expect(view.container.querySelector('h1')?.textContent).toBe('Agency directory');
    expect(names()).toEqual(['Always clinic', 'Housing office']);
    const [clinic, housing] = [...view.container.querySelectorAll('li.agency')];
    expect(clinic?.querySelector('.example-tag')?.textContent?.trim()).toBe('Example');
    expect(clinic?.textContent).toContain('Open now');
    expect(clinic?.textContent).toContain('Walk in, no referral needed');
    expect(clinic?.querySelector('a')?.getAttribute('href')).toBe('tel:01000000000');
    expect(housing?.textContent).toContain('Closed');
    expect(housing?.textContent).toContain('Closed today');
    expect(housing?.querySelector('.example-tag')).toBeNull();
  });

  it.each([
    ['Open now', ['Always clinic']],
    ['Drop-in', ['Always clinic']],
    ['Women-only', ['Housing office']],
    ['Trans-inclusive', ['Always clinic']],
    ['Housing', ['Housing office']],
    ['Fast-track', []],
  ])('filters by %s', async (toggle, expected) => {
    await view.click(toggle);
    expect(view.button(toggle)?.getAttribute('aria-pressed')).toBe('true');
    expect(names()).toEqual(expected);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe(`${expected.length} of 2 agencies`);
    await view.click('Clear filter');
    expect(names()).toHaveLength(2);
  });
});
