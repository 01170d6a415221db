/**
 * What must hold once every device has synced without faults (DESIGN.md, "Invariants"):
 *
 * - every device's mutations reached the server exactly once: its watermark is its last
 *   mutation, each record written once (audit log), nothing of a mutation that was never
 *   applied is on the server;
 * - the server refused exactly what it had to (a peer volunteer editing a profile), and
 *   every refusal is visible on its device ("needs attention"), never hidden;
 * - nothing is lost: for every client field, each device's last applied write is the
 *   server's value, or a losing value in the review queue, or was replaced by someone
 *   whose screen showed it. A revoked device erases itself, so what it had not synced is
 *   gone BY DESIGN (DESIGN.md, "Security model"): those writes are not counted as applied.
 */
import { rejectedEntries } from '../../../src/app/sync/outbox';
import { jsonEqual } from '../../../src/shared/merge';
import type { FieldWrite, ModelDevice, SyncModel } from './model';
import type { ServerState } from './server-state';
import type { World } from './world';

/** Was this mutation of this device applied (and not refused) by the server? */
export function isApplied(state: ServerState, deviceId: string, mutationId: number): boolean {
  return mutationId <= state.watermark(deviceId) && !state.rejections(deviceId).has(mutationId);
}

function checkRejections(device: ModelDevice, state: ServerState, problems: string[]): void {
  const refused = state.rejections(device.deviceId);
  for (const [id, code] of refused) {
    const expected = device.expectedRejections.get(id) ?? device.allowedRejections.get(id);
    if (expected !== code) problems.push(`device ${device.slot} (${device.deviceId}): mutation ${id} was refused '${code}', expected ${expected ?? 'to be applied'}`);
  }
  for (const [id, code] of device.expectedRejections) {
    if (id <= state.watermark(device.deviceId) && !refused.has(id)) problems.push(`device ${device.slot}: mutation ${id} should have been refused '${code}' but was applied`);
  }
}

/** Every live device delivered everything, and shows every refusal. */
async function checkDelivery(world: World, model: SyncModel, state: ServerState, problems: string[]): Promise<void> {
  for (const device of model.devices.values()) {
    checkRejections(device, state, problems);
    if (device.erased) continue;
    const watermark = state.watermark(device.deviceId);
    if (watermark !== device.lastMutationId) problems.push(`device ${device.slot}: made mutations up to ${device.lastMutationId}, the server's watermark is ${watermark}`);
    const slot = world.slots[device.slot];
    if (slot?.deviceId !== device.deviceId) continue;
    const shown = (await rejectedEntries(slot.device.db, slot.device.cipher)).map(({ entry }) => entry.id).sort((a, b) => a - b);
    const refused = [...state.rejections(device.deviceId).keys()].sort((a, b) => a - b);
    if (!jsonEqual(shown, refused)) problems.push(`device ${device.slot}: shows refusals ${JSON.stringify(shown)}, the server refused ${JSON.stringify(refused)}`);
  }
}

/** Each applied record was written exactly once; nothing unapplied reached the server. */
function checkAppends(model: SyncModel, state: ServerState, problems: string[]): void {
  for (const write of model.appends) {
    const applied = isApplied(state, write.deviceId, write.mutationId);
    const onServer = state.live(write.collection, write.id) !== undefined;
    const writes = state.auditedWrites(write.command, write.id);
    if (applied && (!onServer || writes !== 1)) {
      problems.push(`${write.command} ${write.id} (device ${modelSlot(model, write.deviceId)}, mutation ${write.mutationId}): acknowledged, on the server: ${onServer}, written ${writes} time(s)`);
    }
    if (!applied && onServer) problems.push(`${write.command} ${write.id}: on the server, but its mutation ${write.mutationId} is above the watermark or refused`);
  }
}

const modelSlot = (model: SyncModel, deviceId: string): number => model.devices.get(deviceId)?.slot ?? -1;

/** The last applied write of each device to each client field. */
function lastWrites(model: SyncModel, state: ServerState): FieldWrite[] {
  const last = new Map<string, FieldWrite>();
  for (const write of model.fieldWrites) {
    if (!isApplied(state, write.deviceId, write.mutationId)) continue;
    const key = `${write.clientId}/${write.field}/${write.deviceId}`;
    const seen = last.get(key);
    if (seen === undefined || seen.n < write.n) last.set(key, write);
  }
  return [...last.values()];
}

function inReviewQueue(state: ServerState, write: FieldWrite): boolean {
  return state.records.some(
    (r) => r.collection === 'reviewItems' && !r.deleted && r.data?.recordId === write.clientId && r.data.field === write.field && jsonEqual(r.data.losingValue, write.value),
  );
}

function replacedBySomeoneWhoSawIt(model: SyncModel, state: ServerState, write: FieldWrite): boolean {
  return model.fieldWrites.some(
    (other) =>
      other.clientId === write.clientId &&
      other.field === write.field &&
      other.deviceId !== write.deviceId &&
      jsonEqual(other.shown, write.value) &&
      isApplied(state, other.deviceId, other.mutationId),
  );
}

/** Nothing lost silently: see the module comment. */
function checkFields(model: SyncModel, state: ServerState, problems: string[]): void {
  for (const write of lastWrites(model, state)) {
    const client = state.live('clients', write.clientId);
    if (client !== undefined && jsonEqual(client[write.field], write.value)) continue;
    if (inReviewQueue(state, write) || replacedBySomeoneWhoSawIt(model, state, write)) continue;
    problems.push(
      `client ${write.clientId} ${write.field}: device ${modelSlot(model, write.deviceId)}'s last write ${JSON.stringify(write.value)} (mutation ${write.mutationId}) ` +
        `was lost: the server holds ${JSON.stringify(client?.[write.field])}, no review item has it, nobody who saw it replaced it`,
    );
  }
}

/** A conflict is queued once: the same losing write twice means a mutation was applied twice. */
function checkReviewQueue(state: ServerState, problems: string[]): void {
  const seen = new Set<string>();
  for (const r of state.records) {
    if (r.collection !== 'reviewItems' || r.data === null) continue;
    const key = `${String(r.data.recordId)}/${String(r.data.field)}/${String(r.data.losingHlc)}`;
    if (seen.has(key)) problems.push(`review item ${r.id}: the losing write ${key} is queued twice`);
    seen.add(key);
  }
}

/** Every invariant that needs only the server and the model; returns the problems. */
export async function checkInvariants(world: World, model: SyncModel, state: ServerState): Promise<string[]> {
  const problems: string[] = [];
  await checkDelivery(world, model, state, problems);
  checkAppends(model, state, problems);
  checkFields(model, state, problems);
  checkReviewQueue(state, problems);
  return problems;
}
