import { t } from '../../../i18n/i18n';
import type { MessageId } from '../../../i18n/locales/en';

/** Stands in for the part a component draws itself; never in a catalogue's words. */
const SLOT = '\uE000';

/**
 * A whole sentence from the catalogue with one placeholder (`slot`) left for an element the
 * component draws (a name in bold): the words before it and after it, so translators see
 * the sentence whole and each language puts the name where it belongs.
 */
export function aroundSlot(id: MessageId, slot: string, values: Readonly<Record<string, string | number | Date>> = {}): readonly [string, string] {
  const [before = '', ...after] = t(id, { ...values, [slot]: SLOT }).split(SLOT);
  return [before, after.join('')];
}
