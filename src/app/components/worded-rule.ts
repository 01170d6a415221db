/**
 * A shared rule with the words a person reads. The shared schemas (the ones the server
 * applies) word their refusals in English, or leave them to zod's own English; a form applies
 * the rule as it is and words each refusal from the catalogue, by its issue code, when the
 * check runs (so in the language shown then). No limit or pattern is restated here: a
 * "too long" refusal carries the rule's own maximum (`issue.maximum`).
 */
import { z } from 'zod';

/**
 * `rule`, refusing in `words`. Gives what the rule gives (a shared text rule's trimmed
 * value). A refusal inside the checked value keeps its place (`issue.path`), so a list of
 * rows shows each problem beside its own field.
 */
export function worded<Output, Input>(rule: z.ZodType<Output, Input>, words: (issue: z.core.$ZodIssue) => string) {
  return z.custom<Input>().transform((value, ctx) => {
    const checked = rule.safeParse(value);
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) ctx.issues.push({ code: 'custom', message: words(issue), input: value, path: issue.path });
    return z.NEVER;
  });
}

/** The maximum a `too_big` refusal names (a length, a count), or null for any other refusal. */
export const tooBigMaximum = (issue: z.core.$ZodIssue): number | null => (issue.code === 'too_big' ? Number(issue.maximum) : null);
