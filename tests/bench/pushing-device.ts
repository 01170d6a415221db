/**
 * A device that pushes over real HTTP the way the app's outbox does: entries get increasing
 * ids, a batch is sent until the server acknowledges it, and an unanswered batch (refused
 * connection, reset, 503) is sent again with the SAME ids — never renumbered, never dropped.
 * Each mutation creates one client with a fresh id, so what reached the server can be
 * counted by record id.
 */
import { loginResponseSchema } from '../../src/shared/api/auth';
import { encodeHlc } from '../../src/shared/hlc';
import { uuidv7 } from '../../src/shared/ids';
import { pushResponseSchema, SCHEMA_VERSION, type Mutation, type Rejection } from '../../src/shared/sync/wire';

interface Entry {
  readonly mutation: Mutation;
  readonly recordId: string;
}

export interface PushingDevice {
  readonly deviceId: string;
  /** Its bearer token, for other requests (a pull) on its behalf. */
  readonly token: string;
  /** Record ids the server acknowledged as applied, in the order it did. */
  readonly acknowledged: readonly string[];
  readonly rejections: readonly Rejection[];
  /** Entries written but not yet acknowledged. */
  readonly pending: number;
  /** Pushes that got no acknowledgement (the server was down, died mid-request, or 503). */
  readonly failedPushes: number;
  /** Record ids of the push on the wire, empty between pushes. */
  readonly inFlight: readonly string[];
  /** When the push on the wire was sent (performance.now()). */
  readonly pushStartedAt: number;
  /** A running average of how long an acknowledged push takes, in ms. */
  readonly pushMs: number;
  /** Writes `count` new client records into the outbox. */
  write(count: number): void;
  /** Sends the oldest pending entries (up to `batch`); true when the server acknowledged them. */
  push(batch: number): Promise<boolean>;
}

/** Signs `username` in on a new device id; the token lives in the database, so it survives restarts. */
export async function signInDevice(baseUrl: string, username: string, password: string): Promise<PushingDevice> {
  const deviceId = uuidv7();
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, deviceId }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const { token } = loginResponseSchema.parse(await response.json());
  return pushingDevice(baseUrl, token, deviceId);
}

/** A device already signed in (its token issued some other way), pushing to `baseUrl`. */
export function pushingDevice(baseUrl: string, token: string, deviceId: string): PushingDevice {
  const outbox: Entry[] = [];
  const acknowledged: string[] = [];
  const rejections: Rejection[] = [];
  let nextId = 1;
  let failedPushes = 0;
  let inFlight: string[] = [];
  let pushStartedAt = 0;
  let pushMs = 5;

  async function send(entries: readonly Entry[]): Promise<{ lastMutationId: number; rejections: Rejection[] } | null> {
    try {
      const response = await fetch(`${baseUrl}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ deviceId, schemaVersion: SCHEMA_VERSION, mutations: entries.map((e) => e.mutation) }),
      });
      if (response.status === 503) return null;
      if (!response.ok) throw new Error(`push answered ${response.status}: ${await response.text()}`);
      return pushResponseSchema.parse(await response.json());
    } catch (error) {
      // A refused or reset connection is what a killed server looks like: try again later.
      if (error instanceof TypeError) return null;
      throw error;
    }
  }

  return {
    deviceId,
    token,
    acknowledged,
    rejections,
    get pending() {
      return outbox.length;
    },
    get failedPushes() {
      return failedPushes;
    },
    get inFlight() {
      return inFlight;
    },
    get pushStartedAt() {
      return pushStartedAt;
    },
    get pushMs() {
      return pushMs;
    },
    write(count) {
      for (let i = 0; i < count; i++) {
        const id = nextId++;
        const recordId = uuidv7();
        const hlc = encodeHlc({ wallMs: Date.now(), counter: 0, deviceId });
        outbox.push({ recordId, mutation: { id, name: 'client.create', args: { id: recordId, profile: { alias: `Soak ${id}` } }, hlc } });
      }
    },
    async push(batch) {
      const entries = outbox.slice(0, batch);
      if (entries.length === 0) return true;
      inFlight = entries.map((e) => e.recordId);
      pushStartedAt = performance.now();
      const answer = await send(entries).finally(() => (inFlight = []));
      if (answer === null) {
        failedPushes += 1;
        return false;
      }
      pushMs = 0.8 * pushMs + 0.2 * (performance.now() - pushStartedAt);
      rejections.push(...answer.rejections);
      const refused = new Set(answer.rejections.map((r) => r.id));
      // Acknowledged entries leave the outbox; a refused one is not on the server and is
      // not counted as acknowledged (the app keeps it under "needs attention").
      while (outbox.length > 0 && (outbox[0]?.mutation.id ?? Infinity) <= answer.lastMutationId) {
        const entry = outbox.shift();
        if (entry !== undefined && !refused.has(entry.mutation.id)) acknowledged.push(entry.recordId);
      }
      return true;
    },
  };
}
