/**
 * Referrals: mutable through named commands only; status follows the state machine in
 * referral-status.ts. The consented summary holds only what the person agreed to share.
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoDateTimeSchema, needDomainSchema, noteText, ownershipSchema } from './common';

export const referralStatusSchema = z.enum([
  'draft',
  'sent',
  'acknowledged',
  'booked',
  'attended',
  'not_attended',
  'declined',
  'closed',
]);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;
export const urgencySchema = z.enum(['routine', 'soon', 'urgent']);

export const statusChangeSchema = z.strictObject({
  status: z.string().max(40),
  at: isoDateTimeSchema,
  by: idSchema,
});

export const referralArgsSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  agencyId: idSchema,
  need: needDomainSchema,
  urgency: urgencySchema,
  consentId: idSchema,
  consentedSummary: noteText,
  sharedFields: z.array(z.string().max(60)).max(40),
});
export const referralRecordSchema = referralArgsSchema.extend({
  ...ownershipSchema.shape,
  status: referralStatusSchema,
  updatedAt: isoDateTimeSchema,
  history: z.array(statusChangeSchema),
});
export type ReferralRecord = z.infer<typeof referralRecordSchema>;
