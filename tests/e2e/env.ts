/** Settings shared by the Playwright config and the browser tests. */
export const e2ePort = Number(process.env.LANTERN_E2E_PORT ?? 4183);
export const adminPassword = 'e2e-admin-password-1';
