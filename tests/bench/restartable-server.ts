/**
 * The real server as a child process (`node --import tsx src/server/main.ts`, as `npm start`
 * runs it) that can be killed and started again on the same data, on 127.0.0.1 and one
 * port, so devices keep their address across restarts.
 * Used where a test must kill the process outright (SIGKILL, no shutdown hook runs) or run
 * a command-line tool beside it, which an in-process server cannot stand in for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { freePort } from '../support/postgres-cluster.mjs';

const root = path.resolve(import.meta.dirname, '../..');
export const SERVER_ADMIN_PASSWORD = 'soak-admin-password-1';

export interface RestartableServerOptions {
  /** The SQLite data directory; ignored when `databaseUrl` is given. */
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  /** A built app to serve (`vite build --outDir`); the API alone when absent. */
  readonly staticDir?: string;
}

export interface RestartableServer {
  readonly baseUrl: string;
  /** Starts the process and resolves once /api/health answers. */
  start(): Promise<void>;
  /** SIGKILL: the process dies mid-whatever, as on a power cut of the process. */
  kill(): Promise<void>;
  /** SIGTERM: the server's own orderly shutdown. */
  stop(): Promise<void>;
}

/** A free port on 127.0.0.1, chosen by the kernel. */
/** The environment the child gets: only what this server needs, nothing inherited by accident. */
function serverEnv(options: RestartableServerOptions, port: number): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, LANTERN_DATA_DIR: _dir, LANTERN_ADMIN_PASSWORD: _pw, ...rest } = process.env;
  return {
    ...rest,
    PORT: String(port),
    HOST: '127.0.0.1',
    LANTERN_DATA_DIR: options.dataDir,
    LANTERN_ADMIN_PASSWORD: SERVER_ADMIN_PASSWORD,
    // No built app unless one is given: the API alone.
    LANTERN_STATIC_DIR: options.staticDir ?? path.join(options.dataDir, 'no-app'),
    ...(options.databaseUrl !== undefined ? { DATABASE_URL: options.databaseUrl } : {}),
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited while starting:\n${stderr()}`);
    const up = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server did not answer /api/health within 60 s:\n${stderr()}`);
}

/** A server on `options`' data, not yet started. */
export async function restartableServer(options: RestartableServerOptions): Promise<RestartableServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let errorTail = '';

  async function end(signal: NodeJS.Signals): Promise<void> {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill(signal);
    await exited;
  }

  return {
    baseUrl,
    async start() {
      if (child !== undefined) throw new Error('the server is already running');
      errorTail = '';
      const started = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
        cwd: root,
        env: serverEnv(options, port),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      started.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        errorTail = (errorTail + chunk).slice(-4000);
      });
      child = started;
      await waitForHealth(baseUrl, started, () => errorTail);
    },
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
