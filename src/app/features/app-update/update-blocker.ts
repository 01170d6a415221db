import { t } from '../../i18n/i18n';

/**
 * Why the app may not update right now, or null when it may. An update reloads the page, so
 * it must wait for unsaved input and for every change to reach the server.
 */
export function updateBlocker(formDirty: boolean, unsyncedChanges: number | null): string | null {
  if (formDirty) return t('session.update.blocker.formDirty');
  if (unsyncedChanges === null) return t('session.update.blocker.checking');
  if (unsyncedChanges > 0) return t('session.update.blocker.waiting');
  return null;
}
