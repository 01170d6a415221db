/**
 * A server with two teams, each with one user per caller kind (outreach worker, peer
 * volunteer, team lead, admin team lead) plus a target colleague with a signed-in device,
 * so suites can act as anyone on their own team or the other. Every request goes through
 * `app.inject` from its own made-up address, so the login rate limits (which are tested on
 * purpose elsewhere) never decide a case here.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/shared/domain/common';
import { uuidv7 } from '../../src/shared/ids';
import type { TestServer, TestServerOptions, TestUser } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import { insertErasureRequest } from '../../src/server/storage/erasure-store';
import { putRecord } from '../../src/server/storage/records-store';

export type CallerKind = 'outreach_worker' | 'peer_volunteer' | 'team_lead' | 'team_lead+admin';
export const callerKinds: readonly CallerKind[] = ['outreach_worker', 'peer_volunteer', 'team_lead', 'team_lead+admin'];
export type TeamKey = 'own' | 'other';

export const roleOf = (kind: CallerKind): Role => (kind === 'team_lead+admin' ? 'team_lead' : kind);
export const isAdmin = (kind: CallerKind): boolean => kind === 'team_lead+admin';

export interface Session {
  readonly token: string;
  readonly deviceId: string;
  readonly userId: string;
  readonly headers: { authorization: string };
}

export interface TeamFixture {
  readonly teamId: string;
  readonly users: Readonly<Record<CallerKind, TestUser>>;
  /** A colleague whose record and device are the targets of management calls. */
  readonly target: TestUser;
  readonly targetDeviceId: string;
  /** A colleague whose password the matrix resets (so nobody else's sign-in depends on it). */
  readonly resetTarget: TestUser;
  /** The team lead who asked for `pendingErasures`. */
  readonly erasureRequester: TestUser;
  /** A person on the team whom nothing erases (subject access asks about them). */
  readonly personId: string;
  /** People the matrix may ask to erase, one per call (taken with `pop`). */
  readonly erasable: string[];
  /** Erasure requests waiting for a second team lead (asked by a lead no caller is), one per call. */
  readonly pendingErasures: string[];
}

export interface World {
  readonly server: TestServer;
  readonly app: FastifyInstance;
  readonly teams: Readonly<Record<TeamKey, TeamFixture>>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  signIn(user: TestUser, deviceId?: string): Promise<Session>;
}

/** Enough for every caller on both the erasure endpoints that use them up. */
const ERASURES_PER_TEAM = 16;

let address = 0;
/** A fresh 10.x.y.z address per request. */
export function nextAddress(): string {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

async function createTeamFixture(server: TestServer, teamId: string, admin: TestUser | undefined, signIn: World['signIn']): Promise<TeamFixture> {
  const create = (role: Role, isAdminUser = false) => server.createUser(role, undefined, { teamId, admin: isAdminUser });
  const users: Record<CallerKind, TestUser> = {
    outreach_worker: await create('outreach_worker'),
    peer_volunteer: await create('peer_volunteer'),
    team_lead: await create('team_lead'),
    'team_lead+admin': admin ?? (await create('team_lead', true)),
  };
  const target = await create('outreach_worker');
  const targetDeviceId = (await signIn(target)).deviceId;
  const resetTarget = await create('outreach_worker');
  const requester = await create('team_lead');
  const erasable: string[] = [];
  const pendingErasures: string[] = [];
  const personId = uuidv7();
  await server.storage.db.transaction().execute((trx) =>
    putRecord(trx, { collection: 'clients', id: personId, teamId, data: { id: personId, teamId, createdBy: requester.id, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), alias: 'Matrix person', clocks: {} } }),
  );
  for (let i = 0; i < ERASURES_PER_TEAM; i++) {
    const clientId = uuidv7();
    const requested = uuidv7();
    await server.storage.db.transaction().execute(async (trx) => {
      for (const id of [clientId, requested]) {
        const data = { id, teamId, createdBy: requester.id, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), alias: `Matrix ${i}`, clocks: {} };
        await putRecord(trx, { collection: 'clients', id, teamId, data });
      }
      const request = { id: uuidv7(), teamId, clientId: requested, status: 'pending' as const, requestedBy: requester.id, requestedAt: new Date().toISOString(), decidedBy: null, decidedAt: null, counts: null };
      await insertErasureRequest(trx, request);
      pendingErasures.push(request.id);
    });
    erasable.push(clientId);
  }
  return { teamId, users, target, targetDeviceId, resetTarget, erasureRequester: requester, personId, erasable, pendingErasures };
}

export async function createWorld(options: TestServerOptions = {}): Promise<World> {
  const server = await createTestServer(options);
  const inject: World['inject'] = (o) => server.app.inject({ remoteAddress: nextAddress(), ...o });
  const signIn: World['signIn'] = async (user, deviceId = uuidv7()) => {
    const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password, deviceId } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode}`);
    const body = res.json<{ token: string; user: { id: string } }>();
    return { token: body.token, deviceId, userId: body.user.id, headers: { authorization: `Bearer ${body.token}` } };
  };
  const bootAdmin = { id: '', username: 'admin', password: server.adminPassword };
  const adminId = (await signIn(bootAdmin)).userId;
  const own = await createTeamFixture(server, server.teamId, { ...bootAdmin, id: adminId }, signIn);
  const other = await createTeamFixture(server, await server.createTeam(), undefined, signIn);
  return { server, app: server.app, teams: { own, other }, inject, signIn };
}
