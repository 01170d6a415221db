/**
 * The agency form: the shared schema's own rules for every field (a rule lives once), with
 * the text boxes a form has ("" for an empty phone) turned into the record's values (null).
 * Edits send only the fields that changed, so a lead's edit never overwrites a colleague's
 * change to another field. The rules are applied as they are; only their refusals are worded
 * here, from the catalogue, when the check runs (so in the language shown then).
 */
import { z } from 'zod';
import type { AgencyEditable, AgencyRecord } from '../../../shared/domain/agency';
import { agencyEditableFields, agencyEditableSchema } from '../../../shared/domain/agency';
import { jsonEqual } from '../../../shared/merge';
import { tooBigMaximum, worded } from '../../components/worded-rule';
import { t } from '../../i18n/i18n';
import type { MessageId } from '../../i18n/locales/en';

const s = agencyEditableSchema.shape;

/** A text the shared rule finds too long, with the rule's own limit; anything else it refuses, as `otherwise` words it. */
const tooLongOr =
  (otherwise: () => string) =>
  (issue: z.core.$ZodIssue): string => {
    const max = tooBigMaximum(issue);
    return max === null ? otherwise() : t('agencies.form.problem.tooLong', { max });
  };
const notAsItIs = () => t('agencies.form.problem.notAsItIs');

/** A session's refusal beside its field (a time that is no time), or the list's own (too many sessions). */
function sessionsRefusal(issue: z.core.$ZodIssue): string {
  const max = tooBigMaximum(issue);
  if (issue.path.length === 0) return max === null ? notAsItIs() : t('agencies.form.problem.tooManySessions', { max });
  const field = issue.path.at(-1);
  return field === 'opens' || field === 'closes' ? t('agencies.form.problem.time') : notAsItIs();
}

export const agencyFormSchema = z.object({
  name: worded(s.name, tooLongOr(() => t('agencies.form.problem.name'))),
  services: s.services,
  openingHours: worded(s.openingHours, sessionsRefusal),
  outOfHours: s.outOfHours,
  fastTrack: s.fastTrack,
  womenOnly: s.womenOnly,
  transInclusive: s.transInclusive,
  noIdNeeded: z.boolean(),
  interpretersAvailable: z.boolean(),
  acceptsAccompanied: z.boolean(),
  howToRefer: worded(s.howToRefer, tooLongOr(notAsItIs)),
  phone: worded(s.phone.unwrap().unwrap(), tooLongOr(notAsItIs)),
  address: worded(s.address.unwrap().unwrap(), tooLongOr(notAsItIs)),
});
export type AgencyForm = z.infer<typeof agencyFormSchema>;

export const emptyAgencyForm: AgencyForm = {
  name: '',
  services: [],
  openingHours: [],
  outOfHours: false,
  fastTrack: false,
  womenOnly: false,
  transInclusive: false,
  noIdNeeded: false,
  interpretersAvailable: false,
  acceptsAccompanied: false,
  howToRefer: '',
  phone: '',
  address: '',
};

export function agencyToForm(agency: AgencyRecord): AgencyForm {
  return {
    name: agency.name,
    services: [...agency.services],
    openingHours: agency.openingHours.map((session) => ({ ...session })),
    outOfHours: agency.outOfHours,
    fastTrack: agency.fastTrack,
    womenOnly: agency.womenOnly,
    transInclusive: agency.transInclusive,
    noIdNeeded: agency.noIdNeeded ?? false,
    interpretersAvailable: agency.interpretersAvailable ?? false,
    acceptsAccompanied: agency.acceptsAccompanied ?? false,
    howToRefer: agency.howToRefer,
    phone: agency.phone ?? '',
    address: agency.address ?? '',
  };
}

export function formToAgency(form: AgencyForm): AgencyEditable {
  return { ...form, phone: form.phone.trim() === '' ? null : form.phone.trim(), address: form.address.trim() === '' ? null : form.address.trim() };
}

/** The fields whose value the form changes, for `agency.update` (empty: nothing to send). */
export function changedAgencyFields(agency: AgencyRecord, form: AgencyForm): Partial<AgencyEditable> {
  const next = formToAgency(form);
  const before = formToAgency(agencyToForm(agency));
  return Object.fromEntries(agencyEditableFields.filter((field) => !jsonEqual(next[field], before[field])).map((field) => [field, next[field]]));
}

/** The weekdays a session can fall on, Sunday (0) first as `Date.getDay()` counts them: message ids, read where they render. */
export const DAY_NAMES: readonly MessageId[] = [
  'agencies.form.dayName.sunday',
  'agencies.form.dayName.monday',
  'agencies.form.dayName.tuesday',
  'agencies.form.dayName.wednesday',
  'agencies.form.dayName.thursday',
  'agencies.form.dayName.friday',
  'agencies.form.dayName.saturday',
];
