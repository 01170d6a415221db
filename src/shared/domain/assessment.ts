/**
 * Assessments: append-only snapshots of need across every domain. The next encounter
 * starts from the last one ("still true?"), so nobody tells their story twice.
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoDateTimeSchema, needDomainSchema, needLevelSchema, noteText, ownershipSchema } from './common';

export const domainAssessmentSchema = z.strictObject({
  need: needLevelSchema,
  notes: noteText.optional(),
  /** Sub-items, e.g. wounds, testing, naloxone held; free keys kept short. */
  details: z.record(z.string().max(40), z.union([z.boolean(), z.string().max(200)])).optional(),
});

export const assessmentArgsSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  contactId: idSchema.nullable().optional(),
  assessedAt: isoDateTimeSchema,
  domains: z.partialRecord(needDomainSchema, domainAssessmentSchema),
  corrects: idSchema.nullable().optional(),
});
export const assessmentRecordSchema = assessmentArgsSchema.extend(ownershipSchema.shape);
export type AssessmentRecord = z.infer<typeof assessmentRecordSchema>;
