/**
 * Why the app may not update right now, or null when it may. An update reloads the page, so
 * it must wait for unsaved input and for every change to reach the server.
 */
export function updateBlocker(formDirty: boolean, unsyncedChanges: number | null): string | null {
  if (formDirty) return 'Finish or cancel the form you are filling in first.';
  if (unsyncedChanges === null) return 'Checking for unsynced changes…';
  if (unsyncedChanges > 0) return 'Waiting until your changes have synced.';
  return null;
}
