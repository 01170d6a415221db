/**
 * Every API endpoint, once: how to call it validly and who may. The authorization matrix
 * and the fuzzer both read this list, so a new route that is not added here is noticed by
 * `every route is listed` (authorization-matrix.test.ts), not silently left untested.
 * `access` is either a management action (decided by `managementPolicy`), `session` (any
 * signed-in user), or `public`.
 */
import type { HTTPMethods } from 'fastify';
import type { ManagementAction } from '../../src/server/services/policy';
import { mayManage } from '../../src/server/services/policy';
import { uuidv7 } from '../../src/shared/ids';
import type { CallerKind, Session, TeamFixture } from './world';
import { isAdmin, roleOf } from './world';

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
  readonly access: ManagementAction | 'session' | 'public';
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
  { method: 'GET', route: '/api/health', access: 'public', url: () => '/api/health', ok: 200, targeted: false },
  {
    method: 'POST',
    route: '/api/auth/login',
    access: 'public',
    url: () => '/api/auth/login',
    body: ({ target }) => ({ username: target.target.username, password: target.target.password, deviceId: uuidv7() }),
    ok: 200,
    targeted: false,
  },
  { method: 'POST', route: '/api/auth/logout', access: 'session', url: () => '/api/auth/logout', ok: 204, targeted: false, consumesSession: true },
  { method: 'GET', route: '/api/me', access: 'session', url: () => '/api/me', ok: 200, targeted: false },
  {
    method: 'POST',
    route: '/api/sync/push',
    access: 'session',
    url: () => '/api/sync/push',
    body: ({ session }) => ({ deviceId: session?.deviceId ?? uuidv7(), schemaVersion: 1, mutations: [] }),
    ok: 200,
    targeted: false,
  },
  { method: 'GET', route: '/api/sync/pull', access: 'session', url: () => '/api/sync/pull?cursor=0&limit=50&schemaVersion=1', ok: 200, targeted: false },
  {
    method: 'POST',
    route: '/api/users',
    access: 'users.create',
    url: () => '/api/users',
    body: () => ({ username: nextName(), name: 'Matrix Colleague', role: 'outreach_worker', password: 'a-long-password-1' }),
    ok: 201,
    targeted: false,
  },
  { method: 'GET', route: '/api/users', access: 'users.list', url: () => '/api/users', ok: 200, targeted: false },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    access: 'users.update',
    url: ({ target }) => `/api/users/${target.target.id}`,
    body: () => ({ name: 'Renamed Colleague' }),
    ok: 200,
    targeted: true,
  },
  { method: 'GET', route: '/api/devices', access: 'devices.list', url: () => '/api/devices', ok: 200, targeted: false },
  {
    method: 'POST',
    route: '/api/devices/:id/revoke',
    access: 'devices.revoke',
    url: ({ target }) => `/api/devices/${target.targetDeviceId}/revoke`,
    ok: 200,
    targeted: true,
  },
  { method: 'PATCH', route: '/api/team', access: 'team.update', url: () => '/api/team', body: () => ({ idleLockMinutes: 7 }), ok: 200, targeted: false },
  { method: 'POST', route: '/api/audit/events', access: 'audit.record', url: () => '/api/audit/events', body: () => ({ action: 'lock' }), ok: 204, targeted: false },
];

/** The status a call must get: from the policy table and the endpoint's rules, never by hand. */
export function expectedStatus(endpoint: EndpointSpec, caller: CallerKind | 'anonymous', targetTeam: 'own' | 'other'): number {
  if (endpoint.access === 'public') return endpoint.ok;
  if (caller === 'anonymous') return 401;
  if (endpoint.access !== 'session' && !mayManage({ role: roleOf(caller), admin: isAdmin(caller) }, endpoint.access)) return 403;
  if (endpoint.targeted && targetTeam === 'other') return 404;
  return endpoint.ok;
}
