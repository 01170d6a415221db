/**
 * The review queue, end to end in Chromium: two workers change the same detail offline on
 * two phones; both sync; the team lead sees both values side by side, writes a merged one,
 * and every device ends up with it while the item leaves every lead's queue.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createUser, signIn, syncNow, type TestUser } from './helpers';

async function openClient(page: Page, alias: string): Promise<void> {
  await page.getByRole('button', { name: 'Clients', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await page.getByRole('button', { name: new RegExp(alias) }).click();
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();
}

async function setPronouns(page: Page, pronouns: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Pronouns').fill(pronouns);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(pronouns)).toBeVisible();
}

async function device(contexts: BrowserContext[], browser: Browser, user: TestUser, width = 390): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 844 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

test('a conflict made offline on two phones is resolved by a team lead, on every device', async ({ browser, request }) => {
  const [robin, sam, lead, otherLead] = [
    await createUser(request, 'outreach_worker', 'Robin'),
    await createUser(request, 'outreach_worker', 'Sam'),
    await createUser(request, 'team_lead', 'Lead'),
    await createUser(request, 'team_lead', 'Deputy'),
  ];
  const alias = `Linnet ${Math.random().toString(36).slice(2, 6)}`;
  const contexts: BrowserContext[] = [];
  const robinPhone = await device(contexts, browser, robin);
  await robinPhone.getByRole('button', { name: 'Add client' }).click();
  await robinPhone.getByLabel('Alias').fill(alias);
  await robinPhone.getByRole('button', { name: 'Save client' }).click();
  await syncNow(robinPhone);
  const samPhone = await device(contexts, browser, sam);
  await openClient(samPhone, alias);

  for (const context of contexts) await context.setOffline(true);
  await setPronouns(robinPhone, 'she/her');
  await setPronouns(samPhone, 'they/them');
  for (const context of contexts) await context.setOffline(false);
  await syncNow(robinPhone);
  await syncNow(samPhone);

  const desk = await device(contexts, browser, lead, 1280);
  await expect(desk.getByRole('button', { name: 'Review (1)' })).toBeVisible();
  await desk.getByRole('button', { name: 'Review (1)' }).click();
  const item = desk.getByRole('list', { name: 'Review items' }).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('heading')).toHaveText(`${alias}: Pronouns`);
  await expect(item.getByRole('table')).toContainText('she/her');
  await expect(item.getByRole('table')).toContainText('they/them');
  const axe = await new AxeBuilder({ page: desk }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await item.getByRole('button', { name: 'Write another value' }).click();
  await desk.getByLabel('Merged pronouns').fill('she/they');
  await item.getByRole('button', { name: 'Save merged value' }).click();
  await expect(desk.getByText('Nothing to review: no two changes have collided.')).toBeVisible();
  await expect(desk.getByRole('button', { name: 'Review', exact: true })).toBeVisible();
  await syncNow(desk);

  // Every device gets the merged value; another lead's queue is empty.
  for (const phone of [robinPhone, samPhone]) {
    await syncNow(phone);
    await expect(phone.getByText('she/they')).toBeVisible();
  }
  const deputy = await device(contexts, browser, otherLead);
  await deputy.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(deputy.getByText('Nothing to review: no two changes have collided.')).toBeVisible();
  await openClient(deputy, alias);
  await expect(deputy.getByText('she/they')).toBeVisible();
  for (const context of contexts) await context.close();
});
