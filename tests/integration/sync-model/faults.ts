/**
 * Faults injected between (and inside) the people's actions, as fast-check commands: an
 * answer lost after the server committed, a push duplicated or replayed late and out of
 * order, the app dying mid-sync (at a request, or while writing a page's cursor), the
 * server restarting (its clock possibly stepped), a forced `409 resync` (at once, or in
 * the middle of a device's paging), a device revoked by the team lead, a phone whose
 * clock is changed. A fault may make a sync fail; it must never lose anything.
 */
import { highestSeq, setTombstoneHorizon } from '../../../src/server/storage/records-store';
import type { CrashPoint } from '../device';
import { modelDevice, type SyncModel } from './model';
import { syncSlot } from './sync-step';
import { slotOf, type ModelCommand } from './user-actions';
import { deskClient, type World } from './world';

/** A clock offset as hours, for the printed sequence. */
export const hours = (ms: number): string => `${ms >= 0 ? '+' : ''}${(ms / 3_600_000).toFixed(2)}h`;

export class SyncLosingAnswer implements ModelCommand {
  constructor(readonly slot: number) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    slot.device.net.loseNextPushResponse = true;
    await syncSlot(world, model, slot);
    slot.device.net.loseNextPushResponse = false;
  }
  toString = (): string => `syncLosingPushAnswer(dev${this.slot})`;
}

export class SyncDuplicatingPush implements ModelCommand {
  constructor(readonly slot: number) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    slot.device.net.duplicateNextPush = true;
    await syncSlot(world, model, slot);
    slot.device.net.duplicateNextPush = false;
  }
  toString = (): string => `syncDuplicatingPush(dev${this.slot})`;
}

/** An old push of the device arrives again, late, its mutations possibly reordered. */
export class ReplayPush implements ModelCommand {
  constructor(readonly slot: number, readonly pick: number, readonly reversed: boolean) {}
  check = (): boolean => true;
  async run(_model: SyncModel, world: World): Promise<void> {
    const { pushes } = slotOf(world, this.slot).device.net;
    const push = pushes[this.pick % Math.max(pushes.length, 1)];
    if (push === undefined) return;
    const body = JSON.parse(push.body) as { mutations: unknown[] };
    if (this.reversed) body.mutations.reverse();
    const response = await fetch(`${world.server.origin()}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: push.authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    // 401: the device was revoked since. Anything else but 200 is the server failing.
    if (response.status !== 200 && response.status !== 401) throw new Error(`a replayed push was answered ${response.status}`);
  }
  toString = (): string => `replayPush(dev${this.slot}, push#${this.pick}${this.reversed ? ', reversed' : ''})`;
}

/** The app dies at the `requests`-th request of a sync, then is reopened. */
export class CrashDuringSync implements ModelCommand {
  constructor(readonly slot: number, readonly requests: number, readonly point: CrashPoint) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    slot.device.net.crashAt = { requests: this.requests, point: this.point };
    await syncSlot(world, model, slot);
    slot.device.net.crashAt = null;
  }
  toString = (): string => `crash(dev${this.slot}, request ${this.requests}, ${this.point})`;
}

/** The app dies while storing a pulled page and its cursor: the transaction aborts. */
export class CrashWritingCursor implements ModelCommand {
  constructor(readonly slot: number) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    slot.device.net.crashOnCursorWrite = true;
    await syncSlot(world, model, slot);
    slot.device.net.crashOnCursorWrite = false;
  }
  toString = (): string => `crashWritingCursor(dev${this.slot})`;
}

export class RestartServer implements ModelCommand {
  constructor(readonly clockOffsetMs: number) {}
  check = (): boolean => true;
  async run(_model: SyncModel, world: World): Promise<void> {
    await world.server.restart(this.clockOffsetMs);
  }
  toString = (): string => `restartServer(clock ${this.clockOffsetMs / 60_000} min)`;
}

/** Retention moves the tombstone horizon past every cursor: the next pull answers 409. */
async function bumpHorizon(world: World): Promise<void> {
  const { db } = world.server.storage();
  await setTombstoneHorizon(db, (await highestSeq(db)) + 1);
}

/** `409 resync` for everyone; with a slot, it strikes in the middle of that device's paging. */
export class ForceResync implements ModelCommand {
  constructor(readonly midPullOf: number | null) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    if (this.midPullOf === null) {
      await bumpHorizon(world);
      return;
    }
    const slot = slotOf(world, this.midPullOf);
    const { net } = slot.device;
    net.afterPull = async () => {
      net.afterPull = null;
      await bumpHorizon(world);
    };
    await syncSlot(world, model, slot);
    net.afterPull = null;
  }
  toString = (): string => `resync(${this.midPullOf === null ? 'now' : `mid-pull of dev${this.midPullOf}`})`;
}

/** The team lead revokes a device; it learns at its next request and erases itself. */
export class Revoke implements ModelCommand {
  constructor(readonly slot: number) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    await deskClient(world).revokeDevice(slot.deviceId);
    modelDevice(model, slot.deviceId).revoked = true;
  }
  toString = (): string => `revoke(dev${this.slot})`;
}

/** Someone sets the phone's clock (right, or wrong). */
export class SetClock implements ModelCommand {
  constructor(readonly slot: number, readonly clockOffsetMs: number) {}
  check = (): boolean => true;
  async run(_model: SyncModel, world: World): Promise<void> {
    slotOf(world, this.slot).clockOffsetMs = this.clockOffsetMs;
  }
  toString = (): string => `setClock(dev${this.slot}, ${hours(this.clockOffsetMs)})`;
}

