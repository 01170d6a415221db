/**
 * A peer volunteer adds someone they met by alias alone: the form asks only what a peer may
 * record, the server accepts it, and a worker on another phone reads everything the peer
 * entered.
 */
import { expect, test } from '@playwright/test';
import { createUser, signIn, syncStatus } from './helpers';

test('a peer volunteer adds an alias-only client that a worker then reads in full', async ({ browser, request }) => {
  const peer = await createUser(request, 'peer_volunteer', 'Peer');
  const worker = await createUser(request, 'outreach_worker', 'Worker');
  const alias = `Wren ${Math.random().toString(36).slice(2, 6)}`;

  const page = await (await browser.newContext()).newPage();
  await signIn(page, peer);
  await page.getByRole('button', { name: 'Add client' }).click();
  for (const restricted of ['Legal name', 'Birth year', 'May be under 18', 'Pronouns', 'Gender identity']) {
    await expect(page.getByLabel(restricted)).toHaveCount(0);
  }
  await page.getByLabel('Alias').fill(alias);
  await page.getByLabel('Usual areas').fill('Canal Street, Docks');
  await page.getByLabel('May be watched').check();
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit profile' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toContainText('All changes synced');
  await expect(page.getByText(/refused|may not/i)).toHaveCount(0);

  const other = await (await browser.newContext()).newPage();
  await signIn(other, worker);
  await other.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await other.getByRole('button', { name: new RegExp(alias) }).click();
  await expect(other.getByRole('heading', { name: alias })).toBeVisible();
  await expect(other.getByRole('note', { name: 'Safety flags' })).toHaveText('May be watched');
  await expect(other.getByText('Canal Street, Docks')).toBeVisible();
  await page.context().close();
  await other.context().close();
});
