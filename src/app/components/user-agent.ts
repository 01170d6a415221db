/**
 * A browser's user agent as a person recognises their phone: "Chrome on Android",
 * "Safari on iPhone". A small table of the browsers outreach teams use, checked in order
 * (Edge and Samsung Internet also say "Chrome"; Chrome also says "Safari"); anything else
 * is "A browser". Only the words are kept, never the version or the build. Browser and
 * system names are proper names; "on" and "A browser" are in the active language.
 */
import { t } from '../i18n/i18n';

const browsers: ReadonlyArray<[RegExp, string]> = [
  [/EdgA?\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/CriOS\/|Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const systems: ReadonlyArray<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'Mac'],
  [/Linux/, 'Linux'],
];

const first = (table: ReadonlyArray<[RegExp, string]>, ua: string): string | undefined => table.find(([pattern]) => pattern.test(ua))?.[1];

export function describeUserAgent(ua: string): string {
  const browser = first(browsers, ua) ?? t('common.userAgent.aBrowser');
  const system = first(systems, ua);
  return system === undefined ? browser : t('common.userAgent.browserOnSystem', { browser, system });
}

/** A device's stored name for people: a name someone gave it, or its user agent in words. */
export function deviceLabel(name: string): string {
  return name.startsWith('Mozilla/') ? describeUserAgent(name) : name;
}
