/**
 * Agencies: the partner directory, synced to every device so referrals work offline.
 * "Open now" is computed on the device from the opening hours.
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { fieldClocksSchema, isoDateTimeSchema, needDomainSchema, ownershipSchema, shortText } from './common';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

export const openingSessionSchema = z.strictObject({
  /** 0 = Sunday … 6 = Saturday. */
  day: z.number().int().min(0).max(6),
  opens: clockTime,
  closes: clockTime,
  dropIn: z.boolean(),
});

export const agencyProfileSchema = z.strictObject({
  name: shortText(120).min(1, 'a name is required'),
  services: z.array(needDomainSchema).max(8),
  openingHours: z.array(openingSessionSchema).max(50),
  outOfHours: z.boolean(),
  fastTrack: z.boolean(),
  womenOnly: z.boolean(),
  transInclusive: z.boolean(),
  howToRefer: shortText(1000),
  phone: shortText(40).nullable().optional(),
  address: shortText(200).nullable().optional(),
  /** No ID, proof of address or immigration status asked for. */
  noIdNeeded: z.boolean().optional(),
  interpretersAvailable: z.boolean().optional(),
  /** A worker may come along to the appointment. */
  acceptsAccompanied: z.boolean().optional(),
  isExample: z.boolean(),
  /** Archived agencies stay for the referrals that name them, but are no longer offered. */
  archived: z.boolean().optional(),
});
export type AgencyProfile = z.infer<typeof agencyProfileSchema>;

/** What a team lead writes about an agency: all but the example mark (the server's) and archiving (its own command). */
export const agencyEditableSchema = agencyProfileSchema.omit({ isExample: true, archived: true });
export type AgencyEditable = z.infer<typeof agencyEditableSchema>;
export const agencyEditableFields = agencyEditableSchema.keyof().options;

export const agencyRecordSchema = agencyProfileSchema.extend({
  id: idSchema,
  ...ownershipSchema.shape,
  updatedAt: isoDateTimeSchema,
  clocks: fieldClocksSchema,
});
export type AgencyRecord = z.infer<typeof agencyRecordSchema>;
