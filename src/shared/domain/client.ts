/**
 * Client: the person a team supports. Only the alias is required, so someone can be
 * recorded before they share anything else. Restricted fields (legal name, date of birth
 * details) are never sent to a peer volunteer's device; see the server's policy table.
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { fieldClocksSchema, isoDateTimeSchema, ownershipSchema, shortText, type Role } from './common';

export const ageBandSchema = z.enum(['under_18', '18_24', '25_34', '35_44', '45_54', '55_plus']);
export const safeContactMethodSchema = z.enum(['in_person_only', 'phone_call', 'text', 'via_agency', 'do_not_contact']);
export const safetyFlagSchema = z.enum([
  'violent_partner',
  'being_watched',
  'no_contact_when_not_alone',
  'risk_to_workers',
  'self_harm_risk',
  'other',
]);
export type SafetyFlag = z.infer<typeof safetyFlagSchema>;
export const interpreterGenderSchema = z.enum(['woman', 'man', 'no_preference']);
export type InterpreterGender = z.infer<typeof interpreterGenderSchema>;

/** A language as an ISO 639 code (`ro`, `sq`, `ti`): shown in the person's own words by the app. */
const languageCodeSchema = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as ro');

/** The most languages a profile holds. */
export const MAX_LANGUAGES = 10;

export const clientProfileSchema = z.strictObject({
  alias: shortText(80).min(1, 'an alias is required'),
  legalName: shortText(200).nullable().optional(),
  birthYear: z
    .number()
    .int()
    .min(1900)
    .refine((year) => year <= new Date().getUTCFullYear(), 'birth year is in the future')
    .nullable()
    .optional(),
  ageBand: ageBandSchema.nullable().optional(),
  mayBeUnder18: z.boolean().optional(),
  genderIdentity: shortText(80).nullable().optional(),
  pronouns: shortText(40).nullable().optional(),
  /** Languages they speak: ISO 639 codes; records made before codes may hold a language's name. */
  languages: z.array(shortText(40)).max(MAX_LANGUAGES).optional(),
  preferredLanguage: languageCodeSchema.nullable().optional(),
  interpreterNeeded: z.boolean().nullable().optional(),
  /** What they asked for in an interpreter, when one is needed. */
  interpreterGender: interpreterGenderSchema.nullable().optional(),
  interpreterNotFromTheirCommunity: z.boolean().optional(),
  /** Registered with a GP: null or absent when not known. The rights card leads with registering when false. */
  gpRegistered: z.boolean().nullable().optional(),
  safeContactMethods: z.array(safeContactMethodSchema).max(5).optional(),
  usualAreas: z.array(shortText(80)).max(10).optional(),
  keyWorkerId: idSchema.nullable().optional(),
  safetyFlags: z.array(safetyFlagSchema).max(6).optional(),
  /**
   * "Do not process" (UK GDPR Article 18, restriction): the record is kept but the person is
   * left out of searches and reports except for team leads. Only a team lead sets it.
   */
  processingRestricted: z.boolean().optional(),
});
export type ClientProfile = z.infer<typeof clientProfileSchema>;
export type ClientProfileField = keyof ClientProfile;
export const clientProfileFields = clientProfileSchema.keyof().options;

/**
 * The profile fields a peer volunteer sees and may write: enough to recognise someone on the
 * street and keep them safe, nothing that identifies them elsewhere (decision in the
 * server's policy table, which is built from this list).
 */
export const peerClientProfileFields = ['alias', 'usualAreas', 'safetyFlags', 'keyWorkerId', 'processingRestricted'] as const satisfies readonly ClientProfileField[];

/** Profile fields only a team lead may write (the server's policy refuses anyone else). */
export const leadOnlyClientProfileFields = ['processingRestricted'] as const satisfies readonly ClientProfileField[];

/** Fields a peer volunteer never receives. */
export const restrictedClientFields = [
  'legalName',
  'birthYear',
  'genderIdentity',
  'languages',
  'preferredLanguage',
  'interpreterNeeded',
  'interpreterGender',
  'interpreterNotFromTheirCommunity',
  'gpRegistered',
] as const satisfies readonly ClientProfileField[];

/** Does a search by someone in `role` show this person? "Do not process" leaves them to team leads. */
export const shownInSearch = (role: Role, client: Pick<ClientProfile, 'processingRestricted'>): boolean => role === 'team_lead' || client.processingRestricted !== true;

export const clientRecordSchema = clientProfileSchema.extend({
  id: idSchema,
  ...ownershipSchema.shape,
  updatedAt: isoDateTimeSchema,
  clocks: fieldClocksSchema,
});
export type ClientRecord = z.infer<typeof clientRecordSchema>;
