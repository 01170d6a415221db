/**
 * Review queue items: a value that lost a concurrent write. Nothing is dropped silently;
 * the team lead sees both values and decides.
 */
import { z } from 'zod';
import { hlcStringSchema } from '../hlc';
import { idSchema } from '../ids';
import { isoDateTimeSchema } from './common';

export const reviewChoiceSchema = z.enum(['current', 'other', 'merged']);
export type ReviewChoice = z.infer<typeof reviewChoiceSchema>;

export const reviewItemRecordSchema = z.strictObject({
  id: idSchema,
  teamId: idSchema,
  collection: z.string(),
  recordId: idSchema,
  field: z.string(),
  losingValue: z.unknown(),
  losingHlc: hlcStringSchema,
  winningValue: z.unknown(),
  winningHlc: hlcStringSchema,
  status: z.enum(['open', 'resolved']),
  createdAt: isoDateTimeSchema,
  /** How a team lead resolved it: kept the current value, used the other, or wrote a merged one. */
  kept: reviewChoiceSchema.optional(),
  resolvedBy: idSchema.optional(),
  resolvedAt: isoDateTimeSchema.optional(),
});
export type ReviewItemRecord = z.infer<typeof reviewItemRecordSchema>;
