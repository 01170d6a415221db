/**
 * What the model test generates: four phones (two outreach workers, a team lead, a peer
 * volunteer), each on its own wall clock — right, a little off, or up to 48 hours wrong
 * either way — and a short sequence of people's actions and faults. People's actions and
 * plain syncs are most of a sequence; each kind of fault is rarer.
 */
import fc from 'fast-check';
import type { Role } from '../../../src/shared/domain/common';
import { CrashDuringSync, CrashWritingCursor, ForceResync, ReplayPush, RestartServer, Revoke, SetClock, SyncDuplicatingPush, SyncLosingAnswer, hours } from './faults';
import { profileFields } from './model';
import { MoveReferral, Refer } from './referral-actions';
import { AddNote, CreateClient, RecordContact, SyncNow, UpdateClient, type ModelCommand } from './user-actions';
import type { SlotSetup } from './world';

const ROLES: readonly Role[] = ['outreach_worker', 'outreach_worker', 'team_lead', 'peer_volunteer'];
const HOUR = 3_600_000;
const MAX_SKEW = 48 * HOUR;
export const MAX_COMMANDS = 12;

/** A phone's clock: right, a little off, or far off (past the server's 5-minute clamp). */
const clockOffset = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -MAX_SKEW, max: MAX_SKEW }),
  fc.constantFrom(6 * 60_000, -6 * 60_000, MAX_SKEW, -MAX_SKEW),
);

const slotSetups: fc.Arbitrary<SlotSetup[]> = fc.tuple(
  ...ROLES.map((role) => fc.record({ role: fc.constant(role), clockOffsetMs: clockOffset, pullLimit: fc.constantFrom(2, 5, 500) })),
);

const slot = fc.nat({ max: ROLES.length - 1 });
const pick = fc.nat({ max: 7 });

const command: fc.Arbitrary<ModelCommand> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(slot, fc.boolean()).map(([s, areas]): ModelCommand => new CreateClient(s, areas)) },
  { weight: 10, arbitrary: fc.tuple(slot, pick, fc.constantFrom(...profileFields)).map(([s, p, f]): ModelCommand => new UpdateClient(s, p, f)) },
  { weight: 2, arbitrary: fc.tuple(slot, fc.option(pick)).map(([s, p]): ModelCommand => new RecordContact(s, p)) },
  { weight: 2, arbitrary: fc.tuple(slot, pick, fc.constantFrom('team' as const, 'restricted' as const)).map(([s, p, l]): ModelCommand => new AddNote(s, p, l)) },
  { weight: 2, arbitrary: fc.tuple(slot, pick).map(([s, p]): ModelCommand => new Refer(s, p)) },
  { weight: 3, arbitrary: fc.tuple(slot, pick, fc.nat({ max: 3 })).map(([s, p, c]): ModelCommand => new MoveReferral(s, p, c)) },
  { weight: 8, arbitrary: slot.map((s): ModelCommand => new SyncNow(s)) },
  { weight: 1, arbitrary: slot.map((s): ModelCommand => new SyncLosingAnswer(s)) },
  { weight: 1, arbitrary: slot.map((s): ModelCommand => new SyncDuplicatingPush(s)) },
  { weight: 1, arbitrary: fc.tuple(slot, pick, fc.boolean()).map(([s, p, r]): ModelCommand => new ReplayPush(s, p, r)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(slot, fc.integer({ min: 1, max: 4 }), fc.constantFrom('before-send' as const, 'after-answer' as const))
      .map(([s, k, at]): ModelCommand => new CrashDuringSync(s, k, at)),
  },
  { weight: 1, arbitrary: slot.map((s): ModelCommand => new CrashWritingCursor(s)) },
  { weight: 1, arbitrary: fc.constantFrom(0, -10 * 60_000, 3 * 60_000).map((offset): ModelCommand => new RestartServer(offset)) },
  { weight: 1, arbitrary: fc.option(slot).map((s): ModelCommand => new ForceResync(s)) },
  { weight: 1, arbitrary: slot.map((s): ModelCommand => new Revoke(s)) },
  { weight: 1, arbitrary: fc.tuple(slot, clockOffset).map(([s, offset]): ModelCommand => new SetClock(s, offset)) },
);

export interface Scenario {
  readonly setups: SlotSetup[];
  readonly commands: Iterable<ModelCommand>;
}

/** One generated run: how the phones are set up, and what happens. */
export function scenarios(): fc.Arbitrary<Scenario> {
  return fc.record({ setups: slotSetups, commands: fc.commands([command], { maxCommands: MAX_COMMANDS, size: 'max' }) });
}

/** How the phones were set up, for the failure report. */
export function describeSetups(setups: readonly SlotSetup[]): string {
  return setups.map((s, i) => `dev${i}: ${s.role}, clock ${hours(s.clockOffsetMs)}, pull ${s.pullLimit}`).join('; ');
}
