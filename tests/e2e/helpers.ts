/** Shared steps for the browser suite: users made through the real API, sign-in as a person does. */
import { expect, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { encodeHlc } from '../../src/shared/hlc';
import { MAX_MUTATIONS_PER_PUSH, SCHEMA_VERSION } from '../../src/shared/sync/wire';
import { adminPassword } from './env';

export interface TestUser {
  readonly username: string;
  readonly password: string;
}

let adminToken: string | null = null;

/** A bearer token for the first admin (a team lead), for setting up through the API. */
export async function adminBearer(request: APIRequestContext): Promise<string> {
  if (adminToken) return adminToken;
  const response = await request.post('/api/auth/login', {
    data: { username: 'admin', password: adminPassword, deviceId: crypto.randomUUID() },
  });
  expect(response.status(), await response.text()).toBe(200);
  adminToken = ((await response.json()) as { token: string }).token;
  return adminToken;
}

/** Creates a user in the admin's team through POST /api/users. */
export async function createUser(
  request: APIRequestContext,
  role: 'outreach_worker' | 'peer_volunteer' | 'team_lead',
  name: string,
): Promise<TestUser> {
  const username = `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  const password = `pw-${Math.random().toString(36).slice(2)}-long`;
  const response = await request.post('/api/users', {
    headers: { authorization: `Bearer ${await adminBearer(request)}` },
    data: { username, name, role, password },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { username, password };
}

/**
 * Another person's phone, through the sync API as the app does: signs in on a new device
 * and pushes the commands built for their user id, in order, each with a later clock, in
 * batches as the outbox sends them. Answers that user id.
 */
export async function pushAs(request: APIRequestContext, user: TestUser, build: (userId: string) => readonly { name: string; args: unknown }[]): Promise<string> {
  const login = await request.post('/api/auth/login', { data: { username: user.username, password: user.password, deviceId: crypto.randomUUID() } });
  expect(login.status(), await login.text()).toBe(200);
  const { token, user: me } = (await login.json()) as { token: string; user: { id: string } };
  const headers = { authorization: `Bearer ${token}` };
  const { deviceId } = (await (await request.get('/api/me', { headers })).json()) as { deviceId: string };
  const mutations = build(me.id).map((c, i) => ({ id: i + 1, ...c, hlc: encodeHlc({ wallMs: Date.now() + i, counter: 0, deviceId }) }));
  for (let start = 0; start < mutations.length; start += MAX_MUTATIONS_PER_PUSH) {
    const batch = mutations.slice(start, start + MAX_MUTATIONS_PER_PUSH);
    const pushed = await request.post('/api/sync/push', { headers, data: { deviceId, schemaVersion: SCHEMA_VERSION, mutations: batch } });
    expect(((await pushed.json()) as { rejections: unknown[] }).rejections).toEqual([]);
  }
  return me.id;
}

export async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
}

/** Unlocks the device with the password (works offline). */
export async function unlock(page: Page, user: TestUser): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Lantern is locked' })).toBeVisible();
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Lantern is locked' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
}

/** Waits until the service worker is active, so the app shell is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
}

export const syncStatus = (page: Page) => page.getByRole('complementary', { name: 'Sync status' }).getByRole('status');

/** Finds a person by alias on the Clients screen and opens their page. */
export async function openClient(page: Page, alias: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await page.getByRole('button', { name: alias }).click();
}

/** A phone of its own at 390 px: `user` signs in, the first sync finishes, and `alias`'s page opens. */
export async function phoneOpeningClient(browser: Browser, user: TestUser, alias: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(page, user);
  await expect(syncStatus(page)).toContainText('All changes synced');
  await openClient(page, alias);
  return page;
}

/** Presses Sync now and waits until the bar says everything reached the server. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toContainText('All changes synced');
}

/** Raises a safety alert from the Alerts screen, as a worker does. */
export async function raiseAlert(page: Page, area: string, message: string): Promise<void> {
  await page.getByRole('button', { name: 'Alerts', exact: true }).click();
  await page.getByLabel('Area').fill(area);
  await page.getByLabel(/danger/i).fill(message);
  await page.getByRole('button', { name: /Raise alert/i }).click();
  await expect(page.getByText(message)).toBeVisible();
}

/** Adds a client through the form, as a worker does. */
export async function addClient(page: Page, fields: { alias: string; areas?: string; legalName?: string }): Promise<void> {
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Alias').fill(fields.alias);
  if (fields.areas) await page.getByLabel('Usual areas').fill(fields.areas);
  if (fields.legalName) await page.getByLabel('Legal name').fill(fields.legalName);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: fields.alias })).toBeVisible();
}

/**
 * Everything the origin keeps in IndexedDB and CacheStorage, as text: every row of every
 * store of every database (binary fields decoded as UTF-8 and Latin-1) and every cached body.
 */
export async function dumpBrowserStorage(page: Page): Promise<{ databases: string[]; text: string }> {
  return page.evaluate(async () => {
    const decode = (bytes: Uint8Array) =>
      `${new TextDecoder('utf-8').decode(bytes)} ${Array.from(bytes, (b) => String.fromCharCode(b)).join('')}`;
    const replacer = (_key: string, value: unknown) => {
      if (value instanceof ArrayBuffer) return decode(new Uint8Array(value));
      if (ArrayBuffer.isView(value)) return decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      return value;
    };
    const parts: string[] = [];
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    for (const name of databases) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
        parts.push(`${name}/${store}: ${JSON.stringify(rows, replacer)}`);
      }
      db.close();
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        parts.push(`${cacheName} ${request.url}: ${response ? await response.text() : ''}`);
      }
    }
    return { databases, text: parts.join('\n') };
  });
}

/** Ticks languages in a "Languages they speak" picker: each found by typing part of its name. */
export async function pickLanguages(scope: Page | Locator, picks: readonly { readonly type: string; readonly name: string }[]): Promise<void> {
  const languages = scope.getByRole('group', { name: 'Languages they speak' });
  for (const { type, name } of picks) {
    await languages.getByLabel('Find a language').fill(type);
    await languages.getByRole('checkbox', { name, exact: true }).check();
  }
}
