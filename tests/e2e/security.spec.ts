/**
 * Protecting the people in the records, in Chromium: what a lost, shared or revoked phone
 * still holds, and what a peer volunteer's phone ever receives.
 */
import fs from 'node:fs';
import { expect, test, type Page, type Response } from '@playwright/test';
import { serverLogFile } from './env';
import { addClient, adminBearer, createUser, dumpBrowserStorage, signIn, syncStatus, unlock } from './helpers';

const canary = () => `Canary${Math.random().toString(36).slice(2, 10)}`;

test('idle lock and the Lock button hide every record until the password is given', async ({ page, request }) => {
  const worker = await createUser(request, 'outreach_worker', 'Idle');
  await page.clock.install();
  await signIn(page, worker);
  const alias = canary();
  await addClient(page, { alias });

  await page.clock.fastForward('05:01');
  await expect(page.getByRole('heading', { name: 'Lantern is locked' })).toBeVisible();
  expect(await page.content()).not.toContain(alias);

  await unlock(page, worker);
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Lantern is locked' })).toBeVisible();
  expect(await page.content()).not.toContain(alias);

  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('That password does not unlock this device.');
  expect(await page.content()).not.toContain(alias);
});

test('quick exit blanks the screen at once and locks', async ({ page, request }) => {
  const worker = await createUser(request, 'outreach_worker', 'Exit');
  await signIn(page, worker);
  const alias = canary();
  await addClient(page, { alias });
  await page.getByRole('button', { name: 'Quick exit' }).click();
  await expect(page).toHaveTitle('New Tab');
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).not.toContain(alias);
  expect(text).not.toContain('Lantern');
  await page.getByRole('button', { name: 'Continue' }).click();
  await unlock(page, worker);
});

test('signing out while offline erases IndexedDB and caches, after warning what would be lost', async ({ page, context, request }) => {
  const worker = await createUser(request, 'outreach_worker', 'Leaver');
  await signIn(page, worker);
  await context.setOffline(true);
  const alias = canary();
  await addClient(page, { alias });
  // An encounter started and not saved is named before anything is erased.
  await page.getByRole('button', { name: 'Start encounter' }).click();
  await page.getByLabel('Area').fill('Pier Head');
  await page.getByRole('button', { name: /^Next:/ }).click();
  await expect(page.getByText(/kept on this device/)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Sign out and erase this device?' });
  await expect(confirm).toContainText('erases everything Lantern keeps on this device');
  await expect(confirm.getByRole('list', { name: 'Unsaved drafts' })).toContainText(`An encounter with ${alias}, not saved`);
  await confirm.getByRole('button', { name: 'Open it' }).click();
  await expect(page.getByLabel('Yes, they agree')).toBeVisible(); // resumed at the consent step
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Staying leaves everything as it was, and the button asks again.
  await confirm.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByLabel('Yes, they agree')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out and erase' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('1 change has not reached the server');

  await page.getByLabel('Your password, to encrypt a copy').fill(worker.password);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save an encrypted copy' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; ciphertext: string };
  expect(exported.format).toBe('lantern-export');

  await page.getByRole('button', { name: 'Erase anyway' }).click();
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
  const left = await page.evaluate(async () => ({
    databases: await indexedDB.databases(),
    caches: await caches.keys(),
  }));
  expect(left).toEqual({ databases: [], caches: [] });
});

test('a team lead signs a device out from the Team screen, and it erases itself at its next request', async ({ browser, page, request }) => {
  const worker = await createUser(request, 'outreach_worker', 'Revoked');
  const lead = await createUser(request, 'team_lead', 'Lead');
  await signIn(page, worker);
  await addClient(page, { alias: canary() });
  await expect(syncStatus(page)).toContainText('All changes synced');

  const leadPage = await (await browser.newContext()).newPage();
  await signIn(leadPage, lead);
  await leadPage.getByRole('button', { name: 'Team' }).click();
  const devices = leadPage.getByRole('list', { name: 'Devices' });
  const workerDevice = devices.getByRole('listitem').filter({ hasText: 'Revoked' });
  await workerDevice.getByRole('button', { name: 'Sign out and erase this device' }).click();
  await expect(workerDevice).toContainText('Signed out remotely');

  await leadPage.getByLabel(/Lock devices after this many idle minutes/).fill('2');
  await leadPage.getByRole('button', { name: 'Save' }).click();
  await expect(leadPage.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const admin = { authorization: `Bearer ${await adminBearer(request)}` };
  const me = (await (await request.get('/api/me', { headers: admin })).json()) as { idleLockMinutes: number };
  expect(me.idleLockMinutes).toBe(2);
  await request.patch('/api/team', { headers: admin, data: { idleLockMinutes: 5 } });

  // The device's next request meets the revocation: "Sync now", unless a sync it started on
  // its own (it syncs when it becomes visible again) already got there first.
  const erased = page.getByText('Your team lead signed this device out');
  if (!(await erased.isVisible())) await page.getByRole('button', { name: 'Sync now' }).click({ timeout: 5_000 }).catch(() => undefined);
  await expect(erased).toBeVisible();
  expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
  await leadPage.context().close();
});

/** Every record body the page pulled from the server. */
function collectPulls(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response: Response) => {
    if (new URL(response.url()).pathname === '/api/sync/pull') {
      void response.text().then((text) => bodies.push(text), () => undefined);
    }
  });
  return bodies;
}

