/**
 * A label map read as `labels[value]` whose words follow the interface's language: each key
 * is a getter that looks its message up when read, never once at start-up, so a switch of
 * language shows at the next render. Object.keys/entries and spreading read the active words.
 */
import { t } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales/en';

export function translatedLabels<K extends string>(ids: Readonly<Record<K, MessageId>>): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(ids) as K[]) Object.defineProperty(out, key, { enumerable: true, get: () => t(ids[key]) });
  return out;
}
