/**
 * Pieces shared by the lifecycle commands (referrals, appointments, follow-ups): when a
 * status change happened, how it is written into a record's history, and the common
 * "is this client / agency / colleague ours?" checks, each answering with the rejection a
 * device shows in "needs attention".
 */
import { MAX_CLOCK_AHEAD_MS } from '../../../shared/hlc';
import type { CommandContext, CommandOutcome } from './command';
import { rejected } from './command';
import { findTeamRecord, isActiveTeamMember } from './ownership';

export interface StatusChange {
  readonly status: string;
  readonly at: string;
  readonly by: string;
}

/**
 * When the device says a change happened. It is kept as the worker recorded it (a change
 * made offline at 2 am is still a 2 am change), except that a time further in the future
 * than clocks may drift is clamped to the server's now: it would push due dates out.
 */
export function eventTime(ctx: CommandContext, at: string): string {
  const nowMs = Date.parse(ctx.now);
  return Date.parse(at) > nowMs + MAX_CLOCK_AHEAD_MS ? ctx.now : new Date(Date.parse(at)).toISOString();
}

export function statusChange(ctx: CommandContext, status: string, at: string): StatusChange {
  return { status, at, by: ctx.user.id };
}

/** `what` with its article: "a referral", "an appointment". */
export function invalidTransition(what: string, from: string, to: string): CommandOutcome {
  return rejected('invalid_transition', `${what} cannot go from ${from} to ${to}`);
}

/** Null when the client is one of the caller's team's, else the rejection. */
export async function clientProblem(ctx: CommandContext, clientId: string): Promise<CommandOutcome | null> {
  return (await findTeamRecord(ctx, 'clients', clientId)) === undefined ? rejected('not_found', 'the client was not found') : null;
}

/** Null when the agency is in the team's directory (or none is named), else the rejection. */
export async function agencyProblem(ctx: CommandContext, agencyId: string | null): Promise<CommandOutcome | null> {
  if (agencyId === null) return null;
  return (await findTeamRecord(ctx, 'agencies', agencyId)) === undefined ? rejected('not_found', 'the agency is not in the team’s directory') : null;
}

/** Null when no colleague is named or the named one is an active member of the team. */
export async function colleagueProblem(ctx: CommandContext, userId: string | null | undefined, role: string): Promise<CommandOutcome | null> {
  if (userId === null || userId === undefined) return null;
  return (await isActiveTeamMember(ctx, userId)) ? null : rejected('not_found', `the ${role} is not an active member of the team`);
}

/** The first problem of several checks, run in order (each may read the database). */
export async function firstProblem(checks: readonly (() => Promise<CommandOutcome | null>)[]): Promise<CommandOutcome | null> {
  for (const check of checks) {
    const problem = await check();
    if (problem !== null) return problem;
  }
  return null;
}
