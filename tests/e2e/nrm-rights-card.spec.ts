/**
 * Trafficking cues, the NRM and the rights card, in Chromium at phone width: offline, a
 * worker records someone who speaks Romanian, needs an interpreter and is not registered
 * with a GP; in an encounter notes two things they noticed, which brings up the NRM, and
 * records the person's consent after the whole explanation. Back online, the worker records
 * the NRM referral and, later, a positive reasonable grounds decision. Offline again, the
 * rights card opens in Romanian beside the English, leads with GP registration, says NHS
 * charges do not apply to them, names nobody until the alias is added, and reads right to
 * left in Arabic. A colleague's phone reads everything back. Each new screen is axe-clean.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createUser, phoneOpeningClient, pickLanguages, signIn, syncNow, waitForServiceWorker } from './helpers';

const next = (page: Page) => page.getByRole('button', { name: /^Next:/ }).click();

async function expectAccessible(page: Page, where: string): Promise<void> {
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, where).toEqual([]);
}

test('cues bring up the NRM; the referral and its decision are tracked; the rights card speaks their language offline', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const ana = await createUser(request, 'outreach_worker', 'Anamaria');
  const ben = await createUser(request, 'outreach_worker', 'Benedict');
  const alias = `Heron ${Math.random().toString(36).slice(2, 7)}`;

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await signIn(page, ana);
  await waitForServiceWorker(page);
  await phone.setOffline(true);

  // Who they are: Romanian (and some English), with an interpreter, not registered with a GP.
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Alias').fill(alias);
  await pickLanguages(page, [
    { type: 'român', name: 'română (Romanian)' },
    { type: 'engl', name: 'English' },
  ]);
  await page.getByLabel('Preferred language').selectOption({ label: 'română (Romanian)' });
  await page.getByLabel('Interpreter needed?').selectOption('yes');
  await page.getByLabel('A woman or a man').selectOption('woman');
  await page.getByLabel('Registered with a GP?').selectOption('no');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();

  // The encounter: what the worker noticed brings up the NRM, and they agree after the explanation.
  await page.getByRole('button', { name: 'Start encounter' }).click();
  await page.getByLabel('Area').fill('Canal Street');
  await next(page);
  await page.getByLabel('Yes, they agree').check();
  await page.getByLabel('How they agreed').selectOption('via_interpreter');
  await next(page);
  await next(page);
  await expect(page.getByRole('heading', { name: 'What you noticed' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'National Referral Mechanism' })).toHaveCount(0);
  await page.getByLabel('Someone else answered or interpreted for them').check();
  await page.getByLabel('Someone else holds their ID or documents').check();
  await page.getByLabel('What you saw or heard').fill('A man answered for her and kept her passport');
  const nrm = page.getByRole('region', { name: 'National Referral Mechanism' });
  await expect(nrm).toContainText('It is their choice.');
  const points = nrm.getByRole('checkbox', { name: /^Explained:/ });
  await expect(points).toHaveCount(5);
  for (const point of await points.all()) await point.check();
  await expect(nrm.getByRole('checkbox', { name: /^Explained:/, checked: true })).toHaveCount(5);
  await nrm.getByLabel('NRM decision').selectOption('given');
  await expectAccessible(page, 'what you noticed');
  while (await page.getByRole('button', { name: /^Next:/ }).isVisible()) await next(page);
  await expect(page.getByText('Someone else answered or interpreted for them; Someone else holds their ID or documents')).toBeVisible();
  await page.getByRole('button', { name: 'Save encounter' }).click();
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();
  await phone.setOffline(false);
  await syncNow(page);

  // The referral, recorded once the First Responder has made it, and later its first decision.
  const noticed = page.getByRole('region', { name: 'What workers noticed' });
  await expect(noticed).toContainText('Someone else holds their ID or documents');
  const panel = page.getByRole('region', { name: 'National Referral Mechanism' });
  await panel.getByRole('button', { name: 'Record an NRM referral' }).click();
  await panel.getByLabel('First Responder organisation').fill('Night Lantern Outreach');
  await panel.getByLabel('Reference').fill('NRM-2026-0417');
  await expectAccessible(page, 'NRM referral form');
  await panel.getByRole('button', { name: 'Save referral' }).click();
  await expect(panel).toContainText('Referred, awaiting reasonable grounds decision');
  await expect(page.getByRole('region', { name: 'Follow-ups' })).toContainText('Chase an NRM decision');
  await panel.getByLabel('What happened', { exact: true }).selectOption({ label: 'Positive reasonable grounds decision' });
  await panel.getByLabel('Support provider in the recovery period').fill('Haven Support');
  await panel.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(panel).toContainText('Positive reasonable grounds: recovery period, awaiting conclusive grounds');
  await expect(panel).toContainText('Recovery period support: Haven Support');
  await syncNow(page);

  // The rights card, offline, in their language.
  await phone.setOffline(true);
  await page.getByRole('button', { name: 'Rights card' }).click();
  const card = page.getByRole('article', { name: 'Card' });
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('ro');
  await expect(card.getByRole('heading', { name: 'Drepturile tale la îngrijire medicală în Anglia' })).toBeVisible();
  const statements = card.getByRole('listitem');
  await expect(statements.first()).toContainText('Te poți înscrie gratuit la un medic de familie');
  await expect(card).toContainText('Ai o decizie NRM pozitivă. Taxele NHS nu se aplică în cazul tău.');
  await expect(card).toContainText('You have a positive NRM decision. NHS charges do not apply to you.');
  await expect(card.getByText('Not yet reviewed by a native speaker.').first()).toBeVisible();
  await expect(card).not.toContainText(alias);
  await page.getByLabel(/Add their alias/).check();
  await expect(card).toContainText(alias);
  await expectAccessible(page, 'rights card, Romanian');
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(card.locator('h2[lang="ar"]')).toHaveAttribute('dir', 'rtl');
  await expect(card).toContainText('لديك قرار NRM إيجابي');
  await expectAccessible(page, 'rights card, Arabic');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await phone.setOffline(false);

  // A colleague's phone: everything Ana entered, read back.
  const other = await phoneOpeningClient(browser, ben, alias);
  await expect(other.locator('dl.card')).toContainText('GPNot registered with a GP');
  const seen = other.getByRole('region', { name: 'What workers noticed' });
  await expect(seen).toContainText('Someone else answered or interpreted for them');
  await expect(seen).toContainText('Someone else holds their ID or documents');
  await expect(seen).toContainText('A man answered for her and kept her passport');
  await expect(seen).toContainText('Noticed by Anamaria');
  const theirs = other.getByRole('region', { name: 'National Referral Mechanism' });
  await expect(theirs).toContainText('Positive reasonable grounds: recovery period, awaiting conclusive grounds');
  await expect(theirs).toContainText('by Night Lantern Outreach');
  await expect(theirs).toContainText('Reference: NRM-2026-0417');
  await expect(theirs).toContainText('Recovery period support: Haven Support');
  await expect(other.getByRole('region', { name: 'Follow-ups' })).toContainText('Chase an NRM decision');
  await expectAccessible(other, 'client page with the NRM');
});
