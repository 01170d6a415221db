/**
 * Long lists in Chromium: a person met 150 times has a timeline of 150 contacts. The page
 * keeps only the rows in view in the DOM, each row says its place to screen readers, and
 * scrolling down reaches the very first contact. Axe-clean at phone width.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { uuidv7 } from '../../src/shared/ids';
import { createUser, phoneOpeningClient, pushAs } from './helpers';

const CONTACTS = 150;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const spot = (i: number) => `Spot ${String(i).padStart(3, '0')}`;

test('a timeline of 150 contacts renders only what is in view and scrolls to the first contact', async ({ browser, request }) => {
  const robin = await createUser(request, 'outreach_worker', 'Robinette');
  const sam = await createUser(request, 'outreach_worker', 'Samwise');
  const alias = `Plover ${Math.random().toString(36).slice(2, 7)}`;
  const clientId = uuidv7();
  await pushAs(request, robin, () => [
    { name: 'client.create', args: { id: clientId, profile: { alias } } },
    ...Array.from({ length: CONTACTS }, (_, i) => ({
      name: 'contact.record',
      // Contact i was i days ago: Spot 001 is the newest, Spot 150 the first.
      args: { id: uuidv7(), clientId, at: daysAgo(i + 1), area: spot(i + 1), kind: 'street', supplies: { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 }, outcome: 'building_trust' },
    })),
  ]);

  const page = await phoneOpeningClient(browser, sam, alias);
  const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
  await expect(timeline.getByRole('listitem').first()).toContainText(`On the street, ${spot(1)}`);
  await expect(timeline.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(CONTACTS));
  const rendered = await timeline.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(CONTACTS / 2);
  expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // To the bottom of the page, as a thumb would: the first contact is there, in its place.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const first = timeline.getByRole('listitem').filter({ hasText: `On the street, ${spot(CONTACTS)}` });
  await expect(first).toBeVisible();
  await expect(first).toHaveAttribute('aria-posinset', String(CONTACTS));
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
