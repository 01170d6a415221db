/** The sync engine's status, mirrored for components (pending count, last sync, errors). */
import { create } from 'zustand';
import type { SyncStatus } from '../sync/engine';
import { syncEngine } from './runtime';

interface SyncStatusState {
  status: SyncStatus;
  /** Runs a sync now (the "Sync now" button). Never throws; errors land in `status`. */
  syncNow: () => Promise<void>;
}

export const useSyncStatusStore = create<SyncStatusState>(() => ({
  status: syncEngine.getStatus(),
  async syncNow() {
    await syncEngine.syncNow().catch(() => undefined);
  },
}));

syncEngine.subscribe((status) => useSyncStatusStore.setState({ status }));
