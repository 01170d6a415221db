/**
 * Reports, end to end in Chromium: a worker's phone records a known set of contacts (through
 * the sync API, as the app does); the team lead asks for that worker's figures between two
 * dates, reads them with small numbers shown as "<5", exports a table as CSV (suppressed
 * too) and has a printable page. axe at a desk and on a phone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { nrmExplanationItems } from '../../src/shared/domain/consent';
import { uuidv7 } from '../../src/shared/ids';
import { createUser, pushAs, signIn } from './helpers';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
}

const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

test('a team lead reads a worker’s figures for two dates, small numbers suppressed, and exports them', async ({ browser, request }) => {
  const lead = await createUser(request, 'team_lead', 'Rhian');
  const worker = await createUser(request, 'outreach_worker', 'Rafe');
  const [robin, ash, nrmConsent] = [uuidv7(), uuidv7(), uuidv7()];
  const recent = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const contact = (clientId: string | null, minutes: number, kind = 'street') => ({
    name: 'contact.record',
    args: { id: uuidv7(), clientId, at: recent(minutes), area: 'Docks', kind, outcome: 'building_trust', supplies: { condoms: 3, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 } },
  });
  await pushAs(request, worker, () => [
    { name: 'client.create', args: { id: robin, profile: { alias: 'Robin R.' } } },
    { name: 'client.create', args: { id: ash, profile: { alias: 'Ash R.' } } },
    contact(robin, 50),
    contact(robin, 40),
    contact(ash, 30),
    contact(ash, 25),
    contact(null, 20),
    contact(null, 10, 'online'),
    { name: 'consent.record', args: { id: nrmConsent, clientId: robin, kind: 'nrm', decision: 'given', method: 'verbal', decidedAt: recent(45), explanationGiven: [...nrmExplanationItems] } },
    {
      name: 'nrm.refer',
      args: { id: uuidv7(), clientId: robin, route: 'adult', consentId: nrmConsent, firstResponder: 'Docks Outreach', referredOn: localDate(new Date()), reference: null, followUpId: uuidv7() },
    },
  ]);

  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  await signIn(desk, lead);
  await desk.getByRole('button', { name: 'Reports', exact: true }).click();
  await expect(desk.getByRole('heading', { name: 'Reports' })).toBeVisible();
  const form = desk.getByRole('form', { name: 'Choose the report' });
  await form.getByLabel('Period').selectOption({ label: 'Between two dates' });
  // The last day before the first: refused in words, nothing asked of the server.
  const today = new Date();
  const yesterday = new Date(today.getTime() - 86_400_000);
  await form.getByLabel('First day').fill(localDate(today));
  await form.getByLabel('Last day').fill(localDate(yesterday));
  await form.getByRole('button', { name: 'Show the figures' }).click();
  await expect(form.getByText('The last day is on or after the first.')).toBeVisible();
  await form.getByLabel('First day').fill(localDate(yesterday));
  await form.getByLabel('Last day').fill(localDate(today));
  await form.getByLabel('Worker').selectOption({ label: 'Rafe' });
  await form.getByRole('button', { name: 'Show the figures' }).click();

  const contacts = desk.getByRole('region', { name: 'Contacts', exact: true }).getByRole('table');
  await expect(contacts.getByRole('row', { name: /All contacts/ })).toContainText('6');
  await expect(contacts.getByRole('row', { name: /Anonymous/ })).toContainText('<5');
  await expect(contacts.getByRole('row', { name: /Building trust/ })).toContainText('6');
  await expect(desk.getByRole('region', { name: 'People', exact: true }).getByRole('row', { name: /People met/ })).toContainText('<5');
  await expect(desk.getByRole('region', { name: 'Legal routes' }).getByRole('row', { name: /National Referral Mechanism/ })).toContainText('<5');
  await expect(desk.getByRole('region', { name: 'Supplies given' }).getByRole('row', { name: /Condoms/ })).toContainText('18');
  const met = desk.getByRole('region', { name: 'How we met them' }).getByRole('table');
  await expect(met.getByRole('row', { name: /On the street/ })).toContainText('5');
  await expect(met.getByRole('row', { name: /Online/ })).toContainText('<5');
  await expect(desk.getByRole('status').filter({ hasText: 'Rafe' })).toBeVisible();
  // A chart beside the weekly table, drawn by the lazily loaded charting library, named as an image.
  const weekly = desk.getByRole('region', { name: 'Contacts per week', exact: true });
  await expect(weekly.getByRole('img', { name: 'Contacts per week: a bar chart of the table below' })).toBeVisible();
  await expectAccessible(desk, 'reports at 1280 px');

  const download = desk.waitForEvent('download');
  await desk.getByRole('button', { name: 'Export Contacts as CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  expect(csv.startsWith('\uFEFFContacts,Count\r\n')).toBe(true);
  expect(csv).toContain('All contacts,6\r\n');
  expect(csv).toContain('Anonymous,<5\r\n');
  expect(csv).not.toMatch(/,[1-4]\r\n/);

  // Printed, only the figures: the menu and the form are not on the page.
  await desk.emulateMedia({ media: 'print' });
  await expect(desk.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(form).toBeHidden();
  await expect(contacts).toBeVisible();
  await desk.emulateMedia({ media: 'screen' });

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(phone, lead);
  await phone.getByRole('button', { name: 'Reports', exact: true }).click();
  await phone.getByRole('button', { name: 'Show the figures' }).click();
  await expect(phone.getByRole('region', { name: 'Contacts', exact: true })).toBeVisible();
  await expectAccessible(phone, 'reports at 390 px');
  for (const p of [desk, phone]) await p.context().close();
});
