/**
 * An encounter is recorded once, in Chromium, even when things go wrong around its save.
 * The save and the deletion of its autosaved draft are one IndexedDB transaction: a draft
 * deletion that fails leaves nothing recorded, and saving again records it once. A draft
 * that outlived its save anyway (what a crash between the two used to leave) is recognised
 * when the encounter is reopened, and cleared, instead of being recorded a second time.
 * The server is the judge: after sync it holds exactly one contact.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { SCHEMA_VERSION } from '../../src/shared/sync/wire';
import { addClient, adminBearer, createUser, signIn, syncStatus, unlock } from './helpers';

const next = (page: Page) => page.getByRole('button', { name: /^Next:/ }).click();

/** Adds a client, opens an encounter with them and walks it to the summary; returns the client id. */
async function encounterAtSummary(page: Page): Promise<string> {
  await addClient(page, { alias: `Plover ${Math.random().toString(36).slice(2, 6)}` });
  const clientId = /#\/clients\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  if (clientId === undefined) throw new Error(`no client id in ${page.url()}`);
  await page.getByRole('button', { name: 'Start encounter' }).click();
  await page.getByLabel('Area').fill('Station Road');
  await next(page);
  await page.getByLabel('Yes, they agree').check();
  for (let step = 0; step < 7; step++) await next(page);
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
  return clientId;
}

/**
 * Acts on the raw `drafts` store of the app's IndexedDB, outside the app, as a crash would
 * leave it: `keep` copies its rows into the page (they hold binary sealed data), `restore`
 * puts them back. Answers how many drafts the store then holds.
 */
async function draftStore(page: Page, action: 'count' | 'keep' | 'restore'): Promise<number> {
  return page.evaluate(async (action) => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('request failed'));
      });
    const db = await done(indexedDB.open('lantern'));
    try {
      const tx = db.transaction('drafts', action === 'restore' ? 'readwrite' : 'readonly');
      const store = tx.objectStore('drafts');
      if (action === 'keep') Object.assign(window, { keptDrafts: await done(store.getAll()) });
      if (action === 'restore') for (const row of Reflect.get(window, 'keptDrafts') as unknown[]) await done(store.put(row));
      const count = await done(store.count());
      await new Promise((resolve) => (tx.oncomplete = resolve));
      return count;
    } finally {
      db.close();
    }
  }, action);
}

/** The contacts the server holds for `clientId`, read through the team lead's pull. */
async function serverContacts(request: APIRequestContext, clientId: string): Promise<number> {
  const headers = { authorization: `Bearer ${await adminBearer(request)}` };
  let cursor = 0;
  let found = 0;
  for (;;) {
    const response = await request.get(`/api/sync/pull?cursor=${cursor}&limit=500&schemaVersion=${SCHEMA_VERSION}`, { headers });
    expect(response.status(), await response.text()).toBe(200);
    const page = (await response.json()) as { changes: { collection: string; record: { clientId?: unknown } | null }[]; cursor: number; hasMore: boolean };
    found += page.changes.filter((c) => c.collection === 'contacts' && c.record?.clientId === clientId).length;
    if (!page.hasMore) return found;
    cursor = page.cursor;
  }
}

async function syncAll(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncStatus(page)).toContainText('All changes synced');
}

test('a draft deletion that fails records nothing; saving again records the encounter once', async ({ page, request }) => {
  await signIn(page, await createUser(request, 'outreach_worker', 'Robin'));
  const clientId = await encounterAtSummary(page);

  // The fault: IndexedDB refuses to delete from the drafts store, as a full disk or a dying tab would.
  await page.evaluate(() => {
    const { prototype } = IDBObjectStore;
    const original: (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) => IDBRequest<undefined> = Reflect.get(prototype, 'delete');
    Object.assign(window, { draftDeletionFails: true });
    prototype.delete = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
      if (this.name === 'drafts' && Reflect.get(window, 'draftDeletionFails') === true) throw new DOMException('The disk is full', 'QuotaExceededError');
      return original.call(this, query);
    };
  });
  await page.getByRole('button', { name: 'Save encounter' }).click();
  await expect(page.getByRole('alert')).toContainText('disk is full');
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();

  await page.evaluate(() => Object.assign(window, { draftDeletionFails: false }));
  await page.getByRole('button', { name: 'Save encounter' }).click();
  await expect(page.getByRole('button', { name: 'Start encounter' })).toBeVisible();
  expect(await draftStore(page, 'count')).toBe(0);

  await syncAll(page);
  expect(await serverContacts(request, clientId)).toBe(1);
});

test('a draft that outlived its save is recognised when reopened, cleared, and never recorded twice', async ({ page, request }) => {
  const robin = await createUser(request, 'outreach_worker', 'Robin');
  await signIn(page, robin);
  const clientId = await encounterAtSummary(page);

  // Keep the autosaved draft as it was before the save, inside the page.
  await expect.poll(() => draftStore(page, 'count')).toBe(1);
  expect(await draftStore(page, 'keep')).toBe(1);
  await page.getByRole('button', { name: 'Save encounter' }).click();
  await expect(page.getByRole('button', { name: 'Start encounter' })).toBeVisible();
  expect(await draftStore(page, 'count')).toBe(0);

  // What a crash between the save and the draft's deletion left behind; then the app restarts.
  expect(await draftStore(page, 'restore')).toBe(1);
  await page.reload();
  await unlock(page, robin);

  await page.getByRole('button', { name: 'Start encounter' }).click();
  await expect(page.getByRole('heading', { name: 'Encounter saved' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'already saved' })).toBeVisible();
  await expect(page.getByText('Station Road')).toBeVisible(); // the summary of what was saved
  await expect(page.getByRole('button', { name: 'Save encounter' })).toHaveCount(0);
  await expect.poll(() => draftStore(page, 'count')).toBe(0);

  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Start encounter' }).click();
  await expect(page.getByRole('heading', { name: 'Who' })).toBeVisible(); // the next encounter starts afresh
  await syncAll(page);
  expect(await serverContacts(request, clientId)).toBe(1);
});
