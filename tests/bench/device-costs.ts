/**
 * Device costs in Chromium (real IndexedDB and WebCrypto): unlock time at 600,000 PBKDF2
 * iterations, and encounter saves and client searches with 10,000 clients and 50,000 other
 * records on the device, with AES-GCM
 * encryption and without it. Builds a bench page, serves it on loopback, drives Chromium.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import type { DeviceFigures } from './browser/bench-entry';
import { chromiumArgs, chromiumPath } from '../e2e/env';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, '.tmp/bench-dist');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

function serve(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const file = path.join(dist, req.url === '/' ? 'index.html' : (req.url ?? '').split('?')[0] ?? '');
    if (!file.startsWith(dist) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

export interface DeviceCosts {
  readonly unlockMs: number;
  readonly firstLoginMs: number;
  readonly runs: DeviceFigures[];
}

export async function measureDeviceCosts(clients = 10_000, otherRecords = 50_000): Promise<DeviceCosts> {
  await build({ configFile: path.join(root, 'tests/bench/browser/vite.config.ts') });
  const server = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => 'lanternBench' in window);
    const unlock = await page.evaluate(() => window.lanternBench.measureUnlock());
    const runs: DeviceFigures[] = [];
    for (const cipher of ['none', 'aes-gcm'] as const) {
      runs.push(await page.evaluate(([c, n, m]) => window.lanternBench.measure(c, n, m), [cipher, clients, otherRecords] as const));
    }
    return { unlockMs: unlock.unwrapMs, firstLoginMs: unlock.createMs, runs };
  } finally {
    await browser.close();
    server.close();
  }
}
