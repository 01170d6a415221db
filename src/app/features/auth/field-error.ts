import type { FieldError } from 'react-hook-form';
import { t } from '../../i18n/i18n';
import type { MessageId } from '../../i18n/locales/en';

/**
 * A field's error in the interface's language. The shared schemas word their rules in
 * English; the rules these forms know are looked up by the kind of issue (`too_small`,
 * `invalid_format`...), anything else is shown as the schema words it.
 */
export function fieldError(error: FieldError | undefined, known: Readonly<Partial<Record<string, MessageId>>>): string | undefined {
  if (error === undefined) return undefined;
  const id = known[error.type];
  return id === undefined ? error.message : t(id);
}
