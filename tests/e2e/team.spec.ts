/**
 * The team lead's accounts, in Chromium at a phone's width: a lead adds a person and hands
 * over a one-time password; that person signs in on their own phone and must choose their
 * own password first; the lead resets a forgotten password, deactivates and reactivates.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { uuidv7 } from '../../src/shared/ids';
import { addClient, createUser, pushAs, signIn, syncNow, syncStatus } from './helpers';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
}

async function firstSignIn(page: Page, username: string, temporary: string, chosen: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(temporary);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await expectAccessible(page, 'choose your password');
  await page.getByLabel('New password', { exact: true }).fill(chosen);
  await page.getByLabel('New password again').fill(`${chosen}x`);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
  await page.getByLabel('New password again').fill(chosen);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
}

test('a team lead adds a person with a one-time password, resets it, and deactivates them', async ({ browser, request }) => {
  const lead = await createUser(request, 'team_lead', 'Lead');
  const username = `nia-${Math.random().toString(36).slice(2, 7)}`;
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(page, lead);
  // Every place in the menu is on screen at a 360 px phone's width, with no sideways scroll.
  await page.setViewportSize({ width: 360, height: 740 });
  const menu = page.getByRole('navigation', { name: 'Main' });
  for (const item of await menu.getByRole('button').all()) await expect(item).toBeInViewport({ ratio: 1 });
  expect(await menu.evaluate((nav) => nav.scrollWidth <= nav.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Team', exact: true }).click();
  // The lead's own phone is listed by what a person recognises, not a user agent.
  await expect(page.getByRole('list', { name: 'Devices' })).toContainText(/Chrome on Linux, signed in \d+ \w+ by Lead/);
  // It synced at sign-in and said what it still holds: nothing.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('button', { name: 'Clients', exact: true }).click();
  await page.getByRole('button', { name: 'Team', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Devices' })).toContainText('Nothing left on it at its last sync.');
  const people = page.getByRole('region', { name: 'People' });
  await expect(people.getByRole('list', { name: 'People' })).toContainText('Lead');
  await expectAccessible(page, 'team');

  // A lead who is not an admin adds workers and peers, not team leads.
  await expect(people.getByLabel('Role', { exact: true }).locator('option')).toHaveText(['Outreach worker', 'Peer volunteer']);
  await people.getByLabel(/^Username/).fill('Not Valid!');
  await people.getByRole('button', { name: 'Add and make a temporary password' }).click();
  await expect(people.getByText('a name is required')).toBeVisible();
  await people.getByLabel(/^Name/).fill('Nia');
  await people.getByLabel(/^Username/).fill(username);
  await people.getByLabel('Role', { exact: true }).selectOption('peer_volunteer');
  await people.getByRole('button', { name: 'Add and make a temporary password' }).click();
  const temporary = (await people.getByLabel('Temporary password').innerText()).trim();
  expect(temporary).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  await expectAccessible(page, 'team, password handed over');
  await people.getByRole('button', { name: 'Done, I have handed it over' }).click();
  await expect(people.getByLabel('Temporary password')).toHaveCount(0);
  await expect(people.getByRole('list', { name: 'People' })).toContainText(`Nia ${username} · Peer volunteer`);

  // Adding the same username again says so, and keeps what was typed.
  await people.getByLabel(/^Name/).fill('Nia Two');
  await people.getByLabel(/^Username/).fill(username);
  await people.getByRole('button', { name: 'Add and make a temporary password' }).click();
  await expect(people.getByText('That username is already taken.')).toBeVisible();
  await expect(people.getByLabel(/^Name/)).toHaveValue('Nia Two');

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await firstSignIn(phone, username, temporary, 'nia-own-password-1');

  // Forgotten: the lead resets it; the old password stops working, the new one must be replaced.
  const nia = people.getByRole('listitem').filter({ hasText: username });
  await nia.getByRole('button', { name: 'Reset password' }).click();
  const reset = (await nia.getByLabel('Temporary password').innerText()).trim();
  expect(reset).not.toBe(temporary);
  const other = await (await browser.newContext()).newPage();
  await other.goto('/');
  await other.getByLabel('Username').fill(username);
  await other.getByLabel('Password').fill('nia-own-password-1');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByText('That username and password do not match.')).toBeVisible();
  await firstSignIn(other, username, reset, 'nia-new-password-2');

  await nia.getByRole('button', { name: 'Deactivate' }).click();
  await expect(nia).toContainText('deactivated');
  await nia.getByRole('button', { name: 'Reactivate' }).click();
  await expect(nia).not.toContainText('deactivated');
  for (const p of [page, phone, other]) await p.context().close();
});

test('a team lead reads the audit log by person, with client names shown but never stored, and exports it', async ({ browser, request }) => {
  const lead = await createUser(request, 'team_lead', 'Auditor');
  const worker = await createUser(request, 'outreach_worker', 'Wanda');
  const alias = `Shrike ${Math.random().toString(36).slice(2, 6)}`;
  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, worker);
  await addClient(phone, { alias });
  await syncNow(phone);

  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(desk, lead);
  await expect(syncStatus(desk)).toContainText('All changes synced'); // the client is on the desk's device
  await desk.getByRole('button', { name: 'Team', exact: true }).click();
  await desk.getByRole('button', { name: 'Audit log' }).click();
  const table = desk.getByRole('table');
  await expect(table).toContainText('Signed in');
  await desk.getByLabel('Person').selectOption({ label: 'Wanda' });
  // Once the filtered page is in, every row but the header is Wanda's.
  await expect(table.getByRole('row').filter({ hasNotText: 'Wanda' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: 'Added a client' })).toContainText(`Client: ${alias}`);
  await desk.getByLabel('Action').selectOption({ label: 'Added a client' });
  await expect(table.getByRole('row').filter({ hasNotText: 'Added a client' })).toHaveCount(1);
  await expectAccessible(desk, 'audit');
  const download = desk.waitForEvent('download');
  await desk.getByRole('button', { name: 'Export CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  expect(csv.startsWith('\uFEFFWhen,Person,What,Record,Outcome\r\n')).toBe(true);
  expect(csv).toContain(`Wanda,Added a client,Client: ${alias},ok`);
  expect(csv).not.toContain('Signed in');
  // Taking the copy is in the log, as an export.
  await desk.getByLabel('Person').selectOption({ label: 'Auditor' });
  await desk.getByLabel('Action').selectOption({ label: 'Exported the audit log' });
  await expect(table.getByRole('row').filter({ hasText: 'Exported the audit log' })).toHaveCount(1);
  for (const p of [phone, desk]) await p.context().close();
});

test("a team lead hands a worker's follow-up to a colleague, who finds it in their own list", async ({ browser, request }) => {
  const lead = await createUser(request, 'team_lead', 'Desk');
  const wanda = await createUser(request, 'outreach_worker', 'Winifred');
  const sam = await createUser(request, 'outreach_worker', 'Samira');
  const alias = `Dunlin ${Math.random().toString(36).slice(2, 6)}`;
  // Wanda's phone records a client and a check-in for herself (through the sync API, as the app does).
  const clientId = uuidv7();
  const wandaId = await pushAs(request, wanda, (me) => [
    { name: 'client.create', args: { id: clientId, profile: { alias } } },
    { name: 'followUp.create', args: { id: uuidv7(), clientId, reason: 'check_in', dueAt: new Date(Date.now() - 3_600_000).toISOString(), assigneeId: me } },
  ]);

  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(desk, lead);
  await expect(syncStatus(desk)).toContainText('All changes synced');
  await desk.getByRole('button', { name: 'Follow-ups', exact: true }).click();
  await desk.getByRole('button', { name: 'Whole team' }).click();
  const item = desk.getByRole('list', { name: "The team's follow-ups" }).getByRole('listitem').filter({ hasText: alias });
  await expect(item).toContainText('Overdue');
  await expect(item.getByLabel('Assigned to')).toHaveValue(wandaId);
  await expectAccessible(desk, 'team follow-ups');
  await item.getByLabel('Assigned to').selectOption({ label: 'Samira' });
  await syncNow(desk);

  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, sam);
  await phone.getByRole('button', { name: 'Follow-ups', exact: true }).click();
  await expect(phone.getByRole('list', { name: 'My follow-ups' })).toContainText(alias);
  for (const p of [desk, phone]) await p.context().close();
});

test("every new screen is axe clean on a phone (390 px) and the lead's also at a desk (1280 px)", async ({ browser, request }) => {
  // Every screen, twice, each with an accessibility scan: a long walk (about a minute on two cores).
  test.setTimeout(150_000);
  const lead = await createUser(request, 'team_lead', 'Widths');
  const worker = await createUser(request, 'outreach_worker', 'Walker');
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 844 } });
    const desk = await context.newPage();
    await signIn(desk, lead);
    const screens: [string, () => Promise<void>, string][] = [
      ['Team', () => desk.getByRole('button', { name: 'Team', exact: true }).click(), 'People'],
      ['Audit log', () => desk.getByRole('button', { name: 'Audit log' }).click(), 'Audit log'],
      ['Review', () => desk.getByRole('button', { name: /^Review/ }).click(), 'Review'],
      ['Follow-ups (whole team)', async () => {
        await desk.getByRole('button', { name: 'Follow-ups', exact: true }).click();
        await desk.getByRole('button', { name: 'Whole team' }).click();
      }, "The team's follow-ups"],
    ];
    for (const [name, open, heading] of screens) {
      await open();
      await expect(desk.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      expect(await desk.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name} at ${width} px scrolls sideways`).toBe(true);
      await expectAccessible(desk, `${name} at ${width} px`);
    }
    await context.close();

    // A worker's phone offline: the list of what is waiting.
    const phoneContext = await browser.newContext({ viewport: { width, height: 844 } });
    const phone = await phoneContext.newPage();
    await signIn(phone, worker);
    await phoneContext.setOffline(true);
    await addClient(phone, { alias: `Tern ${width}` });
    await phone.getByRole('button', { name: 'See what is waiting' }).click();
    await expect(phone.getByRole('heading', { name: 'Waiting to sync' })).toBeVisible();
    await expectAccessible(phone, `waiting at ${width} px`);
    await phoneContext.close();
  }
});
