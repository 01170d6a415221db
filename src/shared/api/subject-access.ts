/**
 * A person's own copy of what Lantern holds about them (subject access, UK GDPR Article
 * 15): their profile, every record about them, and who recorded or looked at what, when.
 * Team leads ask for it; the app shows it as a readable, printable page and saves it as
 * JSON. Names of staff and agencies are resolved on the lead's device, never stored here.
 */
import { z } from 'zod';
import { appointmentRecordSchema } from '../domain/appointment';
import { assessmentRecordSchema } from '../domain/assessment';
import { clientRecordSchema } from '../domain/client';
import { isoDateTimeSchema } from '../domain/common';
import { consentRecordSchema } from '../domain/consent';
import { contactRecordSchema } from '../domain/contact';
import { followUpRecordSchema } from '../domain/follow-up';
import { noteRecordSchema } from '../domain/note';
import { nrmReferralRecordSchema } from '../domain/nrm';
import { observationRecordSchema } from '../domain/observation';
import { referralRecordSchema } from '../domain/referral';
import { idSchema } from '../ids';

export const subjectAccessRecordsSchema = z.strictObject({
  consents: z.array(consentRecordSchema),
  contacts: z.array(contactRecordSchema),
  assessments: z.array(assessmentRecordSchema),
  notes: z.array(noteRecordSchema),
  referrals: z.array(referralRecordSchema),
  appointments: z.array(appointmentRecordSchema),
  followUps: z.array(followUpRecordSchema),
  observations: z.array(observationRecordSchema),
  nrmReferrals: z.array(nrmReferralRecordSchema),
});
export type SubjectAccessRecords = z.infer<typeof subjectAccessRecordsSchema>;

/** One line of the audit trail about them: who did what, when (ids only). */
export const subjectAccessEventSchema = z.strictObject({
  at: isoDateTimeSchema,
  userId: idSchema.nullable(),
  action: z.string(),
  collection: z.string().nullable(),
  recordId: z.string().nullable(),
});

export const subjectAccessSchema = z.strictObject({
  generatedAt: isoDateTimeSchema,
  person: clientRecordSchema,
  records: subjectAccessRecordsSchema,
  history: z.array(subjectAccessEventSchema),
});
export type SubjectAccess = z.infer<typeof subjectAccessSchema>;
