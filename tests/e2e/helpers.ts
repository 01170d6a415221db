/** Shared steps for the browser suite: users made through the real API, sign-in as a person does. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { adminPassword } from './env';

export interface TestUser {
  readonly username: string;
  readonly password: string;
}

let adminToken: string | null = null;

async function adminBearer(request: APIRequestContext): Promise<string> {
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

export async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
}

/** Waits until the service worker is active, so the app shell is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
}

export const syncStatus = (page: Page) => page.getByRole('complementary', { name: 'Sync status' }).getByRole('status');
