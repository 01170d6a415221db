/**
 * Appointments: mutable through named commands. A missed appointment opens a follow-up;
 * nothing is ever closed for non-attendance.
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoDateTimeSchema, ownershipSchema, shortText } from './common';
import { statusChangeSchema } from './referral';

export const appointmentStatusSchema = z.enum(['booked', 'attended', 'missed', 'cancelled', 'rescheduled']);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const appointmentArgsSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  agencyId: idSchema.nullable(),
  referralId: idSchema.nullable().optional(),
  at: isoDateTimeSchema,
  place: shortText(200),
  accompaniedBy: idSchema.nullable().optional(),
});
export const appointmentRecordSchema = appointmentArgsSchema.extend({
  ...ownershipSchema.shape,
  status: appointmentStatusSchema,
  rescheduledTo: idSchema.nullable().optional(),
  updatedAt: isoDateTimeSchema,
  history: z.array(statusChangeSchema),
});
export type AppointmentRecord = z.infer<typeof appointmentRecordSchema>;
