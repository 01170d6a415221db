/** Settings shared by the Playwright config and the browser tests. */
export const e2ePort = Number(process.env.LANTERN_E2E_PORT ?? 4183);
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;
export const adminPassword = 'e2e-admin-password-1';
/** Everything the e2e server prints. */
export const serverLogFile = '.tmp/e2e/server.log';

/** Debian's Chromium, never a downloaded browser; flags for this closed network. */
export const chromiumPath = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
