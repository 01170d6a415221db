/**
 * Contacts: append-only log of meetings, anonymous or with a client. Where is an area,
 * never a GPS fix. A correction is a new contact that names the one it corrects.
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { area, isoDateTimeSchema, noteText, ownershipSchema } from './common';

export const suppliesSchema = z.strictObject({
  condoms: z.number().int().min(0).max(1000),
  needles: z.number().int().min(0).max(1000),
  naloxone: z.number().int().min(0).max(100),
  food: z.number().int().min(0).max(100),
  hygienePacks: z.number().int().min(0).max(100),
});
export type Supplies = z.infer<typeof suppliesSchema>;
export const noSupplies: Supplies = { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 };

export const contactOutcomeSchema = z.enum([
  'building_trust',
  'support_given',
  'referral_made',
  'appointment_booked',
  'signposted',
  'declined_support',
  'other',
]);
/** How the team met the person: on the street, at a drop-in, by phone, online, at the van or clinic, or on a visit they went with them to. */
export const contactKindSchema = z.enum(['street', 'drop_in', 'phone', 'online', 'van_clinic', 'accompanied_visit', 'other']);
export type ContactKind = z.infer<typeof contactKindSchema>;

export const contactArgsSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema.nullable(),
  at: isoDateTimeSchema,
  area,
  kind: contactKindSchema,
  supplies: suppliesSchema,
  outcome: contactOutcomeSchema,
  summary: noteText.optional(),
  corrects: idSchema.nullable().optional(),
});
export const contactRecordSchema = contactArgsSchema.extend(ownershipSchema.shape);
export type ContactRecord = z.infer<typeof contactRecordSchema>;
