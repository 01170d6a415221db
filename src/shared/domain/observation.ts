/**
 * What a worker noticed that can be a sign of trafficking or control: observations, never
 * accusations, and never asked as a checklist of the person. Skippable; kept append-only
 * with who noticed and when (the ownership stamp). Workers and team leads see them; a peer
 * volunteer's device never receives them (the server's policy table has no entry for peers).
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoDateTimeSchema, noteText, ownershipSchema } from './common';

export const traffickingCueSchema = z.enum([
  'someone_else_answered',
  'not_allowed_to_speak_alone',
  'others_control_money',
  'others_hold_documents',
  'debt_to_those_who_brought_them',
  'signs_of_physical_control',
  'does_not_know_address',
  'unpaid_or_overlong_work',
  'moved_between_places',
]);
export type TraffickingCue = z.infer<typeof traffickingCueSchema>;

export const observationArgsSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  /** The encounter it was noticed in, when there was one. */
  contactId: idSchema.nullable().optional(),
  observedAt: isoDateTimeSchema,
  cues: z
    .array(traffickingCueSchema)
    .min(1, 'tick at least one thing you noticed')
    .max(traffickingCueSchema.options.length)
    .refine((cues) => new Set(cues).size === cues.length, 'each thing once'),
  notes: noteText.optional(),
});
export const observationRecordSchema = observationArgsSchema.extend(ownershipSchema.shape);
export type ObservationRecord = z.infer<typeof observationRecordSchema>;
