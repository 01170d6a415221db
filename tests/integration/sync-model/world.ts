/**
 * The real side of one run of the model test: the server, a fresh team, and one device
 * "slot" per team member. A slot is a person's phone: it keeps its own (often wrong) wall
 * clock, it can crash and reopen the app on the same IndexedDB, and when a team lead
 * revokes it, it erases itself and its owner signs in again — a new device id, exactly as
 * the app does after a remote wipe (session-store.ts `onWipe`).
 */
import { getDeviceId } from '../../../src/app/db/meta';
import { eraseDevice } from '../../../src/app/db/erase';
import { createApiClient, type ApiClient } from '../../../src/app/sync/api-client';
import { exampleAgencyRecords } from '../../../src/server/services/example-agencies';
import { putRecord } from '../../../src/server/storage/records-store';
import type { Role } from '../../../src/shared/domain/common';
import { uuidv7 } from '../../../src/shared/ids';
import { newDeviceDb, newDeviceNetwork, restartDevice, wireDevice, type Device, type DeviceOptions } from '../device';
import type { ModelServer } from './model-server';
import { createModelTeam, signIn, type Member, type ModelTeam } from './model-team';

export interface SlotSetup {
  readonly role: Role;
  /** How far the phone's clock is from the truth (ms). */
  readonly clockOffsetMs: number;
  readonly pullLimit: number;
}

export interface Slot {
  readonly index: number;
  readonly role: Role;
  readonly member: Member;
  readonly pullLimit: number;
  clockOffsetMs: number;
  device: Device;
  deviceId: string;
}

export interface World {
  readonly server: ModelServer;
  readonly team: ModelTeam;
  readonly slots: Slot[];
  /** The team lead at a desk, on a device without faults: seeds the caseload, revokes devices. */
  readonly desk: { readonly deviceId: string; readonly token: string };
  /** The one agency in the team's directory, for referrals. */
  readonly agencyId: string;
  /** The audit log's last id before the run (the run's entries come after it). */
  readonly auditFrom: number;
}

function deviceOptions(world: Pick<World, 'server'>, slot: Pick<Slot, 'pullLimit' | 'clockOffsetMs'>): DeviceOptions & { origin: () => string } {
  return { origin: () => world.server.origin(), now: () => Date.now() + slot.clockOffsetMs, pullLimit: slot.pullLimit };
}

/** A new device (new database, new device id) for `member`, signed in. */
async function freshDevice(server: ModelServer, member: Member, options: DeviceOptions & { origin: () => string }): Promise<{ device: Device; deviceId: string }> {
  const db = newDeviceDb();
  const deviceId = await getDeviceId(db);
  const session = await signIn(server.storage(), member, deviceId, server.now());
  return { device: wireDevice(db, session, newDeviceNetwork(), options), deviceId };
}

/** One agency in the team's directory, put there the way bootstrap seeds the first team's. */
async function seedAgency(server: ModelServer, teamId: string, createdBy: string): Promise<string> {
  const [agency] = exampleAgencyRecords(teamId, createdBy, server.now());
  if (agency === undefined) throw new Error('no example agency');
  await server.storage().db.transaction().execute((trx) => putRecord(trx, { collection: 'agencies', id: agency.id, teamId, data: agency }));
  return agency.id;
}

/** A fresh team on `server` and one signed-in device per slot. */
export async function createWorld(server: ModelServer, setups: readonly SlotSetup[]): Promise<World> {
  const { auditFrom } = await server
    .storage()
    .db.selectFrom('audit_log')
    .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('auditFrom'))
    .executeTakeFirstOrThrow();
  const team = await createModelTeam(server.storage(), [...setups.map((s) => s.role), 'team_lead'], server.now());
  const deskMember = team.members.at(-1);
  if (deskMember === undefined) throw new Error('no desk member');
  const deskDeviceId = uuidv7();
  const deskSession = await signIn(server.storage(), deskMember, deskDeviceId, server.now());
  const agencyId = await seedAgency(server, team.teamId, deskMember.user.id);
  const slots: Slot[] = [];
  for (const [index, setup] of setups.entries()) {
    const member = team.members[index];
    if (member === undefined) throw new Error('no member for slot');
    // The slot object itself is what the device's clock reads, so `SetClock` moves it.
    const slot = { index, role: setup.role, member, pullLimit: setup.pullLimit, clockOffsetMs: setup.clockOffsetMs } as Slot;
    Object.assign(slot, await freshDevice(server, member, deviceOptions({ server }, slot)));
    slots.push(slot);
  }
  return { server, team, slots, desk: { deviceId: deskDeviceId, token: deskSession.token }, agencyId, auditFrom: Number(auditFrom) };
}

/** The desk's API client, for the server as it is now (a restart may move it). */
export function deskClient(world: World): ApiClient {
  return createApiClient({ baseUrl: world.server.origin(), getToken: () => world.desk.token });
}

/** The app reopened after a crash: same IndexedDB, same session, new engine. */
export function restartSlot(world: World, slot: Slot): void {
  slot.device = restartDevice(slot.device, deviceOptions(world, slot));
}

/** After a remote wipe: erase the database, and sign the same person in on a new device. */
export async function eraseAndSignInAgain(world: World, slot: Slot): Promise<void> {
  await eraseDevice(slot.device.db);
  const { device, deviceId } = await freshDevice(world.server, slot.member, deviceOptions(world, slot));
  slot.device = device;
  slot.deviceId = deviceId;
}

/** Deletes every device database of the run (the server outlives it). */
export async function disposeWorld(world: World): Promise<void> {
  for (const slot of world.slots) await eraseDevice(slot.device.db);
}
