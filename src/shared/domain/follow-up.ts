/** Follow-up tasks: opened by hand, by a missed appointment or by an awaited NRM decision; done, never "discharged". */
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoDateTimeSchema, noteText, ownershipSchema } from './common';

export const followUpReasonSchema = z.enum(['missed_appointment', 'check_in', 'referral_chase', 'nrm_decision', 'other']);
export type FollowUpReason = z.infer<typeof followUpReasonSchema>;
export const followUpStatusSchema = z.enum(['open', 'done']);

export const followUpArgsSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  reason: followUpReasonSchema,
  dueAt: isoDateTimeSchema,
  assigneeId: idSchema.nullable(),
  appointmentId: idSchema.nullable().optional(),
  /** The NRM referral whose awaited decision it chases (nrm-status.ts). */
  nrmReferralId: idSchema.optional(),
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
