import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../sync/engine';
import { describeSyncStatus, formatAge } from './describe-status';

const now = 1_800_000_000_000;
const idle: SyncStatus = {
  state: 'idle',
  pending: 0,
  rejected: 0,
  oldestPendingAt: null,
  lastSyncedAt: now - 120_000,
  lastError: null,
  firstSync: null,
};

describe('describeSyncStatus', () => {
  it.each<[string, Partial<SyncStatus>, string, string]>([
    ['synced', {}, 'All changes synced', 'Last synced 2 min ago'],
    // Never "all synced" before a sync has finished: the team's records may not be here yet.
    ['never synced', { lastSyncedAt: null }, 'Not synced yet', 'The team’s records arrive at the first sync'],
    ['pending', { pending: 3, oldestPendingAt: now - 600_000 }, '3 changes waiting (oldest 10 min ago)', 'Last synced 2 min ago'],
    ['offline with one change', { state: 'offline', pending: 1, oldestPendingAt: now }, 'Offline — 1 change waiting (oldest just now)', 'Last synced 2 min ago'],
    ['offline, nothing waiting', { state: 'offline' }, 'Offline — everything is saved here', 'Last synced 2 min ago'],
    // Worded on the device from the code, in the person's language, never the server's own words.
    ['error', { state: 'error', lastError: { code: 'upgrade_required', message: 'the server’s words', at: now } }, 'Sync problem: update required: reload the app to sync', 'Last synced 2 min ago'],
    ['refused', { state: 'error', lastError: { code: 'unauthorized', message: 'the server’s words', at: now } }, 'Sync problem: sign in again to sync', 'Last synced 2 min ago'],
    ['busy', { state: 'error', lastError: { code: 'rate_limited', message: 'the server’s words', at: now } }, 'Sync problem: the server is busy; it will retry', 'Last synced 2 min ago'],
    ['failed here', { state: 'error', lastError: { code: 'device', message: 'TypeError: x is undefined', at: now } }, 'Sync problem: sync failed on this device; it will retry', 'Last synced 2 min ago'],
    ['an unknown code', { state: 'error', lastError: { code: 'teapot', message: 'the server’s words', at: now } }, 'Sync problem: the server refused the sync; it will retry', 'Last synced 2 min ago'],
  ])('%s', (_label, patch, headline, detail) => {
    const text = describeSyncStatus({ ...idle, ...patch }, now);
    expect(text.headline).toBe(headline);
    expect(text.detail).toBe(detail);
  });

  it.each<[string, Partial<SyncStatus>, string]>([
    ['idle with changes', { pending: 2, oldestPendingAt: now }, 'Offline — 2 changes waiting (oldest just now)'],
    ['idle, nothing waiting', {}, 'Offline — everything is saved here'],
    ['failed with a server error', { state: 'error', lastError: { code: 'server', message: 'server error', at: now } }, 'Offline — everything is saved here'],
  ])('says offline when the browser has no network: %s', (_label, patch, headline) => {
    expect(describeSyncStatus({ ...idle, ...patch }, now, false).headline).toBe(headline);
  });

  it('shows a sync in progress even when the browser says offline', () => {
    expect(describeSyncStatus({ ...idle, state: 'syncing' }, now, false).headline).toBe('Syncing…');
  });

  it.each([
    [30_000, 'just now'],
    [5 * 60_000, '5 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [72 * 3_600_000, '3 days ago'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
