/**
 * A phone whose clock is three hours fast (no network time on a night round). The worker
 * adds a client offline and corrects the pronouns before the first sync; the correction
 * must reach the server and another worker, not vanish under the server's clamp.
 */
import { expect, test } from '@playwright/test';
import { addClient, createUser, signIn, syncStatus, unlock } from './helpers';

const THREE_HOURS = 3 * 60 * 60 * 1000;

test('a phone three hours fast keeps an offline correction made before the first sync', async ({ browser, request }) => {
  const robin = await createUser(request, 'outreach_worker', 'Robin');
  const sam = await createUser(request, 'outreach_worker', 'Sam');
  const alias = `Kestrel ${Math.random().toString(36).slice(2, 7)}`;

  const fastPhone = await browser.newContext();
  const page = await fastPhone.newPage();
  // Time runs on from three hours ahead, as on a phone whose clock is simply wrong.
  await page.clock.install({ time: Date.now() + THREE_HOURS });
  await signIn(page, robin);
  await expect(syncStatus(page)).toContainText('All changes synced');

  await fastPhone.setOffline(true);
  await addClient(page, { alias, areas: 'Canal Street' });
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Pronouns').fill('she/her');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('she/her')).toBeVisible();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Pronouns').fill('they/them');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('they/them')).toBeVisible();

  await fastPhone.setOffline(false);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toContainText('All changes synced');
  // The phone shows what the server holds once the sync settles.
  await page.reload();
  await unlock(page, robin);
  await expect(page.getByText('they/them')).toBeVisible();

  const rightClock = await browser.newContext();
  const other = await rightClock.newPage();
  await signIn(other, sam);
  await other.getByRole('searchbox', { name: 'Search clients' }).fill(alias.split(' ')[1] ?? alias);
  await other.getByRole('button', { name: new RegExp(alias) }).click();
  await expect(other.getByRole('heading', { name: alias })).toBeVisible();
  await expect(other.getByText('they/them')).toBeVisible();
  await expect(other.getByText('she/her')).toBeHidden();
  await expect(other.getByText('Canal Street')).toBeVisible();

  await fastPhone.close();
  await rightClock.close();
});
