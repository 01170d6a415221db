/**
 * The real server as its own process (`src/server/main.ts`, the way `npm start` runs it),
 * listening on 127.0.0.1. A test that wants to know whether something takes the whole
 * process down needs the process: an error nobody handles kills it, and `exited()` says so.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './postgres-cluster.mjs';

const root = resolve(import.meta.dirname, '../..');
const OUTPUT_KEPT = 20_000;

export interface ServerProcessOptions {
  readonly databaseUrl: string;
  readonly adminPassword: string;
}

export interface ServerExit {
  readonly code: number | null;
  readonly signal: string | null;
}

export interface ServerProcess {
  readonly baseUrl: string;
  /** How the process ended, or null while it runs. */
  exited(): ServerExit | null;
  /** The end of what it wrote to stdout and stderr, for failure messages. */
  output(): string;
  /** Resolves once it listens; rejects if it exits first or takes longer than `timeoutMs`. */
  waitUntilListening(timeoutMs: number): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not gone within five seconds. */
  stop(): Promise<void>;
}

/** Starts `src/server/main.ts` on a free port; it is not listening yet when this returns. */
export async function spawnServer(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-server-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LANTERN_ADMIN_PASSWORD: options.adminPassword,
      LANTERN_DATA_DIR: dataDir,
      LANTERN_STATIC_DIR: join(dataDir, 'no-app'),
    },
  });
  let output = '';
  let exit: ServerExit | null = null;
  const exitWaiters: (() => void)[] = [];
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', (code, signal) => {
    exit = { code, signal };
    rmSync(dataDir, { recursive: true, force: true });
    for (const wake of exitWaiters.splice(0)) wake();
  });
  const exited = (): ServerExit | null => exit;
  const whenExited = (): Promise<void> => (exit !== null ? Promise.resolve() : new Promise((done) => exitWaiters.push(done)));

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    exited,
    output: () => output,
    async waitUntilListening(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes('Lantern is running at')) {
        const ended = exited();
        if (ended !== null) throw new Error(`the server exited (${ended.code ?? ended.signal}) before listening:\n${output}`);
        if (Date.now() > deadline) throw new Error(`the server did not listen within ${timeoutMs} ms:\n${output}`);
        await new Promise((wake) => setTimeout(wake, 50));
      }
    },
    async stop() {
      if (exit !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await whenExited();
      clearTimeout(killer);
    },
  };
}
