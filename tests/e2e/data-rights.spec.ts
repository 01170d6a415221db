/**
 * The right to erasure, as the people involved do it: a team lead asks, a second team lead
 * confirms, while a worker's phone that holds the person (and an unsent note about them) is
 * offline. When the phone comes back, the person is gone from it — not in the app, not an
 * id in IndexedDB — and the server's SQLite file and write-ahead log no longer hold a word
 * of theirs.
 */
import { existsSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { uuidv7 } from '../../src/shared/ids';
import { SCHEMA_VERSION } from '../../src/shared/sync/wire';
import { addClient, adminBearer, createUser, dumpBrowserStorage, pushAs, signIn, syncNow, syncStatus } from './helpers';

const databaseFiles = ['.tmp/e2e/lantern.sqlite', '.tmp/e2e/lantern.sqlite-wal'];
const onServerDisk = (text: string) => databaseFiles.filter(existsSync).some((file) => readFileSync(file).includes(text));

async function openClient(page: Page, alias: string): Promise<string> {
  await page.goto('/#/');
  await page.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await page.getByRole('button', { name: new RegExp(alias) }).click();
  await expect(page.getByRole('heading', { name: alias, level: 1 })).toBeVisible();
  return new URL(page.url()).hash.split('/').at(-1) ?? '';
}

test('two team leads erase a person while a worker is offline; the phone and the server forget them', async ({ browser, request }) => {
  const canary = `Canary${Math.random().toString(36).slice(2, 10)}`;
  const alias = `${canary}Alias`;
  const worker = await createUser(request, 'outreach_worker', 'Wren');
  const asker = await createUser(request, 'team_lead', 'Asha');
  const confirmer = await createUser(request, 'team_lead', 'Bo');

  // The worker records the person and a note, syncs, then loses signal and writes another note.
  const workerContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await workerContext.newPage();
  await signIn(phone, worker);
  await addClient(phone, { alias, legalName: `${canary}Legal`, areas: `${canary}Area` });
  const clientId = new URL(phone.url()).hash.split('/').at(-1) ?? '';
  await phone.getByLabel('Add a note').fill(`${canary}Synced`);
  await phone.getByRole('button', { name: 'Save note' }).click();
  await syncNow(phone);
  await workerContext.setOffline(true);
  await phone.getByLabel('Add a note').fill(`${canary}Unsent`);
  await phone.getByRole('button', { name: 'Save note' }).click();
  await expect(phone.getByText(`${canary}Unsent`, { exact: true })).toBeVisible();

  // The first team lead asks.
  const askerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const desk = await askerContext.newPage();
  await signIn(desk, asker);
  expect(await openClient(desk, alias)).toBe(clientId);
  await desk.getByRole('button', { name: `Erase everything about ${alias}…` }).click();
  await expect(desk.getByRole('group', { name: `Erase ${alias}?` })).toContainText('This cannot be undone');
  expect((await new AxeBuilder({ page: desk }).analyze()).violations).toEqual([]);
  await desk.getByRole('button', { name: 'Ask a second team lead to confirm' }).click();
  await expect(desk.getByRole('status').filter({ hasText: 'A second team lead must confirm it' })).toBeVisible();
  expect(onServerDisk(`${canary}Synced`) || onServerDisk(alias)).toBe(true);

  // The second team lead confirms from the review screen, on a phone.
  const confirmerContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const lead = await confirmerContext.newPage();
  await signIn(lead, confirmer);
  await lead.goto('/#/review');
  const requestCard = lead.getByRole('listitem', { name: `Erase ${alias}` });
  await expect(requestCard).toContainText('Asha asked to erase everything about them');
  expect((await new AxeBuilder({ page: lead }).analyze()).violations).toEqual([]);
  await requestCard.getByRole('button', { name: `Erase ${alias} now` }).click();
  await expect(lead.getByRole('heading', { name: 'Erasure requests' })).toBeHidden();
  await lead.goto('/#/');
  await lead.getByRole('searchbox', { name: 'Search clients' }).fill(canary);
  await expect(lead.getByText('No client matches')).toBeVisible();

  // Nothing of theirs is left in the server's files.
  for (const word of [alias, `${canary}Legal`, `${canary}Area`, `${canary}Synced`]) expect(onServerDisk(word), word).toBe(false);

  // The phone comes back: the person, their notes and the unsent note are gone from it.
  await workerContext.setOffline(false);
  await phone.getByRole('button', { name: 'Sync now' }).click();
  await expect(phone.getByText('This client is not on this device.')).toBeVisible();
  await expect(syncStatus(phone)).toContainText('All changes synced');
  await phone.goto('/#/');
  await phone.getByRole('searchbox', { name: 'Search clients' }).fill(canary);
  await expect(phone.getByText('No client matches')).toBeVisible();
  const { text } = await dumpBrowserStorage(phone);
  expect(text.length).toBeGreaterThan(1000);
  expect(text).not.toContain(clientId);
  expect(text).not.toContain(canary);
  // The unsent note was dropped, not sent later.
  expect(onServerDisk(`${canary}Unsent`)).toBe(false);

  await Promise.all([workerContext.close(), askerContext.close(), confirmerContext.close()]);
});

test("a person who withdraws consent to keep a record is erased from every phone and from the server's files", async ({ browser, request }) => {
  const alias = `Withdrawn${Math.random().toString(36).slice(2, 8)}`;
  const worker = await createUser(request, 'outreach_worker', 'Ivy');
  const colleague = await createUser(request, 'outreach_worker', 'Jo');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, worker);
  await addClient(page, { alias, legalName: `${alias} Legal` });
  const clientId = new URL(page.url()).hash.split('/').at(-1) ?? '';

  const encounter = async (consent: (page: Page) => Promise<void>) => {
    await page.getByRole('button', { name: 'Start encounter' }).click();
    await page.getByLabel('Area').fill('Canal Street');
    await page.getByRole('button', { name: /^Next:/ }).click();
    await consent(page);
    while (await page.getByRole('button', { name: /^Next:/ }).isVisible()) await page.getByRole('button', { name: /^Next:/ }).click();
    await page.getByRole('button', { name: 'Save encounter' }).click();
  };
  await encounter((p) => p.getByLabel('Yes, they agree').check());
  await syncNow(page);

  // The colleague's phone holds them.
  const other = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(other, colleague);
  expect(await openClient(other, alias)).toBe(clientId);

  // Next time, they say no.
  await page.goto(`/#/clients/${clientId}`);
  await encounter(async (p) => {
    await p.getByRole('region', { name: 'Consent last time' }).getByRole('button', { name: 'Something changed' }).click();
    await p.getByRole('radio', { name: /^No/ }).check();
    await expect(p.getByRole('alert')).toContainText('everything about them');
    expect((await new AxeBuilder({ page: p }).analyze()).violations).toEqual([]);
  });
  await syncNow(page);
  await page.goto('/#/');
  await page.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await expect(page.getByText('No client matches')).toBeVisible();

  await syncNow(other);
  await other.goto('/#/');
  await other.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await expect(other.getByText('No client matches')).toBeVisible();
  expect((await dumpBrowserStorage(other)).text).not.toContain(clientId);
  expect(onServerDisk(`${alias} Legal`)).toBe(false);
  await context.close();
  await other.context().close();
});

