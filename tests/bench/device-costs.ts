/**
 * Device costs in Chromium (real IndexedDB and WebCrypto): unlock time at 600,000 PBKDF2
 * iterations, and encounter saves and client searches with 10,000 clients and 50,000 other
 * records on the device, with AES-GCM
 * encryption and without it; and a team lead's caseload with 10,000 people and 200,000
 * records. Builds a bench page, serves it on loopback, drives Chromium.
 */
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import type { CaseloadFigures } from './browser/bench-caseload';
import type { DeviceFigures } from './browser/bench-entry';
import { chromiumArgs, chromiumPath } from '../e2e/env';
import { serveDirectory } from './bench-server';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, '.tmp/bench-dist');

export interface DeviceCosts {
  readonly unlockMs: number;
  readonly firstLoginMs: number;
  readonly runs: DeviceFigures[];
}

/** Builds the bench page, serves it on loopback and hands `run` a Chromium page on it. */
async function withBenchPage<T>(run: (page: Page) => Promise<T>): Promise<T> {
  await build({ configFile: path.join(root, 'tests/bench/browser/vite.config.ts') });
  const server = await serveDirectory(dist);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction(() => 'lanternBench' in window);
    return await run(page);
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function measureDeviceCosts(clients = 10_000, otherRecords = 50_000): Promise<DeviceCosts> {
  return withBenchPage(async (page) => {
    const unlock = await page.evaluate(() => window.lanternBench.measureUnlock());
    const runs: DeviceFigures[] = [];
    for (const cipher of ['none', 'aes-gcm'] as const) {
      runs.push(await page.evaluate(([c, n, m]) => window.lanternBench.measure(c, n, m), [cipher, clients, otherRecords] as const));
    }
    return { unlockMs: unlock.unwrapMs, firstLoginMs: unlock.createMs, runs };
  });
}

/** The caseload on a team lead's device (bench-caseload.ts): open once, then filter, sort and render. */
export async function measureCaseloadCosts(clients = 10_000, otherRecords = 200_000): Promise<CaseloadFigures> {
  return withBenchPage((page) => page.evaluate(([n, m]) => window.lanternBench.measureCaseload(n, m), [clients, otherRecords] as const));
}
