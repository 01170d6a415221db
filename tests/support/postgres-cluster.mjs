// A throwaway PostgreSQL cluster: initdb in a temp dir, a random local port, trust auth,
// no durability settings that slow tests down. `npm test` (scripts/test.mjs) runs the storage
// suite on one; the restart test stops and restarts one under load. Plain JavaScript so the
// test runner script can use it without a compiler; its types are in postgres-cluster.d.mts.
// Every pg_ctl call is asynchronous so a test's load keeps running while the cluster moves.
// LANTERN_PG_ROOT points at another PostgreSQL install root (default /usr/lib/postgresql).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const DEFAULT_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The newest PostgreSQL bin directory that has initdb and pg_ctl, or null. */
export function findPgBin() {
  const base = process.env.LANTERN_PG_ROOT ?? '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(base, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

// PostgreSQL refuses to run as root: as root, its binaries run as the postgres user.
const asRoot = process.getuid?.() === 0;

function run(cmd, args) {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(cmd)} failed:\n${output}`));
    });
  });
}

/**
 * Starts a throwaway cluster; returns null when PostgreSQL is absent. `settings` override
 * the server settings (the defaults trade durability for speed).
 */
export async function startPostgres({ settings = {} } = {}) {
  const bin = findPgBin();
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-pg-'));
  fs.chmodSync(dir, 0o700);
  if (asRoot) spawnSync('chown', ['-R', 'postgres', dir]);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'log');
  const port = await freePort();
  const options = Object.entries({ ...DEFAULT_SETTINGS, ...settings }).map(([key, value]) => `-c ${key}=${value}`);
  const serverOptions = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...options].join(' ');
  const pgCtl = (...args) => run(path.join(bin, 'pg_ctl'), ['-D', data, ...args]);
  const start = () => pgCtl('-l', log, '-w', '-o', serverOptions, 'start');
  try {
    await run(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await start();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    shutdown: (mode = 'fast') => pgCtl('-m', mode, '-w', 'stop'),
    restart: (mode = 'fast') => pgCtl('-l', log, '-m', mode, '-w', '-o', serverOptions, 'restart'),
    async destroy() {
      try {
        await pgCtl('-m', 'immediate', 'stop');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
