/**
 * One sync of one slot's device, and what the device does about the outcome the way the
 * app does: a crashed app is reopened, a wiped (revoked) device erases itself and its
 * owner signs in again. Checks what must hold after EVERY successful cycle: the outbox
 * drained (nothing is written during a cycle here) and the cursor did not move back.
 */
import { getCursor } from '../../../src/app/db/meta';
import { outboxSummary } from '../../../src/app/sync/outbox';
import { addModelDevice, countEvent, modelDevice, type SyncModel } from './model';
import { eraseAndSignInAgain, restartSlot, type Slot, type World } from './world';

export type StepOutcome = 'synced' | 'offline' | 'error' | 'wiped' | 'crashed';

export interface StepResult {
  readonly outcome: StepOutcome;
  /** Changes the cycle pushed (0 unless it succeeded). */
  readonly pushed: number;
}

/** Runs one sync cycle on `slot`; throws if an invariant of a single cycle breaks. */
export async function syncSlot(world: World, model: SyncModel, slot: Slot): Promise<StepResult> {
  const { device } = slot;
  const cursorBefore = await getCursor(device.db);
  const result = await device.engine.syncNow();
  const outcome = device.net.crashed ? 'crashed' : result.outcome;
  countEvent(model, `sync ${outcome}`);
  if (result.outcome === 'synced' && cursorBefore > 0 && device.engine.getStatus().firstSync !== null) countEvent(model, 'resync from 0');
  if (device.net.crashed) {
    restartSlot(world, slot);
    return { outcome: 'crashed', pushed: 0 };
  }
  if (result.outcome === 'wiped') {
    const known = modelDevice(model, slot.deviceId);
    if (!known.revoked) throw new Error(`device ${slot.index} erased itself but nobody revoked it`);
    known.erased = true;
    await eraseAndSignInAgain(world, slot);
    addModelDevice(model, slot.deviceId, slot.index, slot.role);
    return { outcome: 'wiped', pushed: 0 };
  }
  if (result.outcome !== 'synced') return { outcome: result.outcome, pushed: 0 };
  const { pending } = await outboxSummary(device.db);
  if (pending !== 0) throw new Error(`device ${slot.index}: a successful sync left ${pending} change(s) pending`);
  const cursorAfter = await getCursor(device.db);
  if (cursorAfter < cursorBefore) throw new Error(`device ${slot.index}: the cursor went back from ${cursorBefore} to ${cursorAfter}`);
  return { outcome: 'synced', pushed: result.pushed };
}

/**
 * A sync nothing interferes with: it must succeed (a revoked device first erases itself
 * and its owner signs in again). Returns how many changes it pushed.
 */
export async function syncWithoutFaults(world: World, model: SyncModel, slot: Slot): Promise<number> {
  let step = await syncSlot(world, model, slot);
  if (step.outcome === 'wiped') step = await syncSlot(world, model, slot);
  if (step.outcome === 'synced') return step.pushed;
  const status = slot.device.engine.getStatus();
  throw new Error(`device ${slot.index}: a sync without faults ended '${step.outcome}': ${JSON.stringify(status.lastError)}`);
}
