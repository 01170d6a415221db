/** Building blocks shared by every domain record. */
import { z } from 'zod';
import { hlcStringSchema } from '../hlc';
import { idSchema } from '../ids';

export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'not a valid date and time' });

export const roleSchema = z.enum(['outreach_worker', 'peer_volunteer', 'team_lead']);
export type Role = z.infer<typeof roleSchema>;

/** Assessment domains, in the order a worker goes through them. */
export const needDomainSchema = z.enum([
  'gp_physical_health',
  'mental_health',
  'sexual_health',
  'drugs_alcohol',
  'housing',
  'domestic_abuse',
  'exploitation_trafficking',
  'immigration_nhs_entitlement',
]);
export type NeedDomain = z.infer<typeof needDomainSchema>;

export const needLevelSchema = z.enum(['none', 'some', 'urgent', 'not_asked', 'prefer_not_to_say']);
export type NeedLevel = z.infer<typeof needLevelSchema>;

/** Stamped by the server from the caller's token, never taken from a request. */
export const ownershipSchema = z.object({
  teamId: idSchema,
  createdBy: idSchema,
  createdAt: isoDateTimeSchema,
});

/** Mutable entities carry the clock of each field's last write (see merge.ts). */
export const fieldClocksSchema = z.record(z.string(), hlcStringSchema);

export const shortText = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
export const noteText = z.string().max(10_000, 'at most 10,000 characters');
export const area = shortText(80).min(1, 'an area is required');
