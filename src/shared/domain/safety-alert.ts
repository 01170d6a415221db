/** Safety alerts: team-wide warnings raised on the street; they expire. */
import { z } from 'zod';
import { idSchema } from '../ids';
import { area, isoDateTimeSchema, ownershipSchema, shortText } from './common';

export const safetyAlertArgsSchema = z.strictObject({
  id: idSchema,
  area,
  message: shortText(500).min(1, 'say what the danger is'),
  expiresAt: isoDateTimeSchema,
});
export const safetyAlertRecordSchema = safetyAlertArgsSchema.extend(ownershipSchema.shape);
export type SafetyAlertRecord = z.infer<typeof safetyAlertRecordSchema>;
