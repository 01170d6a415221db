/**
 * Every API endpoint, once: how to call it validly. The authorization matrix and the fuzzer
 * both read this list, so a new route that is not added here is noticed by `every route is
 * listed` (authorization-matrix.test.ts), not silently left untested. Who may call each one
 * is written by hand in expected-access.ts, never taken from the policy table under test.
 */
import type { HTTPMethods } from 'fastify';
import { uuidv7 } from '../../src/shared/ids';
import type { Caller } from './expected-access';
import { expectedEndpointAccess } from './expected-access';
import type { Session, TeamFixture } from './world';

export interface CallContext {
  /** The caller's session; undefined for an anonymous call. */
  readonly session: Session | undefined;
  /** The team whose user/device the call targets. */
  readonly target: TeamFixture;
}

export interface EndpointSpec {
  readonly method: HTTPMethods;
  /** The route pattern, as Fastify knows it. */
  readonly route: string;
  /** The path with `:id` filled from the target team. */
  url(ctx: CallContext): string;
  body?(ctx: CallContext): unknown;
  /** The status of an allowed call. */
  readonly ok: number;
  /** Does the call name a user or device (so another team's answers 404)? */
  readonly targeted: boolean;
  /** Does the call end the caller's session (so it needs its own)? */
  readonly consumesSession?: boolean;
}

let unique = 0;
const nextName = (): string => `matrix.user.${++unique}`;

export const endpoints: readonly EndpointSpec[] = [
  { method: 'GET', route: '/api/health', url: () => '/api/health', ok: 200, targeted: false },
  { method: 'GET', route: '/api/health/ready', url: () => '/api/health/ready', ok: 200, targeted: false },
  {
    method: 'POST',
    route: '/api/auth/login',
    url: () => '/api/auth/login',
    body: ({ target }) => ({ username: target.target.username, password: target.target.password, deviceId: uuidv7() }),
    ok: 200,
    targeted: false,
  },
  { method: 'POST', route: '/api/auth/logout', url: () => '/api/auth/logout', ok: 204, targeted: false, consumesSession: true },
  { method: 'GET', route: '/api/me', url: () => '/api/me', ok: 200, targeted: false },
  {
    // A wrong current password: the call reaches the service (400) without changing anything
    // the rest of the matrix signs in with.
    method: 'POST',
    route: '/api/auth/password',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' }),
    ok: 400,
    targeted: false,
  },
  {
    method: 'POST',
    route: '/api/sync/push',
    url: () => '/api/sync/push',
    body: ({ session }) => ({ deviceId: session?.deviceId ?? uuidv7(), schemaVersion: 1, mutations: [] }),
    ok: 200,
    targeted: false,
  },
  { method: 'GET', route: '/api/sync/pull', url: () => '/api/sync/pull?cursor=0&limit=50&schemaVersion=1', ok: 200, targeted: false },
  {
    method: 'POST',
    route: '/api/users',
    url: () => '/api/users',
    body: () => ({ username: nextName(), name: 'Matrix Colleague', role: 'outreach_worker', password: 'a-long-password-1' }),
    ok: 201,
    targeted: false,
  },
  { method: 'GET', route: '/api/users', url: () => '/api/users', ok: 200, targeted: false },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    url: ({ target }) => `/api/users/${target.target.id}`,
    body: () => ({ name: 'Renamed Colleague' }),
    ok: 200,
    targeted: true,
  },
  {
    method: 'POST',
    route: '/api/users/:id/password',
    url: ({ target }) => `/api/users/${target.resetTarget.id}/password`,
    ok: 200,
    targeted: true,
  },
  { method: 'GET', route: '/api/devices', url: () => '/api/devices', ok: 200, targeted: false },
  { method: 'GET', route: '/api/audit', url: () => '/api/audit?limit=20', ok: 200, targeted: false },
  { method: 'GET', route: '/api/reports', url: () => '/api/reports?from=2026-01-01T00:00:00.000Z&to=2026-04-01T00:00:00.000Z', ok: 200, targeted: false },
  {
    method: 'POST',
    route: '/api/devices/:id/revoke',
    url: ({ target }) => `/api/devices/${target.targetDeviceId}/revoke`,
    ok: 200,
    targeted: true,
  },
  { method: 'GET', route: '/api/clients/:id/export', url: ({ target }) => `/api/clients/${target.personId}/export`, ok: 200, targeted: true },
  { method: 'GET', route: '/api/erasures', url: () => '/api/erasures', ok: 200, targeted: false },
  { method: 'POST', route: '/api/erasures', url: () => '/api/erasures', body: ({ target }) => ({ clientId: target.erasable.pop() }), ok: 201, targeted: true },
  { method: 'POST', route: '/api/erasures/:id/confirm', url: ({ target }) => `/api/erasures/${target.pendingErasures.pop() ?? ''}/confirm`, ok: 200, targeted: true },
  { method: 'POST', route: '/api/erasures/:id/cancel', url: ({ target }) => `/api/erasures/${target.pendingErasures.pop() ?? ''}/cancel`, ok: 200, targeted: true },
  { method: 'PATCH', route: '/api/team', url: () => '/api/team', body: () => ({ idleLockMinutes: 7 }), ok: 200, targeted: false },
  { method: 'POST', route: '/api/audit/events', url: () => '/api/audit/events', body: () => ({ action: 'lock' }), ok: 204, targeted: false },
];

/** `METHOD route`: the endpoint's row in expected-access.ts. */
export const endpointKey = (endpoint: EndpointSpec): string => `${endpoint.method} ${endpoint.route}`;

/** The status a call must get, from the hand-written access table and the endpoint's rules. */
export function expectedStatus(endpoint: EndpointSpec, caller: Caller, targetTeam: 'own' | 'other'): number {
  const row = expectedEndpointAccess[endpointKey(endpoint)];
  if (row === undefined) throw new Error(`expected-access.ts has no row for ${endpointKey(endpoint)}`);
  if (row[caller] === 'denied') return caller === 'anonymous' ? 401 : 403;
  if (endpoint.targeted && targetTeam === 'other') return 404;
  return endpoint.ok;
}
