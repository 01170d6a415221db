/**
 * The heart of Lantern, in Chromium: one encounter done entirely offline — new client,
 * consent, an assessment with two urgent needs, two referrals, one appointment — then sync,
 * and a second worker reads the whole story without entering anything again. Plus the
 * follow-up a missed appointment opens, and axe-core on every screen of the flow.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createUser, raiseAlert, signIn, syncNow, syncStatus, waitForServiceWorker } from './helpers';

/** No serious or critical accessibility violation on the current screen. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
}

const next = (page: Page) => page.getByRole('button', { name: /^Next:/ }).click();

test('a full encounter offline, synced, then read by another worker without asking again', async ({ browser, request }) => {
  // Two phones, nine steps each way and an accessibility check on every screen: a long walk.
  test.setTimeout(120_000);
  const robin = await createUser(request, 'outreach_worker', 'Robin');
  const sam = await createUser(request, 'outreach_worker', 'Sam');
  const alias = `Kestrel ${Math.random().toString(36).slice(2, 6)}`;

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, robin);
  await waitForServiceWorker(page);
  await expect(syncStatus(page)).toContainText('All changes synced');
  await expectAccessible(page, 'clients');
  await context.setOffline(true);

  await page.getByRole('button', { name: 'Add client' }).click();
  await expectAccessible(page, 'add client');
  await addClientForm(page, alias);
  await expectAccessible(page, 'client page');
  await page.getByRole('button', { name: 'Start encounter' }).click();

  await expect(page.getByRole('heading', { name: 'Who' })).toBeVisible();
  await page.getByLabel('Area').fill('Station Road');
  await expectAccessible(page, 'who');
  await next(page);

  await page.getByLabel('Yes, they agree').check();
  await expectAccessible(page, 'consent');
  await next(page);

  await page.getByLabel(/^Need: Sexual health/).selectOption('urgent');
  await page.getByLabel(/^Notes: Sexual health/).fill('wants a test tonight');
  await page.getByLabel(/^Need: Drugs and alcohol/).selectOption('urgent');
  await page.getByLabel(/^Need: Mental health/).selectOption('prefer_not_to_say');
  await expectAccessible(page, 'what has changed');
  await next(page);

  // Nothing stood out: the step is skipped, and the NRM waits behind its disclosure.
  await expect(page.getByRole('heading', { name: 'What you noticed' })).toBeVisible();
  await expectAccessible(page, 'what you noticed');
  await next(page);

  await expect(page.getByRole('list', { name: 'Needs recorded' }).getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page, 'needs');
  await next(page);

  for (const need of [/Agencies for Sexual health/, /Agencies for Drugs and alcohol/]) {
    await page.getByRole('region', { name: need }).getByRole('button', { name: /refer to/ }).first().click();
  }
  await expect(page.getByRole('button', { name: /^Remove referral to/ })).toHaveCount(2);
  await expectAccessible(page, 'referrals');
  await next(page);

  await page.getByRole('button', { name: 'Book an appointment' }).click();
  await page.getByLabel('Time').fill('10:30');
  await page.getByLabel('Place').fill('Clinic front desk');
  await page.getByLabel("I'll go with them").check();
  await expectAccessible(page, 'appointments');
  await next(page);

  await page.getByLabel('Referral made').check();
  await page.getByRole('button', { name: 'Condoms: add one' }).click();
  await page.getByRole('button', { name: 'Naloxone: add one' }).click();
  await page.getByRole('button', { name: 'Naloxone: add one' }).click();
  await page.getByLabel('Anything else the next worker should know').fill('Has a dog called Biscuit; ask after him');
  await expectAccessible(page, 'outcome');
  await next(page);

  await expect(page.getByText('1 condom, 2 naloxone kits')).toBeVisible();
  await expect(page.getByText('Has a dog called Biscuit; ask after him')).toBeVisible();
  await page.getByLabel(/has no key worker: make me their key worker/).check();
  await expectAccessible(page, 'summary');
  await page.getByRole('button', { name: 'Save encounter' }).click();
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();
  await expect(syncStatus(page)).toContainText(/changes waiting/);

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toContainText('All changes synced');

  const other = await (await browser.newContext()).newPage();
  await signIn(other, sam);
  await other.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await other.getByRole('button', { name: new RegExp(alias) }).click();
  const story = other.getByRole('region', { name: 'Current needs' });
  await expect(story).toContainText('Sexual health');
  await expect(story).toContainText('wants a test tonight');
  await expect(story).toContainText('Drugs and alcohol');
  await expect(other.getByRole('region', { name: 'Open referrals' }).getByRole('listitem')).toHaveCount(2);
  await expect(other.getByRole('region', { name: 'Upcoming appointments' })).toContainText('Clinic front desk');
  await expect(other.getByRole('region', { name: 'Consent' })).toContainText('Store');
  const forNext = other.getByRole('region', { name: 'For the next worker' });
  await expect(forNext).toContainText('Has a dog called Biscuit; ask after him');
  await expect(forNext).toContainText('Robin');
  await expect(other.getByRole('region', { name: 'Last contacts' })).toContainText('Station Road: Referral made; 1 condom, 2 naloxone kits');
  await expect(other.getByRole('region', { name: 'Timeline' })).toContainText('1 condom, 2 naloxone kits — “Has a dog called Biscuit; ask after him”');
  await expectAccessible(other, 'client story');
  await expect(other.getByRole('region', { name: 'Key worker' })).toContainText('Robin');
  const firstReferral = other.getByRole('region', { name: 'Open referrals' }).getByRole('listitem').first();
  await firstReferral.getByRole('button', { name: 'Acknowledged' }).click();
  await expect(firstReferral).toContainText('(Acknowledged)');
  await firstReferral.getByRole('button', { name: 'Referral pack' }).click();
  await expect(other.getByRole('heading', { name: /^Referral to/ })).toBeVisible();
  const pack = await other.locator('.referral-pack').innerText();
  expect(pack).not.toContain('Station Road'); // the area was never agreed to be shared
  await expectAccessible(other, 'referral pack');
  await other.getByRole('button', { name: 'Back' }).click();

  // An appointment still to come is marked missed only on purpose; its follow-up goes to
  // the key worker (Robin), not to whoever marked it, and shows on the client's page.
  const upcoming = other.getByRole('region', { name: 'Upcoming appointments' });
  await upcoming.getByRole('button', { name: 'Missed…' }).click();
  await expect(upcoming.getByRole('alertdialog')).toContainText('has not happened yet');
  await upcoming.getByRole('button', { name: 'No, keep it booked' }).click();
  await expect(upcoming).toContainText('(Booked)');
  await upcoming.getByRole('button', { name: 'Missed…' }).click();
  await upcoming.getByRole('button', { name: 'Yes, mark missed' }).click();
  // Pressed by mistake: taken back within the shift, then marked missed on purpose.
  const missed = other.getByRole('region', { name: 'Missed appointments' });
  await missed.getByRole('button', { name: 'Undo: not missed after all' }).click();
  await expect(missed).toHaveCount(0);
  await expect(upcoming).toContainText('(Booked)');
  await upcoming.getByRole('button', { name: 'Missed…' }).click();
  await upcoming.getByRole('button', { name: 'Yes, mark missed' }).click();
  await expect(other.getByRole('region', { name: 'Missed appointments' })).toContainText('Clinic front desk');
  await expect(other.getByRole('region', { name: 'Follow-ups' })).toContainText(/Missed appointment: due .* — Robin/);
  await other.getByRole('button', { name: 'Make me their key worker' }).click();
  await expect(other.getByRole('region', { name: 'Key worker' })).toContainText('Sam');
  await other.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(other)).toContainText('All changes synced');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toContainText('All changes synced');
  await page.getByRole('button', { name: 'Follow-ups' }).click();
  await expect(page.getByRole('list', { name: 'My follow-ups' })).toContainText(alias);
  await expect(page.getByRole('list', { name: 'My follow-ups' })).toContainText('Missed appointment');
  await expectAccessible(page, 'follow-ups');
  // Done is kept with who and when, and the next worker sees it on the client's page.
  await page.getByRole('list', { name: 'My follow-ups' }).getByRole('listitem').filter({ hasText: alias }).getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Done: missed appointment for ${alias}` })).toBeVisible();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toContainText('All changes synced');
  await other.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(other)).toContainText('All changes synced');
  await expect(other.getByRole('list', { name: 'Follow-ups done' })).toContainText(/Missed appointment: done by Robin, /);

  // The next encounter starts from what was agreed and referred, not from a blank form.
  await other.getByRole('button', { name: 'Clients', exact: true }).click();
  await other.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await other.getByRole('button', { name: new RegExp(alias) }).click();
  await other.getByRole('button', { name: 'Start encounter' }).click();
  await other.getByLabel('Area').fill('Canal Street');
  await next(other);
  const lastTime = other.getByRole('region', { name: 'Consent last time' });
  await expect(lastTime).toContainText(/they agreed we may keep a record, and to share with .+, .+\./);
  await expect(other.getByLabel('Yes, they agree')).toBeChecked();
  await expectAccessible(other, 'consent, second encounter');
  for (let i = 0; i < 4; i++) await next(other);
  await expect(other.getByRole('region', { name: 'Referrals in progress' }).getByRole('listitem')).toHaveCount(2);
  await expect(other.getByText('Already referred')).toHaveCount(2);
  await expectAccessible(other, 'referrals, second encounter');
  await next(other);
  await next(other);
  await next(other);
  await expect(other.getByRole('alert')).toContainText('Ask whether what they agreed last time still stands.');
  await expect(other.getByRole('button', { name: 'Save encounter' })).toBeDisabled();
  for (let i = 0; i < 7; i++) await other.getByRole('button', { name: 'Back' }).click();
  await lastTime.getByRole('button', { name: 'Still true' }).click();
  for (let i = 0; i < 7; i++) await next(other);
  await other.getByRole('button', { name: 'Save encounter' }).click();
  await expect(other.getByRole('region', { name: 'Last contacts' }).getByRole('listitem')).toHaveCount(2);
  await expect(other.getByRole('region', { name: 'Open referrals' }).getByRole('listitem')).toHaveCount(2);

  for (const [label, screen] of [['Agencies', 'agencies'], ['Alerts', 'alerts'], ['Log contact', 'quick contact']] as const) {
    await other.getByRole('button', { name: label, exact: true }).click();
    await expectAccessible(other, screen);
  }
  await context.close();
  await other.context().close();
});

async function addClientForm(page: Page, alias: string): Promise<void> {
  await page.getByLabel('Alias').fill(alias);
  await page.getByLabel('Usual areas').fill('Station Road');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();
}

test('a quick contact is logged in a few taps, anonymously', async ({ page, request }) => {
  const peer = await createUser(request, 'peer_volunteer', 'Volunteer');
  await signIn(page, peer);
  await page.getByRole('button', { name: 'Log contact', exact: true }).click();
  const started = Date.now();
  await page.getByLabel('Area').fill('Docks');
  await page.getByRole('button', { name: 'Condoms: add one' }).click();
  await page.getByRole('button', { name: 'Condoms: add one' }).click();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(page.getByRole('group', { name: 'Condoms: 0' })).toBeVisible();
});

test('a team lead withdraws a safety alert early, and it leaves every phone', async ({ browser, request }) => {
  const raiser = await createUser(request, 'outreach_worker', 'Raiser');
  const lead = await createUser(request, 'team_lead', 'Lead');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, raiser);
  const message = `Dog loose ${Math.random().toString(36).slice(2, 6)}`;
  await raiseAlert(page, 'Pier', message);
  await expect(page.getByRole('button', { name: 'Withdraw: the danger has passed' })).toHaveCount(0); // workers raise, leads withdraw
  await syncNow(page);

  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, lead);
  await desk.getByRole('button', { name: 'Alerts', exact: true }).click();
  await desk.getByRole('listitem').filter({ hasText: message }).getByRole('button', { name: 'Withdraw: the danger has passed' }).click();
  await expect(desk.getByText(message)).toHaveCount(0);
  await syncNow(desk);
  await syncNow(page);
  await expect(page.getByText(message)).toHaveCount(0);
  await page.context().close();
  await desk.context().close();
});

test('a safety alert raised on one device reaches the team', async ({ browser, request }) => {
  const raiser = await createUser(request, 'outreach_worker', 'Raiser');
  const peer = await createUser(request, 'peer_volunteer', 'Reader');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, raiser);
  const message = `Car circling ${Math.random().toString(36).slice(2, 6)}`;
  await raiseAlert(page, 'Canal Street', message);
  await syncNow(page);

  const other = await (await browser.newContext()).newPage();
  await signIn(other, peer);
  await expect(other.getByRole('region', { name: 'Safety alerts' })).toBeVisible();
  await other.getByRole('button', { name: 'Alerts', exact: true }).click();
  await expect(other.getByText(message)).toBeVisible();
  await page.context().close();
  await other.context().close();
});

