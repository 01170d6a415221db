/** Calendar days (YYYY-MM-DD) as date inputs hold them and as people read them. */
import { formatDate } from '../i18n/format';

/** Today on this phone, as a date input holds it. */
export function todayOnThisPhone(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * A calendar day in words in the interface's locale ("2 Nov 2026", "2 nov 2026"), read at
 * midday so no time zone moves it.
 */
export function describeDay(day: string): string {
  return formatDate(new Date(`${day}T12:00:00`), { dateStyle: 'medium' });
}
