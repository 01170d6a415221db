/**
 * The client profile form: text inputs as a person types them, turned into a profile
 * patch that the shared schema validates (the same schema the server applies).
 */
import { z } from 'zod';
import type { Role } from '../../../shared/domain/common';
import {
  clientProfileSchema,
  interpreterGenderSchema,
  leadOnlyClientProfileFields,
  peerClientProfileFields,
  safetyFlagSchema,
  type ClientProfile,
  type ClientRecord,
} from '../../../shared/domain/client';
import { t } from '../../i18n/i18n';

/** A yes or no that may not have been asked yet. */
const unaskedYesNo = z.enum(['', 'yes', 'no']);
const fromYesNo = (answer: z.infer<typeof unaskedYesNo>): boolean | null => (answer === '' ? null : answer === 'yes');
const toYesNo = (value: boolean | null | undefined): z.infer<typeof unaskedYesNo> => (value == null ? '' : value ? 'yes' : 'no');

export const clientFormSchema = z.object({
  // Messages are functions, read when the form is checked: the language may have changed since.
  alias: z
    .string()
    .trim()
    .min(1, { error: () => t('clients.validation.aliasRequired') })
    .max(80),
  legalName: z.string().trim().max(200),
  birthYear: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, { error: () => t('clients.validation.birthYear') }),
  pronouns: z.string().trim().max(40),
  genderIdentity: z.string().trim().max(80),
  usualAreas: z.string().max(400),
  mayBeUnder18: z.boolean(),
  languages: clientProfileSchema.shape.languages.unwrap(),
  preferredLanguage: z.string(),
  interpreterNeeded: unaskedYesNo,
  interpreterGender: z.union([z.literal(''), interpreterGenderSchema]),
  interpreterNotFromTheirCommunity: z.boolean(),
  gpRegistered: unaskedYesNo,
  safetyFlags: z.array(safetyFlagSchema),
  processingRestricted: z.boolean(),
});
export type ClientForm = z.infer<typeof clientFormSchema>;

export const emptyClientForm: ClientForm = {
  alias: '',
  legalName: '',
  birthYear: '',
  pronouns: '',
  genderIdentity: '',
  usualAreas: '',
  mayBeUnder18: false,
  languages: [],
  preferredLanguage: '',
  interpreterNeeded: '',
  interpreterGender: '',
  interpreterNotFromTheirCommunity: false,
  gpRegistered: '',
  safetyFlags: [],
  processingRestricted: false,
};

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The form's values for an existing client (absent fields become empty inputs). */
export function clientToForm(client: ClientRecord): ClientForm {
  return {
    alias: client.alias,
    legalName: client.legalName ?? '',
    birthYear: client.birthYear == null ? '' : String(client.birthYear),
    pronouns: client.pronouns ?? '',
    genderIdentity: client.genderIdentity ?? '',
    usualAreas: (client.usualAreas ?? []).join(', '),
    mayBeUnder18: client.mayBeUnder18 ?? false,
    languages: client.languages ?? [],
    preferredLanguage: client.preferredLanguage ?? '',
    interpreterNeeded: toYesNo(client.interpreterNeeded),
    interpreterGender: client.interpreterGender ?? '',
    interpreterNotFromTheirCommunity: client.interpreterNotFromTheirCommunity ?? false,
    gpRegistered: toYesNo(client.gpRegistered),
    safetyFlags: client.safetyFlags ?? [],
    processingRestricted: client.processingRestricted ?? false,
  };
}

/**
 * Is this form field one `role` sees and may write? A peer: alias, areas, safety flags. "Do
 * not process": a team lead only.
 */
export function formShowsField(role: Role, field: keyof ClientForm): boolean {
  if ((leadOnlyClientProfileFields as readonly string[]).includes(field)) return role === 'team_lead';
  return role !== 'peer_volunteer' || (peerClientProfileFields as readonly string[]).includes(field);
}

/**
 * The profile from the form, validated by the shared schema: only the fields `role` may
 * write (the server refuses any other).
 */
export function formToProfile(form: ClientForm, role: Role = 'outreach_worker'): ClientProfile {
  const profile = fullProfile(form);
  return Object.fromEntries(Object.entries(profile).filter(([field]) => formShowsField(role, field as keyof ClientForm))) as ClientProfile;
}

function fullProfile(form: ClientForm): ClientProfile {
  return clientProfileSchema.parse({
    alias: form.alias.trim(),
    legalName: orNull(form.legalName),
    birthYear: form.birthYear.trim() === '' ? null : Number(form.birthYear),
    pronouns: orNull(form.pronouns),
    genderIdentity: orNull(form.genderIdentity),
    usualAreas: form.usualAreas
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    mayBeUnder18: form.mayBeUnder18,
    languages: form.languages,
    // Preferred among those they speak; interpreter wishes only when one is needed.
    preferredLanguage: form.languages.includes(form.preferredLanguage) ? form.preferredLanguage : null,
    interpreterNeeded: fromYesNo(form.interpreterNeeded),
    interpreterGender: form.interpreterNeeded === 'yes' && form.interpreterGender !== '' ? form.interpreterGender : null,
    interpreterNotFromTheirCommunity: form.interpreterNeeded === 'yes' && form.interpreterNotFromTheirCommunity,
    gpRegistered: fromYesNo(form.gpRegistered),
    safetyFlags: form.safetyFlags,
    processingRestricted: form.processingRestricted,
  });
}

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === false || (Array.isArray(value) && value.length === 0);

/** Only the fields that changed, so an edit never overwrites what it did not touch. */
export function changedFields(before: ClientRecord, after: ClientProfile): Partial<ClientProfile> {
  const changed: Partial<Record<keyof ClientProfile, unknown>> = {};
  for (const [field, value] of Object.entries(after) as [keyof ClientProfile, unknown][]) {
    const previous: unknown = before[field];
    if (isEmpty(previous) && isEmpty(value)) continue;
    if (JSON.stringify(previous) !== JSON.stringify(value)) changed[field] = value;
  }
  return changed as Partial<ClientProfile>;
}
