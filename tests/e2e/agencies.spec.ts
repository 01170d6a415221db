/**
 * The agency directory, kept by a team lead, end to end in Chromium: the lead adds an
 * agency with an overnight drop-in offline (a wrong entry first, refused with words), it
 * syncs, and a worker's phone reads back everything entered; the lead edits it, archives
 * it (the worker no longer sees it; the referral list offers it to nobody, read-repositories
 * test) and restores it. axe on both.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createUser, signIn, syncNow } from './helpers';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
}

async function openDirectory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Agencies', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Agency directory' })).toBeVisible();
}

test('a team lead adds, edits, archives and restores an agency; a worker reads it all on their phone', async ({ browser, request }) => {
  const lead = await createUser(request, 'team_lead', 'Lena');
  const worker = await createUser(request, 'outreach_worker', 'Wes');
  const name = `Night Haven ${Math.random().toString(36).slice(2, 6)}`;

  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(desk, lead);
  await openDirectory(desk);
  await desk.context().setOffline(true);
  await desk.getByRole('button', { name: 'Add an agency' }).click();
  const form = desk.getByRole('form', { name: 'Add an agency' });
  // Nothing typed: the shared schema's words, and nothing saved.
  await form.getByRole('button', { name: 'Add agency' }).click();
  await expect(form.getByText('a name is required')).toBeVisible();

  await form.getByLabel('Name').fill(name);
  await form.getByRole('checkbox', { name: /^Sexual health/ }).check();
  await form.getByLabel('Housing').check();
  await form.getByRole('button', { name: 'Add a session' }).click();
  const session = form.getByRole('group', { name: 'Session 1' });
  await session.getByLabel('Day').selectOption({ label: 'Friday' });
  await session.getByLabel('Opens').fill('22:00');
  await session.getByLabel('Closes').fill('02:00');
  await session.getByLabel('Drop-in').check();
  for (const access of ['Out of hours', 'Trans-inclusive', 'No ID or address needed', 'Interpreters available', 'Accompanied clients welcome']) await form.getByLabel(access).check();
  await form.getByLabel('How to refer').fill('Walk in on Friday nights, or ring ahead');
  await form.getByLabel(/^Phone/).fill('01632 960777');
  await form.getByLabel(/^Address/).fill('4 Example Arches');
  await expectAccessible(desk, 'agency form at 1280 px');
  await form.getByRole('button', { name: 'Add agency' }).click();
  await expect(form).toHaveCount(0);
  const card = desk.getByRole('listitem').filter({ has: desk.getByRole('heading', { name }) });
  await expect(card).toContainText('Fri 22:00–02:00 (drop-in, overnight)');
  await desk.context().setOffline(false);
  await syncNow(desk);

  // The worker's phone reads back everything the lead entered.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(phone, worker);
  await openDirectory(phone);
  await expect(phone.getByRole('button', { name: 'Add an agency' })).toHaveCount(0);
  const theirs = phone.getByRole('listitem').filter({ has: phone.getByRole('heading', { name }) });
  for (const text of [
    'Sexual health',
    'Housing',
    'Fri 22:00–02:00 (drop-in, overnight)',
    'Drop-in · Out of hours · Trans-inclusive · No ID or address needed · Interpreters · Accompanied clients welcome',
    'Walk in on Friday nights, or ring ahead',
    '01632 960777',
    '4 Example Arches',
  ]) {
    await expect(theirs).toContainText(text);
  }
  await expect(theirs.getByRole('button', { name: `Edit ${name}` })).toHaveCount(0);
  await expectAccessible(phone, 'agencies at 390 px');

  // The lead changes the phone number; then archives the agency.
  await desk.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = desk.getByRole('form', { name: `Edit ${name}` });
  await edit.getByLabel(/^Phone/).fill('01632 960888');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(card).toContainText('01632 960888');
  await desk.getByRole('button', { name: `Archive ${name}` }).click();
  await expect(desk.getByRole('heading', { name })).toHaveCount(0);
  await syncNow(desk);
  await syncNow(phone);
  await expect(phone.getByRole('heading', { name })).toHaveCount(0);

  // Shown to the lead on request, and restored; the worker gets it back, with the new number.
  await desk.getByRole('checkbox', { name: /^Show archived/ }).check();
  await expect(card).toContainText('Archived');
  await desk.getByRole('button', { name: `Restore ${name}` }).click();
  await expect(card).toBeVisible();
  await syncNow(desk);
  await syncNow(phone);
  await expect(theirs).toContainText('01632 960888');
  // The lead's own phone: the form fits and reads at 390 px too.
  const leadPhone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(leadPhone, lead);
  await openDirectory(leadPhone);
  await leadPhone.getByRole('button', { name: 'Add an agency' }).click();
  await leadPhone.getByRole('form', { name: 'Add an agency' }).getByRole('button', { name: 'Add a session' }).click();
  expect(await leadPhone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(leadPhone, 'agency form at 390 px');
  for (const p of [desk, phone, leadPhone]) await p.context().close();
});
