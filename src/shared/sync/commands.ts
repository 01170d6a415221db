/**
 * Named commands: the only way a device changes server state. Each has an args schema;
 * the server validates args, role and state machine, and records a permanent rejection
 * for anything it will never accept. Append-only records are created whole; mutable
 * entities are patched field by field (see merge.ts).
 */
import { z } from 'zod';
import { agencyEditableSchema } from '../domain/agency';
import { assessmentArgsSchema } from '../domain/assessment';
import { clientProfileSchema } from '../domain/client';
import { consentArgsSchema } from '../domain/consent';
import { contactArgsSchema } from '../domain/contact';
import { appointmentArgsSchema, appointmentStatusSchema } from '../domain/appointment';
import { isoDateTimeSchema } from '../domain/common';
import { followUpArgsSchema } from '../domain/follow-up';
import { dutyToNotifyArgsSchema } from '../domain/duty-to-notify';
import { noteArgsSchema } from '../domain/note';
import { calendarDaySchema, nrmReferArgsSchema, nrmStatusSchema } from '../domain/nrm';
import { observationArgsSchema } from '../domain/observation';
import { referralArgsSchema, referralStatusSchema } from '../domain/referral';
import { reviewChoiceSchema } from '../domain/review-item';
import { safetyAlertArgsSchema, safetyAlertWithdrawArgsSchema } from '../domain/safety-alert';
import { hlcStringSchema } from '../hlc';
import { idSchema } from '../ids';

export const clientCreateArgsSchema = z.strictObject({ id: idSchema, profile: clientProfileSchema });

export const clientUpdateArgsSchema = z.strictObject({
  id: idSchema,
  set: clientProfileSchema.partial().refine((s) => Object.keys(s).length > 0, 'nothing to change'),
  /** Per changed field, the clock of the value the author saw (null: unset). */
  seen: z.record(z.string(), hlcStringSchema.nullable()),
});

/** A referral made on the street is usually sent at once; a draft waits for the office. */
export const referralCreateArgsSchema = referralArgsSchema.extend({ status: z.enum(['draft', 'sent']) });

/** A move in the referral lifecycle (referral-status.ts decides which are allowed). */
export const referralTransitionArgsSchema = z.strictObject({
  id: idSchema,
  to: referralStatusSchema,
  at: isoDateTimeSchema,
});

/**
 * A move in the appointment lifecycle. Marking one missed opens a follow-up whose id the
 * device chooses, so its own copy and the server's are the same record.
 */
export const appointmentTransitionArgsSchema = z
  .strictObject({
    id: idSchema,
    to: appointmentStatusSchema.exclude(['booked']),
    at: isoDateTimeSchema,
    followUpId: idSchema.optional(),
    /** Who the missed appointment's follow-up goes to (the client's key worker); absent: whoever marked it. */
    followUpAssigneeId: idSchema.optional(),
    rescheduledTo: idSchema.optional(),
  })
  .refine((a) => a.to !== 'missed' || a.followUpId !== undefined, {
    message: 'a missed appointment opens a follow-up: followUpId is required',
    path: ['followUpId'],
  })
  .refine((a) => a.to !== 'rescheduled' || a.rescheduledTo !== undefined, {
    message: 'a rescheduled appointment names the new one: rescheduledTo is required',
    path: ['rescheduledTo'],
  });

/**
 * A team lead resolves a review item: keep the current value, use the other (the one that
 * lost), or write a merged `value`. Keeping another value rewrites that field of the client.
 */
export const reviewItemResolveArgsSchema = z
  .strictObject({ id: idSchema, keep: reviewChoiceSchema, value: z.unknown().optional(), at: isoDateTimeSchema })
  .refine((a) => (a.keep === 'merged') === (a.value !== undefined), { message: 'a merged value goes only with keep: merged', path: ['value'] });

/** Undoes "missed" within the shift (appointment-status.ts): booked again, its follow-up closed. */
export const appointmentUndoMissedArgsSchema = z.strictObject({ id: idSchema, at: isoDateTimeSchema });

export const followUpCompleteArgsSchema = z.strictObject({ id: idSchema, at: isoDateTimeSchema });

/** A team lead adds an agency to the team's directory. */
export const agencyCreateArgsSchema = z.strictObject({ id: idSchema, profile: agencyEditableSchema });

/** A team lead edits an agency, field by field like a client's profile (merge.ts). */
export const agencyUpdateArgsSchema = z.strictObject({
  id: idSchema,
  set: agencyEditableSchema.partial().refine((s) => Object.keys(s).length > 0, 'nothing to change'),
  seen: z.record(z.string(), hlcStringSchema.nullable()),
});

/** A team lead archives an agency (no longer offered for new referrals) or brings it back. */
export const agencyArchiveArgsSchema = z.strictObject({ id: idSchema, archived: z.boolean() });

/** A team lead gives an open follow-up to a colleague (null: nobody yet). */
export const followUpReassignArgsSchema = z.strictObject({ id: idSchema, assigneeId: idSchema.nullable() });

/**
 * A step on an NRM referral's path (nrm-status.ts): a decision, a reconsideration asked, or
 * a withdrawal, on the day it happened. A move into a new wait opens a follow-up with the
 * id the device chose; a positive reasonable grounds decision may name the support provider.
 */
export const nrmRecordArgsSchema = z
  .strictObject({
    id: idSchema,
    to: nrmStatusSchema.exclude(['referred']),
    on: calendarDaySchema,
    supportProvider: z.string().trim().min(1).max(120).optional(),
    followUpId: idSchema.optional(),
    at: isoDateTimeSchema,
  })
  .refine((a) => a.supportProvider === undefined || a.to === 'rg_positive', {
    message: 'a support provider goes only with a positive reasonable grounds decision',
    path: ['supportProvider'],
  });

export const commandArgsSchemas = {
  'client.create': clientCreateArgsSchema,
  'client.update': clientUpdateArgsSchema,
  'contact.record': contactArgsSchema,
  'assessment.record': assessmentArgsSchema,
  'consent.record': consentArgsSchema,
  'note.add': noteArgsSchema,
  'safetyAlert.raise': safetyAlertArgsSchema,
  'referral.create': referralCreateArgsSchema,
  'referral.transition': referralTransitionArgsSchema,
  'appointment.book': appointmentArgsSchema,
  'appointment.transition': appointmentTransitionArgsSchema,
  'appointment.undoMissed': appointmentUndoMissedArgsSchema,
  'followUp.create': followUpArgsSchema,
  'followUp.complete': followUpCompleteArgsSchema,
  'followUp.reassign': followUpReassignArgsSchema,
  'reviewItem.resolve': reviewItemResolveArgsSchema,
  'safetyAlert.withdraw': safetyAlertWithdrawArgsSchema,
  'agency.create': agencyCreateArgsSchema,
  'agency.update': agencyUpdateArgsSchema,
  'agency.archive': agencyArchiveArgsSchema,
  'observation.record': observationArgsSchema,
  'nrm.refer': nrmReferArgsSchema,
  'nrm.record': nrmRecordArgsSchema,
  'dutyToNotify.record': dutyToNotifyArgsSchema,
} as const;

export type CommandName = keyof typeof commandArgsSchemas;
export const commandNames = Object.keys(commandArgsSchemas) as CommandName[];
export type CommandArgs<N extends CommandName> = z.infer<(typeof commandArgsSchemas)[N]>;

/** A command as the device builds it, before it gets an outbox id and clock. */
export type Command = { [N in CommandName]: { name: N; args: CommandArgs<N> } }[CommandName];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandArgsSchemas, name);
}
