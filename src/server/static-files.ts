/**
 * Serves the built PWA next to the API. The service worker and index.html must always be
 * revalidated (a stale sw.js would pin an old app); hashed assets never change, so they are
 * cached for a year. Any other non-API GET gets index.html (client-side routing).
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export function hasStaticApp(staticDir: string | undefined): staticDir is string {
  return staticDir !== undefined && existsSync(resolve(staticDir, 'index.html'));
}

function cacheHeaders(res: { setHeader(name: string, value: string): unknown }, filePath: string): void {
  const name = basename(filePath);
  if (name === 'sw.js' || name === 'index.html' || name.endsWith('.webmanifest')) {
    res.setHeader('Cache-Control', 'no-cache');
  } else if (filePath.includes('/assets/')) {
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  } else {
    res.setHeader('Cache-Control', 'no-cache');
  }
}

export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: resolve(staticDir), cacheControl: false, setHeaders: cacheHeaders });
}
