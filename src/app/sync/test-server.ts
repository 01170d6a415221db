/**
 * Test support: an in-memory stand-in for the sync API, reached through an injected
 * `fetch`, with hooks to inject failures. Applies `client.create` only — enough to check
 * the device's side of the protocol (exactly-once, cursors, resync, errors).
 */
import type { ClientRecord } from '../../shared/domain/client';
import { pushRequestSchema, type Change, type Mutation } from '../../shared/sync/wire';

export type Fault =
  | { readonly kind: 'network' }
  | { readonly kind: 'commit-then-network' }
  | { readonly kind: 'status'; readonly status: number; readonly body: unknown };

export class TestServer {
  readonly teamId: string;
  readonly userId: string;
  lastMutationId = 0;
  applied: Mutation[] = [];
  changes: Change[] = [];
  rejectIds = new Set<number>();
  /** Faults for the next push / pull requests, in order. */
  faults: { push: Fault[]; pull: Fault[] } = { push: [], pull: [] };
  /** Called on each request before answering (to simulate races with local writes). */
  beforeAnswer: ((route: 'push' | 'pull') => Promise<void>) | null = null;
  requests: string[] = [];
  /** What each pull said the device still holds (`waiting`, `attention`), as sent. */
  reports: { waiting: string | null; attention: string | null }[] = [];
  private seq = 0;

  constructor(session: { userId: string; teamId: string }) {
    this.teamId = session.teamId;
    this.userId = session.userId;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), 'http://lantern.test');
    const route = url.pathname === '/api/sync/push' ? 'push' : 'pull';
    this.requests.push(route);
    await this.beforeAnswer?.(route);
    const fault = this.faults[route].shift();
    if (fault?.kind === 'network') throw new TypeError('fetch failed');
    if (fault?.kind === 'status') return Response.json(fault.body, { status: fault.status });
    const answer = route === 'push' ? this.push(JSON.parse(typeof init?.body === 'string' ? init.body : 'null') as unknown) : this.pull(url);
    if (fault?.kind === 'commit-then-network') throw new TypeError('connection reset');
    return Response.json(answer);
  };

  /** Adds a record as if another device had written it. */
  addChange(record: ClientRecord, deleted = false): void {
    this.seq++;
    this.changes.push({ collection: 'clients', id: record.id, seq: this.seq, deleted, record: deleted ? null : record });
  }

  private push(body: unknown) {
    const request = pushRequestSchema.parse(body);
    const rejections = [];
    for (const mutation of request.mutations) {
      if (mutation.id <= this.lastMutationId) continue; // exactly once
      this.lastMutationId = mutation.id;
      if (this.rejectIds.has(mutation.id)) {
        rejections.push({ id: mutation.id, code: 'forbidden' as const, message: 'Not allowed.' });
        continue;
      }
      this.applied.push(mutation);
      if (mutation.name === 'client.create') this.applyCreate(mutation);
    }
    return { lastMutationId: this.lastMutationId, rejections, serverTime: Date.UTC(2025, 0, 10) };
  }

  private applyCreate(mutation: Mutation): void {
    const args = mutation.args as { id: string; profile: { alias: string } };
    const at = '2025-01-10T00:00:00.000Z';
    this.addChange({
      id: args.id, ...args.profile, teamId: this.teamId, createdBy: this.userId, createdAt: at, updatedAt: at,
      clocks: Object.fromEntries(Object.keys(args.profile).map((k) => [k, mutation.hlc])),
    });
  }

  private pull(url: URL) {
    this.reports.push({ waiting: url.searchParams.get('waiting'), attention: url.searchParams.get('attention') });
    const cursor = Number(url.searchParams.get('cursor'));
    const limit = Number(url.searchParams.get('limit'));
    const after = this.changes.filter((c) => c.seq > cursor);
    const changes = after.slice(0, limit);
    return {
      changes, cursor: changes.at(-1)?.seq ?? cursor, hasMore: after.length > limit,
      lastMutationId: this.lastMutationId, serverTime: Date.UTC(2025, 0, 10),
      ...(url.searchParams.get('count') === '1' ? { remaining: after.length - changes.length } : {}),
    };
  }
}
