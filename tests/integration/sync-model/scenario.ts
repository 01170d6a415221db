/**
 * One run of the model test (arbitraries.ts generates it): a fresh team and its phones,
 * the caseload already synced to them, the generated sequence of people's actions and
 * faults, then a fault-free sync of every device, then the invariants. Any broken
 * invariant fails the run with the list of what broke; fast-check shrinks the sequence and
 * prints it with the seed.
 */
import fc from 'fast-check';
import { setTombstoneHorizon } from '../../../src/server/storage/records-store';
import { replicaDifferences } from './convergence';
import { describeSetups, type Scenario } from './arbitraries';
import { checkInvariants } from './invariants';
import { seedCaseload } from './caseload';
import { addModelDevice, countEvent, newModel, type SyncModel } from './model';
import type { ModelServer } from './model-server';
import { checkReferrals } from './referral-invariants';
import { readServerState, type ServerState } from './server-state';
import { syncWithoutFaults } from './sync-step';
import { createWorld, disposeWorld, type World } from './world';

let runs = 0;

/** What runs exercised, summed: printed after the test, so a reader sees the faults struck. */
export type Tally = Map<string, number>;

function tallyRun(tally: Tally, model: SyncModel, state: ServerState): void {
  countEvent(model, 'runs');
  countEvent(model, 'review items', state.records.filter((r) => r.collection === 'reviewItems').length);
  for (const device of model.devices.values()) {
    countEvent(model, 'refused', state.rejections(device.deviceId).size);
    if (device.erased) countEvent(model, 'unsynced writes erased with a revoked device', device.lastMutationId - state.watermark(device.deviceId));
  }
  for (const [event, count] of model.events) tally.set(event, (tally.get(event) ?? 0) + count);
}

/** The tally as one line. */
export function describeTally(tally: Tally): string {
  return [...tally].map(([event, count]) => `${event}: ${count}`).join(', ');
}

const SEEDED_CLIENTS = 2;

/**
 * The final fault-free sync: every device once, then again each one that synced before
 * another device pushed something (what one pushes, the others must pull).
 */
async function settle(world: World, model: SyncModel): Promise<void> {
  const pushed: number[] = [];
  for (const s of world.slots) pushed.push(await syncWithoutFaults(world, model, s));
  for (const [i, s] of world.slots.entries()) {
    if (pushed.slice(i + 1).some((count) => count > 0)) await syncWithoutFaults(world, model, s);
  }
}

/** Runs one scenario against `server`, counting into `tally`; throws with every broken invariant. */
export async function runScenario(server: ModelServer, scenario: Scenario, tally: Tally): Promise<void> {
  runs += 1;
  if (server.clockOffsetMs() !== 0) await server.restart(0);
  await setTombstoneHorizon(server.storage().db, 0);
  const world = await createWorld(server, scenario.setups);
  const model = newModel(`r${runs}`);
  for (const s of world.slots) addModelDevice(model, s.deviceId, s.index, s.role);
  try {
    await seedCaseload(world, model, SEEDED_CLIENTS);
    await fc.asyncModelRun(() => ({ model, real: world }), scenario.commands);
    await settle(world, model);
    const state = await readServerState(world, model);
    const problems = await checkInvariants(world, model, state);
    checkReferrals(model, state, problems);
    for (const s of world.slots) problems.push(...(await replicaDifferences(state, s)));
    tallyRun(tally, model, state);
    if (problems.length > 0) throw new Error(`${problems.length} invariant(s) broken [${describeSetups(scenario.setups)}]:\n${problems.join('\n')}`);
  } finally {
    await disposeWorld(world);
  }
}
