import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NetworkError, createApiClient } from './api-client';

const base = 'http://lantern.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const token = 't'.repeat(40);
const api = createApiClient({ baseUrl: base, getToken: () => token, timeoutMs: 200 });
const pullAnswer = { changes: [], cursor: 4, hasMore: false, lastMutationId: 0, serverTime: 1 };

describe('api client', () => {
  it('sends the bearer token and the pull query, and parses the answer', async () => {
    let seen: { auth: string | null; query: string } | null = null;
    server.use(
      http.get(`${base}/api/sync/pull`, ({ request }) => {
        seen = { auth: request.headers.get('authorization'), query: new URL(request.url).search };
        return HttpResponse.json(pullAnswer);
      }),
    );
    expect(await api.pull({ cursor: 3, limit: 500, schemaVersion: 1 })).toEqual(pullAnswer);
    expect(seen).toEqual({ auth: `Bearer ${token}`, query: '?cursor=3&limit=500&schemaVersion=1' });
  });

  it('turns an error body into an ApiError with code and wipe', async () => {
    server.use(http.post(`${base}/api/sync/push`, () => HttpResponse.json({ error: 'unauthorized', message: 'Revoked.', wipe: true }, { status: 401 })));
    const error = await api.push({ deviceId: crypto.randomUUID(), schemaVersion: 1, mutations: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', message: 'Revoked.', wipe: true });
  });

  it('reports a 503 without a body as unavailable', async () => {
    server.use(http.get(`${base}/api/me`, () => new HttpResponse(null, { status: 503 })));
    await expect(api.me()).rejects.toMatchObject({ status: 503, code: 'unavailable', wipe: false });
  });

  it('rejects a success answer that does not match the shared schema', async () => {
    server.use(http.get(`${base}/api/sync/pull`, () => HttpResponse.json({ ...pullAnswer, cursor: -1 })));
    await expect(api.pull({ cursor: 0, limit: 1, schemaVersion: 1 })).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('throws NetworkError when the request fails or times out', async () => {
    server.use(http.get(`${base}/api/me`, () => HttpResponse.error()));
    await expect(api.me()).rejects.toBeInstanceOf(NetworkError);
    server.use(http.get(`${base}/api/me`, () => new Promise<never>(() => undefined)));
    await expect(api.me()).rejects.toBeInstanceOf(NetworkError);
  });
});
