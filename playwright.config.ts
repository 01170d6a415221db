import { defineConfig } from '@playwright/test';
import { adminPassword, chromiumArgs, chromiumPath, e2eBaseUrl, e2ePort as port, serverLogFile } from './tests/e2e/env';

/**
 * Browser tests in Debian's Chromium (never a downloaded browser). The real server runs on
 * a fresh SQLite database under .tmp/e2e and serves the built PWA, service worker included.
 */

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json']],
  use: {
    baseURL: e2eBaseUrl,
    serviceWorkers: 'allow',
    trace: 'off',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: {
    // The server's own output is kept: the canary test searches it for plaintext.
    command: `rm -rf .tmp/e2e && mkdir -p .tmp/e2e && node --import tsx src/server/main.ts > ${serverLogFile} 2>&1`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      LANTERN_DATA_DIR: '.tmp/e2e',
      LANTERN_ADMIN_PASSWORD: adminPassword,
    },
  },
});
