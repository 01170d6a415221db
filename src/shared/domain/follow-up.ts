/** Follow-up tasks: opened by hand or by a missed appointment; done, never "discharged". */
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoDateTimeSchema, noteText, ownershipSchema } from './common';

export const followUpReasonSchema = z.enum(['missed_appointment', 'check_in', 'referral_chase', 'other']);
export type FollowUpReason = z.infer<typeof followUpReasonSchema>;
export const followUpStatusSchema = z.enum(['open', 'done']);

export const followUpArgsSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  reason: followUpReasonSchema,
  dueAt: isoDateTimeSchema,
  assigneeId: idSchema.nullable(),
  appointmentId: idSchema.nullable().optional(),
  notes: noteText.optional(),
});
export const followUpRecordSchema = followUpArgsSchema.extend({
  ...ownershipSchema.shape,
  status: followUpStatusSchema,
  updatedAt: isoDateTimeSchema,
  /** Who marked it done, and when (absent on follow-ups done before these were kept). */
  completedBy: idSchema.optional(),
  completedAt: isoDateTimeSchema.optional(),
});
export type FollowUpRecord = z.infer<typeof followUpRecordSchema>;
