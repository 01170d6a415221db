/**
 * The quick contact log: supplies as counters and the contact record they become. Pure, so
 * the "under 10 seconds" form holds no logic of its own. Bounds come from the shared schema
 * (the same one the server applies), never from numbers copied here.
 */
import { z } from 'zod';
import { contactArgsSchema, noSupplies, type ContactKind, type Supplies } from '../../../shared/domain/contact';
import { setSupply, type SupplyKind } from '../../components/supplies';
import type { contactOutcomeSchema } from '../../../shared/domain/contact';
import { t } from '../../i18n/i18n';

export type ContactArgs = z.infer<typeof contactArgsSchema>;
export type ContactOutcome = z.infer<typeof contactOutcomeSchema>;
export type { SupplyKind } from '../../components/supplies';

export const addSupply = (supplies: Supplies, kind: SupplyKind): Supplies => setSupply(supplies, kind, supplies[kind] + 1);
export const removeSupply = (supplies: Supplies, kind: SupplyKind): Supplies =>
  setSupply(supplies, kind, supplies[kind] - 1);

/** What the form holds between two people. */
export interface QuickContactForm {
  readonly area: string;
  /** How they met: a shift is usually all one kind, so the next form keeps it. */
  readonly kind: ContactKind;
  /** null: anonymous (the default — nobody has to give a name to get supplies). */
  readonly clientId: string | null;
  readonly supplies: Supplies;
  readonly outcome: ContactOutcome;
}

/** A fresh form for the next person: same area and kind of contact, anonymous, nothing given, "building trust". */
export function newQuickContact(area: string, kind: ContactKind = 'street'): QuickContactForm {
  return { area, kind, clientId: null, supplies: noSupplies, outcome: 'building_trust' };
}

/** The area to start from: the one of the most recent contact on this device, if any. */
export function rememberedArea(recent: ReadonlyArray<{ readonly at: string; readonly area: string }>): string {
  let latest: { at: string; area: string } | undefined;
  for (const contact of recent) if (latest === undefined || contact.at > latest.at) latest = contact;
  return latest?.area ?? '';
}

/** The shared rule for an area (trimmed, not empty, not too long), applied as it is: the form never restates it. */
const sharedArea = contactArgsSchema.shape.area;

/** Why the shared schema refuses this area, in the words the screen shows (in the active language, read when the check runs). */
function areaRefusal(area: unknown): string {
  const issue = sharedArea.safeParse(area).error?.issues[0];
  return issue?.code === 'too_big' ? t('contacts.problem.areaTooLong', { max: Number(issue.maximum) }) : t('contacts.problem.area');
}

/**
 * What the form checks before it saves: the shared contact args' own fields, and the area
 * checked by the shared rule with its refusal worded from the catalogue. The id and the time
 * are stamped when it is saved (`buildContactArgs`).
 */
export const quickContactFormSchema = contactArgsSchema.pick({ kind: true, clientId: true, supplies: true, outcome: true }).extend({
  area: z.string().refine((area) => sharedArea.safeParse(area).success, { error: (issue) => areaRefusal(issue.input) }),
});

/** The `contact.record` args for this form, validated by the shared schema (throws if invalid). */
export function buildContactArgs(form: QuickContactForm, id: string, at: Date): ContactArgs {
  return contactArgsSchema.parse({
    id,
    clientId: form.clientId,
    at: at.toISOString(),
    area: form.area.trim(),
    kind: form.kind,
    supplies: form.supplies,
    outcome: form.outcome,
  });
}
