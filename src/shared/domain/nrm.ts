/**
 * The National Referral Mechanism (NRM): the UK's framework for identifying victims of
 * modern slavery and giving them support. A First Responder organisation refers the person;
 * the Home Office's competent authority makes a reasonable grounds decision, then (after a
 * recovery period with a support provider) a conclusive grounds decision; a negative one
 * may be reconsidered. Lantern records where the person is on that path; it decides nothing.
 *
 * An adult is referred only with their consent (a `nrm` consent given, after the
 * explanation); a child (may be under 18) is referred without consent, on the child
 * safeguarding route. An adult who does not consent may be counted by an anonymous Duty to
 * Notify instead (duty-to-notify.ts), which never names them.
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoDateTimeSchema, ownershipSchema, shortText } from './common';

export const nrmStatusSchema = z.enum([
  'referred',
  'rg_positive',
  'rg_negative',
  'rg_reconsideration',
  'cg_positive',
  'cg_negative',
  'cg_reconsideration',
  'withdrawn',
]);
export type NrmStatus = z.infer<typeof nrmStatusSchema>;

export const nrmRouteSchema = z.enum(['adult', 'child']);
export type NrmRoute = z.infer<typeof nrmRouteSchema>;

/** A calendar day, as a date input gives it: decisions arrive dated, not timed. */
export const calendarDaySchema = z.iso.date({ message: 'a day such as 2026-12-07' });

export const nrmReferArgsSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  route: nrmRouteSchema,
  /** The NRM consent the referral rests on; null only on the child route, which needs none. */
  consentId: idSchema.nullable(),
  /** The First Responder organisation that made the referral. */
  firstResponder: shortText(120).min(1, 'name the First Responder organisation'),
  referredOn: calendarDaySchema,
  /** The case reference the referral got, when there is one yet. */
  reference: shortText(60).nullable(),
  /** The follow-up opened to chase the reasonable grounds decision if it is late. */
  followUpId: idSchema,
});

export const nrmDecisionsSchema = z.strictObject({
  reasonableGroundsOn: calendarDaySchema.optional(),
  /** The recovery period's support provider, given with a positive reasonable grounds decision. */
  supportProvider: shortText(120).optional(),
  conclusiveGroundsOn: calendarDaySchema.optional(),
  reconsiderationRequestedOn: calendarDaySchema.optional(),
  withdrawnOn: calendarDaySchema.optional(),
});

export const nrmStatusChangeSchema = z.strictObject({
  status: nrmStatusSchema,
  on: calendarDaySchema,
  at: isoDateTimeSchema,
  by: idSchema,
});

export const nrmReferralRecordSchema = nrmReferArgsSchema.omit({ followUpId: true }).extend({
  ...ownershipSchema.shape,
  status: nrmStatusSchema,
  decisions: nrmDecisionsSchema,
  updatedAt: isoDateTimeSchema,
  history: z.array(nrmStatusChangeSchema),
});
export type NrmReferralRecord = z.infer<typeof nrmReferralRecordSchema>;