test('a team lead gives a person their own copy of everything held, to print or save; asking is audited', async ({ browser, request }) => {
  const alias = `Copy${Math.random().toString(36).slice(2, 8)}`;
  const worker = await createUser(request, 'outreach_worker', 'Kit');
  const lead = await createUser(request, 'team_lead', 'Lee');
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(phone, worker);
  await addClient(phone, { alias, legalName: `${alias} Legal`, areas: 'Docks' });
  await phone.getByLabel('Add a note').fill(`${alias} likes tea`);
  await phone.getByRole('button', { name: 'Save note' }).click();
  await syncNow(phone);

  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const page = await (await browser.newContext({ viewport, acceptDownloads: true })).newPage();
    await signIn(page, lead);
    await openClient(page, alias);
    // The lead's part of the person's page, on a phone and at a desk.
    await expect(page.getByRole('region', { name: 'Their data' })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('button', { name: 'Their own copy of everything held' }).click();
    const copy = page.getByRole('article', { name: `What Lantern holds about ${alias}` });
    await expect(copy).toBeVisible();
    await expect(copy.getByRole('region', { name: 'Their profile' })).toContainText(`${alias} Legal`);
    await expect(copy.getByRole('region', { name: 'Notes (1)' })).toContainText(`${alias} likes tea`);
    await expect(copy.getByRole('region', { name: 'Notes (1)' })).toContainText('Kit');
    await expect(copy.getByRole('region', { name: 'Who recorded or looked at their records' })).toContainText('Added a note');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as JSON' }).click()]);
    const saved = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as { person: { alias: string }; records: { notes: { body: string }[] } };
    expect(saved.person.alias).toBe(alias);
    expect(saved.records.notes.map((n) => n.body)).toEqual([`${alias} likes tea`]);
    await page.context().close();
  }

  // Both times are in the audit log, as the lead.
  const audit = await request.get('/api/audit?limit=50', { headers: { authorization: `Bearer ${await adminBearer(request)}` } });
  const exported = ((await audit.json()) as { entries: { action: string }[] }).entries.filter((e) => e.action === 'clients.export');
  expect(exported.length).toBeGreaterThanOrEqual(2);
  await phone.context().close();
});

