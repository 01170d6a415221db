/** Notes: append-only; "restricted" notes are for the key worker and team lead. */
import { z } from 'zod';
import { idSchema } from '../ids';
import { noteText, ownershipSchema } from './common';

export const noteLevelSchema = z.enum(['team', 'restricted']);

export const noteArgsSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  body: noteText.min(1, 'a note cannot be empty'),
  level: noteLevelSchema,
  corrects: idSchema.nullable().optional(),
});
export const noteRecordSchema = noteArgsSchema.extend(ownershipSchema.shape);
export type NoteRecord = z.infer<typeof noteRecordSchema>;
