/** `GET /api/reports`: a team lead's figures for a period (shared/domain/report.ts). */
import { nrmStatusSchema } from '../domain/nrm';
import { z } from 'zod';
import { isoDateTimeSchema, needDomainSchema } from '../domain/common';
import { referralStatusSchema } from '../domain/referral';
import { contactKindSchema, suppliesSchema } from '../domain/contact';
import { idSchema } from '../ids';

const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone, like Europe/London');

/** At most a year at a time: reports are monthly, quarterly or yearly. */
const MAX_PERIOD_MS = 367 * 24 * 60 * 60 * 1000;

export const reportQuerySchema = z
  .strictObject({
    from: isoDateTimeSchema,
    to: isoDateTimeSchema,
    area: z.string().trim().min(1).max(80).optional(),
    workerId: idSchema.optional(),
    timeZone: timeZoneSchema.default('Europe/London'),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'the period ends after it starts', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_PERIOD_MS, { message: 'a report covers at most a year', path: ['to'] });
export type ReportQuery = z.input<typeof reportQuerySchema>;

const count = z.number().int().min(0);

export const reportSchema = z.strictObject({
  contacts: z.strictObject({
    total: count,
    known: count,
    anonymous: count,
    outOfHours: count,
    buildingTrust: count,
    byKind: z.array(z.strictObject({ kind: contactKindSchema, count })),
  }),
  people: z.strictObject({ unique: count, new: count, returning: count }),
  needs: z.array(z.strictObject({ domain: needDomainSchema, some: count, urgent: count })),
  referrals: z.strictObject({
    total: count,
    byAgency: z.array(z.strictObject({ agencyId: idSchema, count })),
    byStatus: z.array(z.strictObject({ status: referralStatusSchema, count })),
  }),
  appointments: z.strictObject({ due: count, attended: count, missed: count, stillBooked: count, accompanied: count }),
  legal: z.strictObject({ nrmReferrals: count, nrmByStatus: z.array(z.strictObject({ status: nrmStatusSchema, count })), dutyToNotify: count, childSafeguarding: count }),
  // Totals, not one contact's supplies: no per-contact bounds.
  supplies: z.strictObject(Object.fromEntries(suppliesSchema.keyof().options.map((kind) => [kind, count])) as Record<keyof z.infer<typeof suppliesSchema>, typeof count>),
  weekly: z.array(z.strictObject({ weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), contacts: count })),
});
export type ReportResponse = z.infer<typeof reportSchema>;
