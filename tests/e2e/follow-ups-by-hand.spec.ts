/**
 * A follow-up opened by hand, in Chromium: a worker, offline on a person's page, opens
 * "chase a referral" due on a day, for themselves, with a note; a day left empty is
 * refused in words. After sync their My follow-ups lists it, and a team lead's phone reads
 * all of it on the person's page. The form is axe-clean at phone width.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { uuidv7 } from '../../src/shared/ids';
import { createUser, openClient, phoneOpeningClient, pushAs, signIn, syncNow, syncStatus, waitForServiceWorker } from './helpers';

test('a worker opens a follow-up by hand on a person’s page; a team lead reads it', async ({ browser, request }) => {
  const lead = await createUser(request, 'team_lead', 'Lowri');
  const worker = await createUser(request, 'outreach_worker', 'Wynn');
  const alias = `Dunlin ${Math.random().toString(36).slice(2, 7)}`;
  await pushAs(request, worker, () => [{ name: 'client.create', args: { id: uuidv7(), profile: { alias } } }]);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await signIn(page, worker);
  await waitForServiceWorker(page);
  await expect(syncStatus(page)).toContainText('All changes synced');
  await phone.setOffline(true);
  await openClient(page, alias);
  const followUps = page.getByRole('region', { name: 'Follow-ups' });
  await followUps.getByRole('button', { name: 'Add a follow-up' }).click();
  const form = followUps.getByRole('form', { name: 'Add a follow-up' });
  await form.getByLabel('What to do').selectOption({ label: 'Chase a referral' });
  await form.getByLabel('Due').fill('');
  await form.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(form.getByText('Choose the day it is due.')).toBeVisible();
  const due = new Date(Date.now() + 3 * 86_400_000);
  await form.getByLabel('Due').fill(`${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`);
  await form.getByLabel('Whose').selectOption({ label: 'Mine' });
  await form.getByLabel('Note').fill('Ask the clinic whether the bed is still held');
  expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await form.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(followUps.getByRole('status')).toHaveText('Chase a referral added.');
  await expect(followUps).toContainText('Chase a referral: due');
  await expect(followUps).toContainText('Ask the clinic whether the bed is still held');
  await phone.setOffline(false);
  await syncNow(page);
  await page.getByRole('button', { name: 'Follow-ups', exact: true }).click();
  await expect(page.getByRole('list', { name: 'My follow-ups' })).toContainText(alias);

  const desk = await phoneOpeningClient(browser, lead, alias);
  const theirs = desk.getByRole('region', { name: 'Follow-ups' });
  await expect(theirs).toContainText('Chase a referral: due');
  await expect(theirs).toContainText('Wynn');
  await expect(theirs).toContainText('Ask the clinic whether the bed is still held');
});
