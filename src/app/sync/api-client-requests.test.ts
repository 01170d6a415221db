import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, createApiClient } from './api-client';

/**
 * The requests the client sends and how it reads what comes back, through an injected
 * fetch that records every call (api-client.test.ts covers the same over a mocked network).
 */
interface Sent {
  readonly url: string;
  readonly method: string | undefined;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly cache: string | undefined;
  readonly credentials: string | undefined;
}

const id = '01a20165-0000-7000-8000-000000000001';
const device = { id, userId: id, name: 'Phone', createdAt: '2026-11-22T12:00:00.000Z', lastSeenAt: '2026-11-22T12:00:00.000Z', revokedAt: null, report: null };
const erasure = { id, clientId: id, status: 'pending', requestedBy: id, requestedAt: '2026-11-22T12:00:00.000Z', decidedBy: null, decidedAt: null, counts: null };

function recording(answer: () => Response | Promise<Response>, token: string | null = 'secret-token') {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent.push({
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method,
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body,
      cache: init?.cache,
      credentials: init?.credentials,
    });
    return answer();
  };
  return { api: createApiClient({ baseUrl: 'https://lantern.test', fetch, getToken: () => token }), sent };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client requests', () => {
  it.each([
    ['logout', (api: ReturnType<typeof createApiClient>) => api.logout(), 'POST', '/api/auth/logout', null, json({})],
    ['listUsers', (api: ReturnType<typeof createApiClient>) => api.listUsers(), 'GET', '/api/users', null, json({ users: [] })],
    ['listDevices', (api: ReturnType<typeof createApiClient>) => api.listDevices(), 'GET', '/api/devices', null, json({ devices: [device] })],
    ['revokeDevice', (api: ReturnType<typeof createApiClient>) => api.revokeDevice('a/b'), 'POST', '/api/devices/a%2Fb/revoke', null, json(device)],
    ['listErasures', (api: ReturnType<typeof createApiClient>) => api.listErasures(), 'GET', '/api/erasures', null, json({ erasures: [erasure] })],
    ['requestErasure', (api: ReturnType<typeof createApiClient>) => api.requestErasure(id), 'POST', '/api/erasures', { clientId: id }, json(erasure, 201)],
    ['confirmErasure', (api: ReturnType<typeof createApiClient>) => api.confirmErasure('a/b'), 'POST', '/api/erasures/a%2Fb/confirm', null, json(erasure)],
    ['cancelErasure', (api: ReturnType<typeof createApiClient>) => api.cancelErasure('a/b'), 'POST', '/api/erasures/a%2Fb/cancel', null, json(erasure)],
    ['updateTeam', (api: ReturnType<typeof createApiClient>) => api.updateTeam({ idleLockMinutes: 3 }), 'PATCH', '/api/team', { idleLockMinutes: 3 }, json({ id, idleLockMinutes: 3 })],
    ['auditEvent', (api: ReturnType<typeof createApiClient>) => api.auditEvent('lock'), 'POST', '/api/audit/events', { action: 'lock' }, new Response(null, { status: 204 })],
    ['listAudit', (api: ReturnType<typeof createApiClient>) => api.listAudit({ userId: id, limit: 20 }), 'GET', `/api/audit?userId=${id}&limit=20`, null, json({ entries: [], nextBefore: null })],
    [
      'report',
      (api: ReturnType<typeof createApiClient>) => api.report({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', area: undefined, timeZone: 'Europe/London' }),
      'GET',
      '/api/reports?from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z&timeZone=Europe%2FLondon',
      null,
      json({
        contacts: { total: 0, known: 0, anonymous: 0, outOfHours: 0, buildingTrust: 0, byKind: [] },
        people: { unique: 0, new: 0, returning: 0 },
        needs: [],
        referrals: { total: 0, byAgency: [], byStatus: [] },
        appointments: { due: 0, attended: 0, missed: 0, stillBooked: 0, accompanied: 0 },
        legal: { nrmReferrals: 0, nrmByStatus: [], dutyToNotify: 0, childSafeguarding: 0 },
        supplies: { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 },
        weekly: [],
      }),
    ],
  ] as const)('%s sends %s %s', async (_name, call, method, path, body, answer) => {
    const { api, sent } = recording(() => answer);
    await call(api);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: `https://lantern.test${path}`, method, cache: 'no-store', credentials: 'omit' });
    const sentBody = sent[0]?.body;
    expect(typeof sentBody === 'string' ? JSON.parse(sentBody) : sentBody).toEqual(body);
  });

  it('returns what the server answered, parsed', async () => {
    const { api } = recording(() => json({ devices: [device] }));
    expect(await api.listDevices()).toEqual({ devices: [device] });
    const users = recording(() => json({ users: [] }));
    expect(await users.api.listUsers()).toEqual({ users: [] });
    const team = recording(() => json({ id, idleLockMinutes: 3 }));
    expect(await team.api.updateTeam({ idleLockMinutes: 3 })).toEqual({ id, idleLockMinutes: 3 });
    const revoked = recording(() => json(device));
    expect(await revoked.api.revokeDevice(id)).toEqual(device);
  });

  it('asks for JSON, sends the token only when there is one, and a content type only with a body', async () => {
    const signedIn = recording(() => json({}));
    await signedIn.api.auditEvent('wipe');
    expect(signedIn.sent[0]?.headers).toEqual({ accept: 'application/json', authorization: 'Bearer secret-token', 'content-type': 'application/json' });
    const signedOut = recording(() => json({}), null);
    await signedOut.api.logout();
    expect(signedOut.sent[0]?.headers).toEqual({ accept: 'application/json' });
  });
});

describe('api client answers', () => {
  it.each([
    ['an empty body', () => new Response('', { status: 500 }), 500, 'internal'],
    ['a body that is not JSON', () => new Response('<html>oops</html>', { status: 502 }), 502, 'internal'],
    ['a 503 without a body', () => new Response(null, { status: 503 }), 503, 'unavailable'],
  ])('an error with %s becomes an ApiError of the status', async (_label, answer, status, code) => {
    const { api } = recording(answer);
    const error = await api.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'ApiError', status, code, message: `The server answered ${status}.`, wipe: false });
  });

  it('an error body without wipe does not ask for a wipe', async () => {
    const { api } = recording(() => json({ error: 'unauthorized', message: 'Sign in.' }, 401));
    await expect(api.me()).rejects.toMatchObject({ status: 401, code: 'unauthorized', message: 'Sign in.', wipe: false });
  });

  it('a success that does not parse is an invalid response, with a message to show', async () => {
    const { api } = recording(() => new Response('', { status: 200 }));
    await expect(api.me()).rejects.toMatchObject({ status: 200, code: 'invalid_response', message: 'The server sent an answer this app does not understand.' });
  });

  it('no answer at all is a NetworkError that keeps its cause', async () => {
    const cause = new TypeError('fetch failed');
    const { api } = recording(() => Promise.reject(cause));
    const error = await api.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ name: 'NetworkError', message: 'The server could not be reached.', cause });
  });

  it('an answer cut off half way is a NetworkError, not a server error', async () => {
    const cause = new Error('connection reset');
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"user":'));
        controller.error(cause);
      },
    });
    const { api } = recording(() => new Response(body, { status: 200 }));
    const error = await api.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ message: 'The answer was cut off.', cause });
  });
});
