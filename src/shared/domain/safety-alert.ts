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
export const safetyAlertRecordSchema = safetyAlertArgsSchema.extend({
  ...ownershipSchema.shape,
  /** Set when a team lead withdraws the alert before it expires. */
  withdrawnAt: isoDateTimeSchema.optional(),
  withdrawnBy: idSchema.optional(),
});

/** A team lead ends an alert early (the danger has passed, or it was raised by mistake). */
export const safetyAlertWithdrawArgsSchema = z.strictObject({ id: idSchema, at: isoDateTimeSchema });
export type SafetyAlertRecord = z.infer<typeof safetyAlertRecordSchema>;
