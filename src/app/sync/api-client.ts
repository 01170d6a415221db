/**
 * The device's HTTP client for the Lantern API. Every response is parsed with the shared
 * schema (the server's answers are a boundary too). Two kinds of failure, because the
 * sync engine treats them differently:
 *
 * - `NetworkError`: no answer (offline, DNS, timeout). Nothing is known about the server.
 * - `ApiError`: the server answered with an error body (`errorBodySchema`), or with a
 *   success body that does not parse (`invalid_response`).
 *
 * The token is asked for on each request, so the session can change under the client.
 */
import type {
  AuditQuery,
  ListAuditResponse,
  ListDevicesResponse,
  ListUsersResponse,
  TeamDevice,
  TeamSettings,
  TeamUser,
  UpdateTeamRequest,
  UpdateUserRequest,
} from '../../shared/api/admin';
import type { ReportQuery, ReportResponse } from '../../shared/api/reports';
import type { Erasure, ListErasuresResponse } from '../../shared/api/erasure';
import type { SubjectAccess } from '../../shared/api/subject-access';
import type { z } from 'zod';
import {
  createUserResponseSchema,
  errorBodySchema,
  loginResponseSchema,
  meResponseSchema,
  temporaryPasswordResponseSchema,
  type ChangePasswordRequest,
  type CreateUserRequest,
  type CreateUserResponse,
  type ErrorCode,
  type TemporaryPasswordResponse,
  type LoginRequest,
  type LoginResponse,
  type MeResponse,
} from '../../shared/api/auth';
import {
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/wire';

export const DEFAULT_TIMEOUT_MS = 20_000;

/** The server answered with an error. `message` is safe to show; `wipe` means erase the device. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'invalid_response',
    message: string,
    readonly wipe: boolean = false,
  ) {
    super(message);
  }
}

/** No answer from the server: offline, unreachable or timed out. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A failed call to something that needs signal, in words a person can act on: `offline`
 * when there was no connection, the server's own words for a refusal, else `otherwise`.
 */
export function describeOnlineFailure(error: unknown, offline: string, otherwise: string): string {
  if (error instanceof NetworkError) return offline;
  return error instanceof ApiError ? error.message : otherwise;
}

export interface ApiClientOptions {
  readonly baseUrl?: string;
  readonly fetch?: typeof globalThis.fetch;
  /** The current bearer token, or null when signed out. */
  readonly getToken: () => string | null;
  readonly timeoutMs?: number;
}

export interface PullParams {
  readonly cursor: number;
  readonly limit: number;
  readonly schemaVersion: number;
  /** What this device still holds, told to the server for its team lead. */
  readonly waiting?: number;
  readonly attention?: number;
  /** Ask how many changes remain after this page (a first sync's progress). */
  readonly count?: boolean;
}

export interface ApiClient {
  login(request: LoginRequest): Promise<LoginResponse>;
  logout(): Promise<void>;
  /** Team lead: the team's users, devices and settings. */
  listUsers(): Promise<ListUsersResponse>;
  /** Team lead: adds a person; the answer holds their temporary password, once. */
  createUser(request: CreateUserRequest): Promise<CreateUserResponse>;
  updateUser(id: string, request: UpdateUserRequest): Promise<TeamUser>;
  /** Team lead: a new temporary password for a colleague (answered once). */
  resetPassword(id: string): Promise<TemporaryPasswordResponse>;
  /** The signed-in person replaces their password. */
  changePassword(request: ChangePasswordRequest): Promise<void>;
  listDevices(): Promise<ListDevicesResponse>;
  /** Team lead: the team's audit log, newest first (viewing it is audited). */
  listAudit(query: AuditQuery): Promise<ListAuditResponse>;
  /** Team lead: the period's figures for commissioners. */
  report(query: ReportQuery): Promise<ReportResponse>;
  /** Team lead: everything held about one person, for them (subject access; audited). */
  exportSubjectAccess(clientId: string): Promise<SubjectAccess>;
  /** Team lead: erasure requests waiting for a second team lead. */
  listErasures(): Promise<ListErasuresResponse>;
  /** Team lead: asks to erase a person (an admin's request is carried out at once). */
  requestErasure(clientId: string): Promise<Erasure>;
  /** A second team lead carries out a request. */
  confirmErasure(id: string): Promise<Erasure>;
  cancelErasure(id: string): Promise<Erasure>;
  revokeDevice(id: string): Promise<TeamDevice>;
  updateTeam(request: UpdateTeamRequest): Promise<TeamSettings>;
  /** Tells the server's audit log about a device-side event (ids only). */
  auditEvent(action: 'export' | 'lock' | 'wipe'): Promise<void>;
  me(): Promise<MeResponse>;
  push(request: PushRequest): Promise<PushResponse>;
  pull(params: PullParams): Promise<PullResponse>;
}

/**
 * The answers only a team lead's screens ask for are parsed by schemas loaded with those
 * screens, not carried in the app shell every phone downloads.
 */
const leadSchemas = () => import('../../shared/api/admin');
const erasureSchemas = () => import('../../shared/api/erasure');

/** A query's defined values as URL parameters. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (typeof value === 'string' || typeof value === 'number') params.set(key, String(value));
  }
  return params.toString();
}

async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new NetworkError('The answer was cut off.', { cause: error });
  }
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = errorBodySchema.safeParse(await readJson(response));
  if (body.success) return new ApiError(response.status, body.data.error, body.data.message, body.data.wipe ?? false);
  const code: ErrorCode = response.status === 503 ? 'unavailable' : 'internal';
  return new ApiError(response.status, code, `The server answered ${response.status}.`);
}

/** Creates the API client. `fetch` is injectable for tests. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { baseUrl = '', getToken, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = getToken();
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (error) {
      throw new NetworkError('The server could not be reached.', { cause: error });
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  async function call<T>(schema: z.ZodType<T>, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const response = await send(method, path, body);
    const json = await readJson(response);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError(response.status, 'invalid_response', 'The server sent an answer this app does not understand.');
    return parsed.data;
  }

  return {
    login: (request) => call(loginResponseSchema, 'POST', '/api/auth/login', request),
    async logout() {
      await send('POST', '/api/auth/logout');
    },
    listUsers: async () => call((await leadSchemas()).listUsersResponseSchema, 'GET', '/api/users'),
    createUser: (request) => call(createUserResponseSchema, 'POST', '/api/users', request),
    updateUser: async (id, request) => call((await leadSchemas()).teamUserSchema, 'PATCH', `/api/users/${encodeURIComponent(id)}`, request),
    resetPassword: (id) => call(temporaryPasswordResponseSchema, 'POST', `/api/users/${encodeURIComponent(id)}/password`),
    async changePassword(request) {
      await send('POST', '/api/auth/password', request);
    },
    listDevices: async () => call((await leadSchemas()).listDevicesResponseSchema, 'GET', '/api/devices'),
    listAudit: async (query) => call((await leadSchemas()).listAuditResponseSchema, 'GET', `/api/audit?${queryString(query)}`),
    report: async (query) => call((await import('../../shared/api/reports')).reportSchema, 'GET', `/api/reports?${queryString(query)}`),
    exportSubjectAccess: async (clientId) => call((await import('../../shared/api/subject-access')).subjectAccessSchema, 'GET', `/api/clients/${encodeURIComponent(clientId)}/export`),
    listErasures: async () => call((await erasureSchemas()).listErasuresResponseSchema, 'GET', '/api/erasures'),
    requestErasure: async (clientId) => call((await erasureSchemas()).erasureSchema, 'POST', '/api/erasures', { clientId }),
    confirmErasure: async (id) => call((await erasureSchemas()).erasureSchema, 'POST', `/api/erasures/${encodeURIComponent(id)}/confirm`),
    cancelErasure: async (id) => call((await erasureSchemas()).erasureSchema, 'POST', `/api/erasures/${encodeURIComponent(id)}/cancel`),
    revokeDevice: async (id) => call((await leadSchemas()).teamDeviceSchema, 'POST', `/api/devices/${encodeURIComponent(id)}/revoke`),
    updateTeam: async (request) => call((await leadSchemas()).teamSettingsSchema, 'PATCH', '/api/team', request),
    async auditEvent(action) {
      await send('POST', '/api/audit/events', { action });
    },
    me: () => call(meResponseSchema, 'GET', '/api/me'),
    push: (request) => call(pushResponseSchema, 'POST', '/api/sync/push', request),
    pull: ({ cursor, limit, schemaVersion, waiting, attention, count }) => {
      const query = new URLSearchParams({ cursor: String(cursor), limit: String(limit), schemaVersion: String(schemaVersion) });
      if (waiting !== undefined) query.set('waiting', String(waiting));
      if (attention !== undefined) query.set('attention', String(attention));
      if (count === true) query.set('count', '1');
      return call(pullResponseSchema, 'GET', `/api/sync/pull?${query.toString()}`);
    },
  };
}