test("a peer volunteer's device never receives a restricted field", async ({ browser, request }) => {
  const worker = await createUser(request, 'outreach_worker', 'Keyworker');
  const peer = await createUser(request, 'peer_volunteer', 'Peer');
  const alias = canary();
  const legalName = canary();
  const noteBody = canary();

  const workerContext = await browser.newContext();
  const workerPage = await workerContext.newPage();
  await signIn(workerPage, worker);
  await addClient(workerPage, { alias, legalName, areas: 'Docks' });
  await workerPage.getByLabel('Add a note').fill(`Talked about housing ${noteBody}`);
  await workerPage.getByRole('button', { name: 'Save note' }).click();
  await expect(workerPage.getByRole('list', { name: 'Notes' }).getByText(noteBody)).toBeVisible();
  await expect(syncStatus(workerPage)).toContainText('All changes synced');

  const peerContext = await browser.newContext();
  const peerPage = await peerContext.newPage();
  const pulls = collectPulls(peerPage);
  await signIn(peerPage, peer);
  await peerPage.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await peerPage.getByRole('button', { name: new RegExp(alias) }).click();
  await expect(peerPage.getByRole('heading', { name: alias })).toBeVisible();
  await expect(peerPage.getByRole('heading', { name: 'Notes' })).toHaveCount(0);

  const received = pulls.join('\n');
  expect(received).toContain(alias);
  for (const secret of [legalName, noteBody, '"legalName"', '"birthYear"', '"collection":"notes"', '"collection":"assessments"']) {
    expect(received).not.toContain(secret);
  }
  expect((await dumpBrowserStorage(peerPage)).text).not.toContain(legalName);
  await workerContext.close();
  await peerContext.close();
});

test('a canary client leaves no plaintext in IndexedDB, CacheStorage or the server log', async ({ browser, request }) => {
  const worker = await createUser(request, 'outreach_worker', 'Canary');
  const colleague = await createUser(request, 'outreach_worker', 'Colleague');
  const secret = canary();
  const alias = `${secret}A`;

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, worker);
  await context.setOffline(true);
  await addClient(page, { alias, legalName: `${secret}L`, areas: `${secret}Area` });
  await page.getByLabel('Add a note').fill(`${secret}N`);
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Pronouns').fill(`${secret}P`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.reload();
  await unlock(page, worker);
  await page.goto('/#/');
  await page.getByRole('searchbox', { name: 'Search clients' }).fill(secret);
  await expect(page.getByRole('button', { name: new RegExp(alias) })).toBeVisible();
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toContainText('All changes synced');

  const other = await (await browser.newContext()).newPage();
  await signIn(other, colleague);
  await other.getByRole('searchbox', { name: 'Search clients' }).fill(secret);
  await other.getByRole('button', { name: new RegExp(alias) }).click();
  await expect(other.getByRole('list', { name: 'Notes' }).getByText(`${secret}N`)).toBeVisible();

  for (const device of [page, other]) {
    const { databases, text } = await dumpBrowserStorage(device);
    expect(databases.length).toBeGreaterThan(0);
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toContain(secret);
  }
  const log = fs.readFileSync(serverLogFile, 'utf8');
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain(secret);
  expect(log).not.toContain(worker.password);
  await context.close();
  await other.context().close();
});

test('the app works within its content security policy, breaking none of it', async ({ page, request }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
  });
  const worker = await createUser(request, 'outreach_worker', 'Policy');
  await signIn(page, worker);
  const alias = canary();
  // Saving and syncing a record runs every kind of check the shared schemas make.
  await addClient(page, { alias });
  await expect(syncStatus(page)).toContainText('All changes synced');
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});
