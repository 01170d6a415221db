/**
 * The interface's language, in Chromium at phone width: a worker switches Lantern to Spanish
 * from the header; the choice is kept on the device (a new tab opens in Spanish); offline, the
 * worker adds a person and completes an encounter in Spanish, with supplies counted in
 * Spanish plurals; a colleague whose Lantern is in English reads it back. Each Spanish screen
 * is axe-clean. Words are looked up in the Spanish catalogue itself, so the test reads what a
 * Spanish-speaking worker reads.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { messages as es } from '../../src/app/i18n/locales/es';
import { createUser, phoneOpeningClient, signIn, syncNow, waitForServiceWorker } from './helpers';

async function expectAccessible(page: Page, where: string): Promise<void> {
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, where).toEqual([]);
}

/** The part of a message before its first placeholder ("Siguiente: " of "Siguiente: {step}"). */
const before = (message: string): string => message.slice(0, message.indexOf('{'));
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nextButton = (page: Page) => page.getByRole('button', { name: new RegExp(`^${escape(before(es['encounter.flow.next']))}`) });

test('a worker switches Lantern to Spanish and completes an encounter in it; a colleague reads it in English', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const ines = await createUser(request, 'outreach_worker', 'Ines');
  const sam = await createUser(request, 'outreach_worker', 'Sam');
  const alias = `Garza ${Math.random().toString(36).slice(2, 7)}`;

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await signIn(page, ines);
  await waitForServiceWorker(page);

  await page.getByLabel('Language of Lantern').selectOption('es');
  const nav = page.getByRole('navigation', { name: es['shell.nav.label'] });
  await expect(nav.getByRole('button', { name: es['shell.nav.clients'] })).toBeVisible();
  await expect(nav.getByRole('button', { name: es['shell.nav.logContact'] })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-ES');
  await expect(page.getByRole('heading', { name: es['clients.list.heading'] })).toBeVisible();
  await expectAccessible(page, 'client list in Spanish');

  // The choice is kept on this device: another tab opens in Spanish, asking for the password.
  const tab = await phone.newPage();
  await tab.goto('/');
  await expect(tab.locator('html')).toHaveAttribute('lang', 'es-ES');
  await expect(tab.getByRole('heading', { name: es['session.unlock.heading'] })).toBeVisible();
  await tab.close();

  // Offline, in Spanish: a new person, then one encounter.
  await phone.setOffline(true);
  await page.getByRole('button', { name: es['clients.list.add'] }).click();
  await page.getByRole('textbox', { name: new RegExp(`^${escape(es['clients.form.alias'])}`) }).fill(alias);
  await expectAccessible(page, 'add client in Spanish');
  await page.getByRole('button', { name: es['clients.form.saveClient'] }).click();
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();
  await page.getByRole('button', { name: es['clients.profile.startEncounter'] }).click();

  await expect(page.getByRole('heading', { name: es['encounter.step.who'] })).toBeVisible();
  await page.getByLabel(es['encounter.who.area'], { exact: true }).fill('Calle Montera');
  await nextButton(page).click();
  await expect(page.getByRole('heading', { name: es['encounter.step.consent'] })).toBeVisible();
  await page.getByLabel(es['encounter.consent.storeYes']).check();
  await expectAccessible(page, 'consent in Spanish');
  while (await page.getByRole('heading', { name: es['encounter.step.outcome'] }).isHidden()) await nextButton(page).click();
  const condoms = page.getByRole('group', { name: new RegExp(`^${escape(es['common.supplies.condoms'])}`) });
  const addOne = condoms.getByRole('button', { name: es['common.supplies.addOne'].replace('{label}', es['common.supplies.condoms']) });
  await addOne.click();
  await addOne.click();
  await expectAccessible(page, 'outcome and supplies in Spanish');
  await nextButton(page).click();
  await expect(page.getByRole('heading', { name: es['encounter.step.summary'] })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('2 preservativos');
  await expectAccessible(page, 'summary in Spanish');
  await page.getByRole('button', { name: es['encounter.flow.save'] }).click();
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();
  await expect(page.getByRole('region', { name: es['clientStory.lastContacts.heading'] }).getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'client page in Spanish');

  // Back in signal: the sync bar speaks Spanish too, then a colleague reads it in English.
  await phone.setOffline(false);
  await page.getByRole('button', { name: es['session.common.syncNow'] }).click();
  await expect(page.getByRole('complementary', { name: es['session.syncBar.label'] }).getByRole('status')).toContainText(es['session.status.allSynced']);

  const other = await phoneOpeningClient(browser, sam, alias);
  await expect(other.locator('html')).toHaveAttribute('lang', 'en-GB');
  const last = other.getByRole('region', { name: 'Last contacts' });
  await expect(last.getByRole('listitem')).toHaveCount(1);
  await expect(last).toContainText('Calle Montera');
  await expect(last).toContainText('2 condoms');
  await syncNow(other);
});
