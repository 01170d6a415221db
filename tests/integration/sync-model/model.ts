/**
 * The model of the model-based sync test: what the people did, independent of what the
 * system made of it. Every write is recorded with the device that made it, its mutation
 * id (its outbox id) and — for a profile field — the value the device SHOWED for that
 * field when the person overwrote it. Values are unique per write, so "showed" means
 * "had seen that very write": the rule "nothing is lost unless someone who saw it
 * replaced it, or the team lead is shown it" is then checked exactly (invariants.ts).
 */
import type { Role } from '../../../src/shared/domain/common';
import type { RejectionCode } from '../../../src/shared/sync/wire';

/** The profile fields the test edits: free text, an optional text, a list. */
export const profileFields = ['alias', 'pronouns', 'usualAreas'] as const;
export type ProfileField = (typeof profileFields)[number];

export interface FieldWrite {
  /** Order in which the people made their writes. */
  readonly n: number;
  readonly deviceId: string;
  readonly clientId: string;
  readonly field: ProfileField;
  readonly value: unknown;
  /** What the device showed for the field (undefined: the write created the client). */
  readonly shown: unknown;
  readonly mutationId: number;
}

/** A record created whole by one command (its audit log entry names the command). */
export interface AppendWrite {
  readonly n: number;
  readonly deviceId: string;
  readonly command: 'client.create' | 'contact.record' | 'note.add' | 'consent.record' | 'referral.create';
  readonly collection: 'clients' | 'contacts' | 'notes' | 'consents' | 'referrals';
  readonly id: string;
  readonly mutationId: number;
}

/** A move of a referral's status; another device may have moved it first (then it is refused). */
export interface ReferralMove {
  readonly deviceId: string;
  readonly userId: string;
  readonly referralId: string;
  readonly to: string;
  readonly mutationId: number;
}

export interface ModelDevice {
  readonly deviceId: string;
  readonly slot: number;
  readonly role: Role;
  /** Revoked by the team lead (it may not know yet). */
  revoked: boolean;
  /** Erased itself after learning it was revoked. */
  erased: boolean;
  /** The highest mutation id it ever made (0: none). */
  lastMutationId: number;
  /** Mutations the server must refuse, with the reason (e.g. a peer editing a profile). */
  readonly expectedRejections: Map<number, RejectionCode>;
  /** Mutations the server may refuse, with the reason (a referral moved concurrently). */
  readonly allowedRejections: Map<number, RejectionCode>;
}

export interface SyncModel {
  readonly fieldWrites: FieldWrite[];
  readonly appends: AppendWrite[];
  readonly moves: ReferralMove[];
  readonly devices: Map<string, ModelDevice>;
  /** Run-unique tag for values, so two runs never write the same text. */
  readonly tag: string;
  writes: number;
  /** What happened during the run (sync outcomes, faults that struck), for the tally. */
  readonly events: Map<string, number>;
}

export function newModel(tag: string): SyncModel {
  return { fieldWrites: [], appends: [], moves: [], devices: new Map(), tag, writes: 0, events: new Map() };
}

/** Counts an event of the run. */
export function countEvent(model: SyncModel, event: string, times = 1): void {
  model.events.set(event, (model.events.get(event) ?? 0) + times);
}

export function addModelDevice(model: SyncModel, deviceId: string, slot: number, role: Role): void {
  model.devices.set(deviceId, { deviceId, slot, role, revoked: false, erased: false, lastMutationId: 0, expectedRejections: new Map(), allowedRejections: new Map() });
}

export function modelDevice(model: SyncModel, deviceId: string): ModelDevice {
  const device = model.devices.get(deviceId);
  if (device === undefined) throw new Error(`the model does not know device ${deviceId}`);
  return device;
}

/** The next write number, and a value no other write has (run tag + number). */
export function nextWrite(model: SyncModel): { n: number; text: string } {
  model.writes += 1;
  return { n: model.writes, text: `${model.tag}-${model.writes}` };
}

/** Notes a mutation the device made; `rejection` when the server must refuse it. */
export function noteMutation(model: SyncModel, deviceId: string, mutationId: number, rejection?: RejectionCode): void {
  const device = modelDevice(model, deviceId);
  if (mutationId <= device.lastMutationId) throw new Error(`mutation ids went back on ${deviceId}: ${mutationId} after ${device.lastMutationId}`);
  device.lastMutationId = mutationId;
  if (rejection !== undefined) device.expectedRejections.set(mutationId, rejection);
}
