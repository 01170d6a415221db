/**
 * A device that talks to a real listening server over HTTP, the way the sync engine does:
 * it keeps an outbox, pushes it until the server acknowledges it (a 503 keeps it for the
 * next try, with the same mutation ids), and pulls from its cursor. Every answer is kept so
 * a test can say what the server answered while its database was away, and how fast.
 */
import type { PullResponse, PushResponse } from '../../src/shared/sync/wire';
import type { Session, TestMutation } from './helpers';
import { contactRecord } from './helpers';
import { uuidv7 } from '../../src/shared/ids';

/** Longer than this and a request counts as hung (and is aborted). */
export const REQUEST_ABORT_MS = 10_000;

export interface Answer {
  readonly route: string;
  /** The HTTP status; 0 when the request was aborted as hung, -1 when the connection failed. */
  readonly status: number;
  readonly ms: number;
  readonly retryAfter: string | null;
  readonly body: unknown;
}

export interface HttpDevice {
  readonly session: Session;
  nextId: number;
  outbox: TestMutation[];
  /** Ids of the contacts the server acknowledged (a 200 to the push that carried them). */
  readonly acknowledged: string[];
  cursor: number;
  /** When a push last answered 200. */
  lastPushOkAt: number;
}

/** One request to the server; network failures and hangs become answers too. */
export async function call(baseUrl: string, method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<Answer> {
  const started = Date.now();
  const route = `${method} ${path.split('?')[0] ?? path}`;
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(REQUEST_ABORT_MS),
    });
    const text = await res.text();
    const parsed: unknown = text === '' ? null : JSON.parse(text);
    return { route, status: res.status, ms: Date.now() - started, retryAfter: res.headers.get('retry-after'), body: parsed };
  } catch (error) {
    const hung = error instanceof Error && error.name === 'TimeoutError';
    return { route, status: hung ? 0 : -1, ms: Date.now() - started, retryAfter: null, body: String(error) };
  }
}

/** Signs in as `username` from a new device id. */
export async function signInOverHttp(baseUrl: string, username: string, password: string): Promise<HttpDevice> {
  const deviceId = uuidv7();
  const res = await call(baseUrl, 'POST', '/api/auth/login', undefined, { username, password, deviceId });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${JSON.stringify(res.body)}`);
  const { token, user } = res.body as { token: string; user: { id: string } };
  const session: Session = { token, deviceId, userId: user.id, headers: { authorization: `Bearer ${token}` } };
  return { session, nextId: 1, outbox: [], acknowledged: [], cursor: 0, lastPushOkAt: 0 };
}

/** Pushes the outbox (three new contacts when it is empty); a 200 empties it. */
export async function pushOutbox(baseUrl: string, device: HttpDevice): Promise<Answer> {
  if (device.outbox.length === 0) {
    for (let i = 0; i < 3; i++) device.outbox.push(contactRecord(device.nextId++, device.session, null));
  }
  const payload = { deviceId: device.session.deviceId, schemaVersion: 1, mutations: device.outbox };
  const res = await call(baseUrl, 'POST', '/api/sync/push', device.session.token, payload);
  if (res.status === 200) {
    const body = res.body as PushResponse;
    const last = device.outbox.at(-1)?.id ?? 0;
    if (body.lastMutationId !== last || body.rejections.length > 0) throw new Error(`unexpected push answer ${JSON.stringify(body)}`);
    device.acknowledged.push(...device.outbox.map((m) => (m.args as { id: string }).id));
    device.outbox = [];
    device.lastPushOkAt = Date.now();
  }
  return res;
}

/** Pulls one page from the device's cursor. */
export async function pullPage(baseUrl: string, device: HttpDevice): Promise<Answer> {
  const res = await call(baseUrl, 'GET', `/api/sync/pull?cursor=${device.cursor}&limit=500&schemaVersion=1`, device.session.token);
  if (res.status === 200) device.cursor = (res.body as PullResponse).cursor;
  return res;
}

const pause = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));

/**
 * Pushes and pulls until `stopped()` says so (or a bounded number of rounds), keeping
 * every answer in `answers`. Stops early if the server stops answering at all.
 */
export async function syncUntil(baseUrl: string, device: HttpDevice, answers: Answer[], stopped: () => boolean): Promise<void> {
  for (let round = 0; round < 2000 && !stopped(); round++) {
    const pushed = await pushOutbox(baseUrl, device);
    const pulled = await pullPage(baseUrl, device);
    answers.push(pushed, pulled);
    if (pushed.status <= 0 && pulled.status <= 0) return;
    await pause(pushed.status === 200 ? 20 : 100);
  }
}
