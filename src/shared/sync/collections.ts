/**
 * The synced collections and the schema of a record in each. Pull sends `{collection,
 * record}`; the device parses every record with this map before storing it.
 */
import { z } from 'zod';
import { agencyRecordSchema } from '../domain/agency';
import { appointmentRecordSchema } from '../domain/appointment';
import { assessmentRecordSchema } from '../domain/assessment';
import { clientRecordSchema } from '../domain/client';
import { consentRecordSchema } from '../domain/consent';
import { contactRecordSchema } from '../domain/contact';
import { dutyToNotifyRecordSchema } from '../domain/duty-to-notify';
import { followUpRecordSchema } from '../domain/follow-up';
import { noteRecordSchema } from '../domain/note';
import { nrmReferralRecordSchema } from '../domain/nrm';
import { observationRecordSchema } from '../domain/observation';
import { userRecordSchema } from '../domain/people';
import { referralRecordSchema } from '../domain/referral';
import { reviewItemRecordSchema } from '../domain/review-item';
import { safetyAlertRecordSchema } from '../domain/safety-alert';

export const collectionSchemas = {
  clients: clientRecordSchema,
  consents: consentRecordSchema,
  contacts: contactRecordSchema,
  assessments: assessmentRecordSchema,
  agencies: agencyRecordSchema,
  referrals: referralRecordSchema,
  appointments: appointmentRecordSchema,
  followUps: followUpRecordSchema,
  notes: noteRecordSchema,
  safetyAlerts: safetyAlertRecordSchema,
  reviewItems: reviewItemRecordSchema,
  users: userRecordSchema,
  observations: observationRecordSchema,
  nrmReferrals: nrmReferralRecordSchema,
  dutyToNotify: dutyToNotifyRecordSchema,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];
export const collectionNameSchema = z.enum(collectionNames as [CollectionName, ...CollectionName[]]);

export type RecordOf<C extends CollectionName> = z.infer<(typeof collectionSchemas)[C]>;
