/**
 * Consent events: append-only, never defaulted to yes. Each records what was decided,
 * by whom, when and how; a withdrawal is a new event. The current consent state of a
 * client is derived from the latest event per (kind, agency, purpose).
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { isoDateTimeSchema, ownershipSchema, shortText } from './common';

export const consentKindSchema = z.enum(['store', 'share', 'nrm', 'duty_to_notify', 'child_safeguarding']);
export const consentDecisionSchema = z.enum(['given', 'declined', 'withdrawn']);
export const consentMethodSchema = z.enum(['verbal', 'written', 'via_interpreter']);

/** What must be explained before an adult can consent to an NRM referral. */
export const nrmExplanationItems = [
  'what_the_nrm_is',
  'support_available',
  'voluntary_and_can_withdraw',
  'information_shared_with_home_office',
  'immigration_implications',
] as const;
export const nrmExplanationItemSchema = z.enum(nrmExplanationItems);

/** Was every point of the NRM explanation given? An adult's NRM consent counts only then. */
export const nrmExplainedInFull = (given: readonly string[] | undefined): boolean => nrmExplanationItems.every((item) => given?.includes(item) === true);

export const consentArgsSchema = z.strictObject({
  id: idSchema,
  clientId: idSchema,
  kind: consentKindSchema,
  decision: consentDecisionSchema,
  method: consentMethodSchema,
  decidedAt: isoDateTimeSchema,
  agencyId: idSchema.nullable().optional(),
  purpose: shortText(200).nullable().optional(),
  explanationGiven: z.array(nrmExplanationItemSchema).max(nrmExplanationItems.length).optional(),
  supersedes: idSchema.nullable().optional(),
});
export const consentRecordSchema = consentArgsSchema.extend(ownershipSchema.shape);
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
