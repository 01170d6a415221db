/**
 * A person's languages and interpreter, in Chromium: a worker records, offline, someone who
 * speaks Romanian and English, prefers Romanian and needs an interpreter (a woman, not from
 * their community), finding Romanian by typing part of its own name. A colleague's phone
 * reads all of it back, and refers them on: the referral pack tells the agency the
 * languages and the interpreter they need; the timeline says they met at a drop-in. The
 * form is axe-clean at phone width.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createUser, phoneOpeningClient, pickLanguages, signIn, syncNow, waitForServiceWorker } from './helpers';

const next = (page: Page) => page.getByRole('button', { name: /^Next:/ }).click();

test('a worker records the languages a person speaks and the interpreter they need; a colleague reads it', async ({ browser, request }) => {
  const ana = await createUser(request, 'outreach_worker', 'Anamaria');
  const ben = await createUser(request, 'outreach_worker', 'Benedict');
  const alias = `Lark ${Math.random().toString(36).slice(2, 7)}`;

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await signIn(page, ana);
  await waitForServiceWorker(page);
  await phone.setOffline(true);
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Alias').fill(alias);
  await pickLanguages(page, [
    { type: 'român', name: 'română (Romanian)' },
    { type: 'engl', name: 'English' },
  ]);
  const languages = page.getByRole('group', { name: 'Languages they speak' });
  await languages.getByLabel('Find a language').fill('zzz');
  await expect(languages.getByText('No language matches “zzz”.')).toBeVisible();
  await languages.getByLabel('Find a language').fill('');
  await page.getByLabel('Preferred language').selectOption({ label: 'română (Romanian)' });
  await page.getByLabel('Interpreter needed?').selectOption('yes');
  await page.getByLabel('A woman or a man').selectOption('woman');
  await page.getByLabel('Not someone from their own community').check();
  expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: alias })).toBeVisible();
  await expect(page.getByText('română (Romanian), English')).toBeVisible();
  await phone.setOffline(false);
  await syncNow(page);

  // A colleague's phone: everything Ana entered, read back.
  const other = await phoneOpeningClient(browser, ben, alias);
  const profile = other.locator('dl.card');
  await expect(profile).toContainText('Languagesromână (Romanian), English');
  await expect(profile).toContainText('Prefersromână (Romanian)');
  await expect(profile).toContainText('InterpreterNeeded — a woman, not from their community');

  // Editing keeps what was recorded: the form opens with it.
  await other.getByRole('button', { name: 'Edit profile' }).click();
  await expect(other.getByRole('group', { name: 'Languages they speak' }).getByRole('checkbox', { name: 'română (Romanian)' })).toBeChecked();
  await expect(other.getByLabel('Interpreter needed?')).toHaveValue('yes');
  await expect(other.getByLabel('Not someone from their own community')).toBeChecked();
  await other.getByRole('button', { name: 'Cancel' }).click();

  // Ben refers them on; their languages go with the referral, as they agreed.
  await other.getByRole('button', { name: 'Start encounter' }).click();
  await other.getByLabel('Area').fill('Station Road');
  await other.getByLabel('How you met').selectOption({ label: 'At a drop-in' });
  await next(other);
  await other.getByLabel('Yes, they agree').check();
  await next(other);
  // Their language, asked "still true?": they have started to speak Albanian too.
  const theirLanguage = other.getByRole('group', { name: 'Their language' });
  await expect(theirLanguage).toContainText('On their record: speaks română (Romanian), English · prefers română (Romanian) · Needed — a woman, not from their community. Still true?');
  await theirLanguage.getByRole('button', { name: 'Changed' }).click();
  const spoken = theirLanguage.getByRole('group', { name: 'Languages they speak' });
  // Found by its own name, which Chromium's trimmed ICU data lacks: Lantern carries it.
  await spoken.getByLabel('Find a language').fill('shqip');
  const albanian = 'shqip (Albanian)';
  await spoken.getByRole('checkbox', { name: albanian }).check();
  await expect(theirLanguage.getByLabel('Preferred language')).toHaveValue('ro');
  await expect(theirLanguage.getByLabel('A woman or a man')).toHaveValue('woman');
  await expect(theirLanguage.getByLabel('Not someone from their own community')).toBeChecked();
  expect((await new AxeBuilder({ page: other }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await other.getByLabel(/^Need: Sexual health/).selectOption('urgent');
  await next(other);
  await next(other);
  await next(other);
  await other.getByRole('region', { name: /Agencies for Sexual health/ }).getByRole('button', { name: /refer to/ }).first().click();
  await expect(other.getByRole('checkbox', { name: 'Their languages and interpreter need' })).toBeChecked();
  await next(other);
  await next(other);
  await other.getByLabel('Referral made').check();
  await next(other);
  await expect(other.getByRole('main')).toContainText(`Updated on their record: română (Romanian), English, ${albanian} · Needed`);
  await other.getByRole('button', { name: 'Save encounter' }).click();
  await expect(other.getByRole('heading', { name: alias })).toBeVisible();
  await expect(other.locator('dl.card')).toContainText(`Languagesromână (Romanian), English, ${albanian}`);
  await expect(other.getByRole('list', { name: 'Timeline, newest first' })).toContainText('At a drop-in, Station Road: Referral made');
  await other.getByRole('region', { name: 'Open referrals' }).getByRole('button', { name: 'Referral pack' }).click();
  const pack = other.getByRole('article');
  await expect(pack).toContainText(`Speaks: română (Romanian), English, ${albanian} (prefers română (Romanian)).`);
  await expect(pack).toContainText('Interpreter: Needed — a woman, not from their community.');
});
