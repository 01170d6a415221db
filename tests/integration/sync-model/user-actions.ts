/**
 * What people do on their phones, as fast-check commands: create a client, change a
 * profile field, log a contact, add a note, press "Sync now". Each goes through the
 * device's real repositories on the device's own clock and is recorded in the model
 * (model.ts) with its mutation id and what the device showed before the change.
 */
import type fc from 'fast-check';
import { createContactsRepository } from '../../../src/app/db/repositories/contacts';
import { createNotesRepository } from '../../../src/app/db/repositories/notes';
import { highestOutboxId } from '../../../src/app/sync/outbox';
import type { ClientProfile, ClientRecord } from '../../../src/shared/domain/client';
import { uuidv7 } from '../../../src/shared/ids';
import { countEvent, nextWrite, noteMutation, type ProfileField, type SyncModel } from './model';
import { syncWithoutFaults } from './sync-step';
import type { Slot, World } from './world';

export type ModelCommand = fc.AsyncCommand<SyncModel, World>;

const isPeer = (slot: Slot): boolean => slot.role === 'peer_volunteer';

function slotOf(world: World, index: number): Slot {
  const slot = world.slots[index % world.slots.length];
  if (slot === undefined) throw new Error('no slot');
  return slot;
}

/** The `pick`-th client on the device (by alias), or undefined when it holds none. */
async function pickClient(slot: Slot, pick: number): Promise<ClientRecord | undefined> {
  const clients = await slot.device.clients.list();
  return clients[pick % Math.max(clients.length, 1)];
}

/** Past this, the server clamps a device's clocks (hlc.ts `MAX_CLOCK_AHEAD_MS`). */
const CLAMPED_AHEAD_MS = 5 * 60_000;

async function recordMutation(model: SyncModel, slot: Slot, forbidden: boolean): Promise<number> {
  const mutationId = await highestOutboxId(slot.device.db);
  noteMutation(model, slot.deviceId, mutationId, forbidden ? 'forbidden' : undefined);
  if (slot.clockOffsetMs > CLAMPED_AHEAD_MS) countEvent(model, 'write on a clock >5 min fast');
  return mutationId;
}

export class CreateClient implements ModelCommand {
  constructor(readonly slot: number, readonly withAreas: boolean) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    const { n, text } = nextWrite(model);
    const profile: ClientProfile = { alias: `alias ${text}`, ...(this.withAreas ? { usualAreas: [`area ${text}`] } : {}) };
    const record = await slot.device.clients.create(profile);
    const mutationId = await recordMutation(model, slot, false);
    model.appends.push({ n, deviceId: slot.deviceId, command: 'client.create', collection: 'clients', id: record.id, mutationId });
    for (const [field, value] of Object.entries(profile)) {
      model.fieldWrites.push({ n, deviceId: slot.deviceId, clientId: record.id, field: field as ProfileField, value, shown: undefined, mutationId });
    }
  }
  toString = (): string => `create(dev${this.slot}${this.withAreas ? ', with areas' : ''})`;
}

/** A peer volunteer may not edit a profile: the server refuses, the device shows it. */
export class UpdateClient implements ModelCommand {
  constructor(readonly slot: number, readonly pick: number, readonly field: ProfileField) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    const client = await pickClient(slot, this.pick);
    // A peer's screen never offers pronouns (a field it does not receive).
    const field: ProfileField = isPeer(slot) && this.field === 'pronouns' ? 'alias' : this.field;
    if (client === undefined) return;
    const { n, text } = nextWrite(model);
    const value = field === 'usualAreas' ? [`area ${text}`, 'Station Road'] : `${field} ${text}`;
    const shown: unknown = client[field];
    await slot.device.clients.update(client.id, { [field]: value });
    const mutationId = await recordMutation(model, slot, isPeer(slot));
    model.fieldWrites.push({ n, deviceId: slot.deviceId, clientId: client.id, field, value, shown, mutationId });
  }
  toString = (): string => `update(dev${this.slot}, client#${this.pick}, ${this.field})`;
}

export class RecordContact implements ModelCommand {
  constructor(readonly slot: number, readonly pick: number | null) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    const client = this.pick === null ? undefined : await pickClient(slot, this.pick);
    const { n } = nextWrite(model);
    const at = slot.device.now();
    const contact = await createContactsRepository(slot.device.repositoryDeps).record({
      id: uuidv7(at),
      clientId: client?.id ?? null,
      at: new Date(at).toISOString(),
      area: 'Docks',
      kind: 'street',
      supplies: { condoms: 2, needles: 0, naloxone: 1, food: 1, hygienePacks: 0 },
      outcome: 'building_trust',
    });
    const mutationId = await recordMutation(model, slot, false);
    model.appends.push({ n, deviceId: slot.deviceId, command: 'contact.record', collection: 'contacts', id: contact.id, mutationId });
  }
  toString = (): string => `contact(dev${this.slot}, ${this.pick === null ? 'anonymous' : `client#${this.pick}`})`;
}

/** Notes are not a peer volunteer's to write: refused and shown, like a profile edit. */
export class AddNote implements ModelCommand {
  constructor(readonly slot: number, readonly pick: number, readonly level: 'team' | 'restricted') {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    const client = await pickClient(slot, this.pick);
    if (client === undefined) return;
    const { n, text } = nextWrite(model);
    const { id } = await createNotesRepository(slot.device.repositoryDeps).add({ clientId: client.id, body: `note ${text}`, level: this.level });
    const mutationId = await recordMutation(model, slot, isPeer(slot));
    model.appends.push({ n, deviceId: slot.deviceId, command: 'note.add', collection: 'notes', id, mutationId });
  }
  toString = (): string => `note(dev${this.slot}, client#${this.pick}, ${this.level})`;
}

export class SyncNow implements ModelCommand {
  constructor(readonly slot: number) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    await syncWithoutFaults(world, model, slotOf(world, this.slot));
  }
  toString = (): string => `sync(dev${this.slot})`;
}

export { isPeer, pickClient, slotOf };
