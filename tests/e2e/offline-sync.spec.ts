/**
 * The foundation, end to end in Chromium: first visit online, then with no signal the app
 * still reloads, a client added and edited offline survives a reload, going online syncs it,
 * and another worker on another device sees it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath, e2eBaseUrl } from './env';
import { uuidv7 } from '../../src/shared/ids';
import { createUser, pushAs, signIn, syncStatus, unlock, waitForServiceWorker } from './helpers';

test('a client added offline survives reloads, syncs, and reaches another worker', async ({ browser, request }) => {
  const robin = await createUser(request, 'outreach_worker', 'Robin');
  const sam = await createUser(request, 'outreach_worker', 'Sam');
  const alias = `Nightjar ${Math.random().toString(36).slice(2, 7)}`;

  const deviceA = await browser.newContext();
  const page = await deviceA.newPage();
  await signIn(page, robin);
  await waitForServiceWorker(page);
  await expect(syncStatus(page)).toContainText('All changes synced');

  await deviceA.setOffline(true);
  await expect(syncStatus(page)).toContainText('Offline — everything is saved here');
  await page.reload();
  await unlock(page, robin);

  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Alias').fill(alias);
  await page.getByLabel('Usual areas').fill('Station Road, Docks');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();
  await expect(syncStatus(page)).toContainText('1 change waiting');

  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Pronouns').fill('they/them');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('they/them')).toBeVisible();
  await expect(syncStatus(page)).toContainText('Offline — 2 changes waiting');

  // What is waiting reads as what was done, never as data.
  await page.getByRole('button', { name: 'See what is waiting' }).click();
  const waiting = page.getByRole('list', { name: 'Changes waiting' });
  await expect(waiting.getByRole('heading')).toHaveText([`New client: ${alias}`, `Profile change: ${alias}`]);
  await expect(waiting).toContainText('Usual areas: Station Road, Docks');
  await expect(waiting).toContainText('Pronouns: they/them');
  expect(await waiting.innerText()).not.toMatch(/[{}"]/);

  await page.reload();
  await unlock(page, robin);
  await page.goto('/#/');
  await page.getByRole('searchbox', { name: 'Search clients' }).fill('nightjar');
  await expect(page.getByRole('button', { name: new RegExp(alias) })).toBeVisible();
  await expect(syncStatus(page)).toContainText('2 changes waiting');

  await deviceA.setOffline(false);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toContainText('All changes synced');

  const deviceB = await browser.newContext();
  const other = await deviceB.newPage();
  await signIn(other, sam);
  await other.getByRole('searchbox', { name: 'Search clients' }).fill('docks');
  await other.getByRole('button', { name: new RegExp(alias) }).click();
  await expect(other.getByRole('heading', { name: alias })).toBeVisible();
  await expect(other.getByText('they/them')).toBeVisible();
  await expect(other.getByText('Station Road, Docks')).toBeVisible();

  await deviceA.close();
  await deviceB.close();
});

test('Chromium finds the app installable, and /api is never cached', async ({ request }) => {
  // Installability is judged for a real profile, not an incognito context.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    baseURL: e2eBaseUrl,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, await createUser(request, 'outreach_worker', 'Ash'));
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[] };
    expect(manifest.errors).toEqual([]);

    const cachedPaths = await page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        paths.push(...(await cache.keys()).map((r) => new URL(r.url).pathname));
      }
      return paths;
    });
    expect(cachedPaths).toContain('/index.html');
    expect(cachedPaths.filter((p) => p.startsWith('/api'))).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('every screen of a round opens with no signal, straight after a first sign-in', async ({ browser, request }) => {
  const robin = await createUser(request, 'outreach_worker', 'Rowan');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, robin);
  // Straight away: no reload, no wait for the service worker or the first sync. The
  // screens must already be on the phone.
  await context.setOffline(true);
  for (const [place, heading] of [
    ['Log contact', 'Log a contact'],
    ['Alerts', 'Safety alerts'],
    ['Follow-ups', 'My follow-ups'],
    ['Agencies', 'Agency directory'],
  ] as const) {
    await page.getByRole('button', { name: place, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Clients', exact: true }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByLabel('Alias')).toBeVisible();
  await context.close();
});

test('a first sync says how far it has got, out of how many, and then that all is synced', async ({ browser, request }) => {
  const seeder = await createUser(request, 'outreach_worker', 'Seeder');
  const worker = await createUser(request, 'outreach_worker', 'Newcomer');
  const tag = `Batch${Math.random().toString(36).slice(2, 7)}`;
  await pushAs(request, seeder, () => Array.from({ length: 4000 }, (_, i) => ({ name: 'client.create', args: { id: uuidv7(), profile: { alias: `${tag} ${i}` } } })));
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto('/');
  // Every wording the bar takes, as it changes: a fast sync may pass a page in a frame.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const label = document.querySelector('label[for="first-sync"]')?.textContent ?? null;
      if (label !== null && seen.at(-1) !== label) seen.push(label);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel('Username').fill(worker.username);
  await page.getByLabel('Password').fill(worker.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const progress = page.getByRole('progressbar', { name: /Downloading your team’s records — [\d,]+ of [\d,]+/ });
  // Usable while it runs (if it is still running): search finds a person.
  await page.getByRole('searchbox', { name: 'Search clients' }).fill(`${tag} 7`);
  await expect(page.getByRole('button', { name: new RegExp(`${tag} 7\\b`) })).toBeVisible();
  await expect(syncStatus(page)).toContainText('All changes synced', { timeout: 60_000 });
  await expect(progress).toBeHidden();
  // It said how far it had got, out of how many, page by page, never going back.
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  const counts = seen.flatMap((label) => {
    const match = /— ([\d,]+) of ([\d,]+)$/.exec(label);
    return match === null ? [] : [{ done: Number(match[1]?.replace(/,/g, '')), total: Number(match[2]?.replace(/,/g, '')) }];
  });
  expect(counts.length, seen.join(' | ')).toBeGreaterThanOrEqual(2);
  expect(counts.every(({ total }) => total >= 4000)).toBe(true);
  expect(counts.some(({ done, total }) => done > 0 && done < total), seen.join(' | ')).toBe(true);
  expect(counts.map(({ done }) => done)).toEqual(counts.map(({ done }) => done).sort((a, b) => a - b));
  await page.context().close();
});
