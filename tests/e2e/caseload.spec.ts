/**
 * The caseload, end to end in Chromium: a worker's phone records three people (through the
 * sync API, as the app does); a team lead at a desk finds who needs a lead's eye with each
 * filter, sorts, and gives a person a key worker while offline; the new key worker reads it
 * on their own phone. Also the lead's phone view, and axe on both.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { uuidv7 } from '../../src/shared/ids';
import { createUser, pushAs, signIn, syncNow, syncStatus } from './helpers';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const contact = (clientId: string, at: string) => ({
  name: 'contact.record',
  args: { id: uuidv7(), clientId, at, area: 'Docks', kind: 'street', supplies: { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 }, outcome: 'building_trust' },
});

/** The caseload's person column, top to bottom. */
const people = (table: Locator) => table.getByRole('rowheader');

test('a team lead finds who needs attention on the caseload and gives them a key worker, offline', async ({ browser, request }) => {
  const lead = await createUser(request, 'team_lead', 'Leila');
  const robin = await createUser(request, 'outreach_worker', 'Robina');
  const kim = await createUser(request, 'outreach_worker', 'Kimberly');
  const tag = Math.random().toString(36).slice(2, 7);
  const [wren, finch, heron] = [`Wren ${tag}`, `Finch ${tag}`, `Heron ${tag}`];
  const [wrenId, finchId, heronId, missedId] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  await pushAs(request, robin, (me) => [
    { name: 'client.create', args: { id: wrenId, profile: { alias: wren, keyWorkerId: me } } },
    contact(wrenId, daysAgo(1)),
    { name: 'assessment.record', args: { id: uuidv7(), clientId: wrenId, assessedAt: daysAgo(1), domains: { housing: { need: 'urgent' } } } },
    { name: 'client.create', args: { id: finchId, profile: { alias: finch, safetyFlags: ['being_watched'] } } },
    contact(finchId, daysAgo(40)),
    { name: 'appointment.book', args: { id: missedId, clientId: finchId, agencyId: null, at: daysAgo(35), place: 'Clinic door' } },
    { name: 'appointment.transition', args: { id: missedId, to: 'missed', at: daysAgo(34), followUpId: uuidv7() } },
    { name: 'client.create', args: { id: heronId, profile: { alias: heron, keyWorkerId: me } } },
    contact(heronId, daysAgo(3)),
  ]);

  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(desk, lead);
  await expect(syncStatus(desk)).toContainText('All changes synced');
  await desk.getByRole('button', { name: 'Caseload', exact: true }).click();
  await expect(desk.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  await desk.getByLabel('Name or alias').fill(tag);
  const table = desk.getByRole('table');
  await expect(people(table)).toHaveText([finch, heron, wren]);
  await expect(desk.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(/^Showing 3 of \d+ people$/);

  const row = (alias: string) => table.getByRole('row').filter({ has: desk.getByRole('rowheader', { name: alias }) });
  await expect(row(wren)).toContainText('Seen yesterday');
  await expect(row(wren)).toContainText('Housingno referral');
  await expect(row(finch)).toContainText('Seen 5 weeks ago');
  await expect(row(finch)).toContainText('Check in');
  await expect(row(finch)).toContainText('1 missed, 1 not followed up');
  await expect(row(finch)).toContainText('May be watched');
  await expect(row(finch).getByLabel(`Key worker for ${finch}`)).toHaveValue('');
  // On a laptop the table uses the width: every column without a sideways scroll.
  expect(await desk.getByRole('region', { name: 'Caseload table' }).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(desk, 'caseload at 1280 px');

  // Each filter finds the one who needs it.
  await desk.getByLabel('Key worker', { exact: true }).selectOption({ label: 'No key worker' });
  await expect(people(table)).toHaveText([finch]);
  await desk.getByLabel('Key worker', { exact: true }).selectOption({ label: 'Robina' });
  await expect(people(table)).toHaveText([heron, wren]);
  await desk.getByRole('button', { name: 'Clear filters' }).click();
  await desk.getByLabel('Name or alias').fill(tag);
  await desk.getByLabel('Urgent need with no open referral').check();
  await expect(people(table)).toHaveText([wren]);
  await desk.getByLabel('Urgent need with no open referral').uncheck();
  await desk.getByLabel('Missed appointment not followed up').check();
  await expect(people(table)).toHaveText([finch]);
  await desk.getByLabel('Missed appointment not followed up').uncheck();
  await desk.getByLabel('Not seen for at least (days)').fill('2');
  await expect(people(table)).toHaveText([finch, heron]);
  await desk.getByLabel('Not seen for at least (days)').fill('two');
  await expect(desk.getByText('Enter a whole number of days, like 30.')).toBeVisible();
  await expect(people(table)).toHaveText([finch, heron]);
  await desk.getByLabel('Not seen for at least (days)').fill('');

  // Sorting by a column, then the other way.
  await table.getByRole('button', { name: 'Last contact' }).click();
  await expect(people(table)).toHaveText([finch, heron, wren]);
  await expect(table.getByRole('columnheader', { name: /Last contact/ })).toHaveAttribute('aria-sort', 'ascending');
  await table.getByRole('button', { name: /Last contact/ }).click();
  await expect(people(table)).toHaveText([wren, heron, finch]);

  // Offline, the lead gives Finch a key worker; it syncs when the signal is back.
  await desk.context().setOffline(true);
  await row(finch).getByLabel(`Key worker for ${finch}`).selectOption({ label: 'Kimberly' });
  await expect(syncStatus(desk)).toContainText('1 change waiting');
  await desk.getByLabel('Key worker', { exact: true }).selectOption({ label: 'No key worker' });
  await expect(desk.getByText('Nobody matches these filters.')).toBeVisible();
  await desk.context().setOffline(false);
  await syncNow(desk);

  // Kim's phone reads it back: Finch is Kim's now.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(phone, kim);
  await phone.getByRole('searchbox', { name: 'Search clients' }).fill(finch);
  await phone.getByRole('button', { name: new RegExp(finch) }).click();
  await expect(phone.getByRole('region', { name: 'Key worker' })).toContainText('Kimberly');

  // The lead's own phone: the same caseload as one card per person.
  const leadPhone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(leadPhone, lead);
  await leadPhone.getByRole('button', { name: 'Caseload', exact: true }).click();
  await leadPhone.getByLabel('Name or alias').fill(tag);
  const cards = leadPhone.getByRole('table');
  await expect(people(cards)).toHaveText([finch, heron, wren]);
  await expect(cards.getByRole('row').filter({ has: leadPhone.getByRole('rowheader', { name: finch }) }).getByLabel(`Key worker for ${finch}`)).toHaveValue(/.+/);
  const overflow = await leadPhone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(leadPhone, 'caseload at 390 px');
  for (const p of [desk, phone, leadPhone]) await p.context().close();
});