test('a worker records that a person no longer agrees to share with an agency; the open referral is marked, on every phone', async ({ browser, request }) => {
  const alias = `Objects${Math.random().toString(36).slice(2, 8)}`;
  const worker = await createUser(request, 'outreach_worker', 'Max');
  const colleague = await createUser(request, 'outreach_worker', 'Nia');
  const pulled = await request.get(`/api/sync/pull?cursor=0&limit=500&schemaVersion=${SCHEMA_VERSION}`, { headers: { authorization: `Bearer ${await adminBearer(request)}` } });
  const agency = ((await pulled.json()) as { changes: { collection: string; record: { id: string; name: string; archived?: boolean } | null }[] }).changes.find((c) => c.collection === 'agencies' && c.record?.archived !== true)?.record;
  if (agency === undefined || agency === null) throw new Error('no agency to refer to');
  const [clientId, consentId] = [uuidv7(), uuidv7()];
  await pushAs(request, worker, () => [
    { name: 'client.create', args: { id: clientId, profile: { alias } } },
    { name: 'consent.record', args: { id: consentId, clientId, kind: 'share', decision: 'given', method: 'verbal', decidedAt: new Date(Date.now() - 60_000).toISOString(), agencyId: agency.id } },
    { name: 'referral.create', args: { id: uuidv7(), clientId, agencyId: agency.id, need: 'housing', urgency: 'soon', consentId, consentedSummary: 'Needs a bed', sharedFields: ['alias'], status: 'sent' } },
  ]);

  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(page, worker);
  await openClient(page, alias);
  await page.getByRole('button', { name: `Stop sharing with ${agency.name}` }).click();
  const ask = page.getByRole('group', { name: `Stop sharing with ${agency.name}?` });
  await expect(ask).toContainText('New referrals');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await ask.getByRole('button', { name: 'Stop sharing' }).click();
  const referrals = page.getByRole('region', { name: 'Open referrals' });
  await expect(referrals).toContainText(`Consent to share withdrawn: tell ${agency.name}.`);
  await syncNow(page);

  const other = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(other, colleague);
  await openClient(other, alias);
  await expect(other.getByRole('region', { name: 'Consent' })).toContainText(`Share with ${agency.name}: withdrawn`);
  await expect(other.getByRole('region', { name: 'Open referrals' })).toContainText(`Consent to share withdrawn: tell ${agency.name}.`);
  await expect(other.getByRole('button', { name: `Stop sharing with ${agency.name}` })).toHaveCount(0);
  await page.context().close();
  await other.context().close();
});

test('a team lead restricts processing: the person leaves workers’ searches, and their page says so', async ({ browser, request }) => {
  const alias = `Restrict${Math.random().toString(36).slice(2, 8)}`;
  const worker = await createUser(request, 'outreach_worker', 'Oli');
  const lead = await createUser(request, 'team_lead', 'Pat');
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(phone, worker);
  await addClient(phone, { alias });
  const clientId = new URL(phone.url()).hash.split('/').at(-1) ?? '';
  await syncNow(phone);

  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(desk, lead);
  await openClient(desk, alias);
  await desk.getByRole('button', { name: 'Edit profile' }).click();
  await desk.getByLabel(/Do not process \(restricted\)/).check();
  expect((await new AxeBuilder({ page: desk }).analyze()).violations).toEqual([]);
  await desk.getByRole('button', { name: 'Save changes' }).click();
  await expect(desk.getByRole('note', { name: 'Do not process' })).toContainText('Only team leads can work on it.');
  await desk.goto('/#/');
  await desk.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await expect(desk.getByRole('button', { name: new RegExp(alias) })).toContainText('do not process');
  await syncNow(desk);

  await syncNow(phone);
  await phone.goto('/#/');
  await phone.getByRole('searchbox', { name: 'Search clients' }).fill(alias);
  await expect(phone.getByText('No client matches')).toBeVisible();
  await phone.goto(`/#/clients/${clientId}`);
  await expect(phone.getByRole('note', { name: 'Do not process' })).toContainText('Ask a team lead before doing anything.');
  await expect(phone.getByRole('button', { name: 'Start encounter' })).toHaveCount(0);
  await expect(phone.getByRole('button', { name: 'Edit profile' })).toHaveCount(0);
  await phone.context().close();
  await desk.context().close();
});
