/** Login, session and error bodies shared by the API and the device. */
import { z } from 'zod';
import { roleSchema, isoDateTimeSchema } from '../domain/common';
import { passwordSchema, usernameSchema, userRecordSchema } from '../domain/people';
import { idSchema } from '../ids';

export const loginRequestSchema = z.strictObject({
  username: usernameSchema,
  password: z.string().min(1, 'a password is required').max(200),
  deviceId: idSchema,
  deviceName: z.string().trim().max(80).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  teamId: idSchema,
  admin: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.strictObject({
  token: z.string().min(32),
  user: sessionUserSchema,
  expiresAt: isoDateTimeSchema,
  /** Signed in with a temporary password: choose one's own before anything else (absent in sessions kept by older versions). */
  mustChangePassword: z.boolean().optional(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meResponseSchema = z.strictObject({
  user: sessionUserSchema,
  deviceId: idSchema,
  idleLockMinutes: z.number().int(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/**
 * A new account. Without `password` the server makes a temporary one, answers it once, and
 * the person must choose their own at the first sign-in (how a team lead adds someone);
 * with one, it is theirs (scripted setup).
 */
export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  name: z.string().trim().min(1, 'a name is required').max(80),
  role: roleSchema,
  password: passwordSchema.optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** The temporary password is in this answer only: it is never stored or shown again. */
export const createUserResponseSchema = userRecordSchema.extend({ temporaryPassword: z.string().optional() });
export type CreateUserResponse = z.infer<typeof createUserResponseSchema>;

export const changePasswordRequestSchema = z
  .strictObject({
    currentPassword: z.string().min(1, 'your current password is required').max(200),
    newPassword: passwordSchema,
  })
  .refine((body) => body.newPassword !== body.currentPassword, { message: 'choose a password different from the current one', path: ['newPassword'] });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const temporaryPasswordResponseSchema = z.strictObject({ temporaryPassword: z.string() });
export type TemporaryPasswordResponse = z.infer<typeof temporaryPasswordResponseSchema>;

export const errorCodeSchema = z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'resync',
  'payload_too_large',
  'upgrade_required',
  'rate_limited',
  'unavailable',
  'conflict',
  'password_change_required',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Every error answer has this body; `message` is safe to show a person. */
export const errorBodySchema = z.strictObject({
  error: errorCodeSchema,
  message: z.string(),
  /** Set on a 401 for a revoked device: the device must erase its data. */
  wipe: z.boolean().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const healthResponseSchema = z.strictObject({ status: z.literal('ok'), schemaVersion: z.number().int() });
