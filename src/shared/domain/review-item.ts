/**
 * Review queue items: a value that lost a concurrent write. Nothing is dropped silently;
 * the team lead sees both values and decides.
 */
import { z } from 'zod';
import { hlcStringSchema } from '../hlc';
import { idSchema } from '../ids';
import { isoDateTimeSchema } from './common';

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
});
export type ReviewItemRecord = z.infer<typeof reviewItemRecordSchema>;
