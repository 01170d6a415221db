/**
 * The app shell's JavaScript as a phone downloads it: every script the built index.html
 * loads (entry and preloaded chunks), gzipped. Always builds the current source first,
 * into a fresh folder, so the figure never comes from a stale `dist/`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ShellSize {
  readonly files: number;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly allJsGzipBytes: number;
}

export function measureAppShell(root: string): ShellSize {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-shell-'));
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], {
      cwd: root,
      stdio: 'inherit',
    });
    return measureBuild(dist);
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

function measureBuild(dist: string): ShellSize {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  const files = scripts.map((s) => path.join(dist, s));
  const allJs = fs
    .readdirSync(path.join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dist, 'assets', f));
  return {
    files: files.length,
    rawBytes: files.reduce((n, f) => n + fs.statSync(f).size, 0),
    gzipBytes: files.reduce((n, f) => n + gz(f), 0),
    allJsGzipBytes: allJs.reduce((n, f) => n + gz(f), 0),
  };
}
