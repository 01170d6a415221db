/**
 * Duty to Notify: a public body in England and Wales tells the Home Office of a potential
 * adult victim of modern slavery who does not consent to an NRM referral. The notification
 * is anonymous, and so is Lantern's record of it: no client, no contact, no name, no place —
 * only that one was made, when, and the kind of exploitation, so the team can count them.
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { ownershipSchema, shortText } from './common';
import { calendarDaySchema } from './nrm';

export const exploitationKindSchema = z.enum(['sexual', 'labour', 'criminal', 'domestic_servitude', 'not_known']);
export type ExploitationKind = z.infer<typeof exploitationKindSchema>;

export const dutyToNotifyArgsSchema = z.strictObject({
  id: idSchema,
  notifiedOn: calendarDaySchema,
  exploitation: exploitationKindSchema,
  /** The Home Office's reference for the notification, when it gave one. */
  reference: shortText(60).nullable(),
});
export const dutyToNotifyRecordSchema = dutyToNotifyArgsSchema.extend(ownershipSchema.shape);
export type DutyToNotifyRecord = z.infer<typeof dutyToNotifyRecordSchema>;
