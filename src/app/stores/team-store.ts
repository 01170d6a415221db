/**
 * Team lead tools: the team's users and devices, revoking a device, the idle-lock setting.
 * These need the server (they change who may hold data), so they say plainly when offline.
 */
import { create } from 'zustand';
import type { TeamDevice, TeamUser, UpdateUserRequest } from '../../shared/api/admin';
import type { CreateUserRequest } from '../../shared/api/auth';
import { t } from '../i18n/i18n';
import { describeOnlineFailure } from '../sync/api-client';
import { api } from './runtime';
import { useSessionStore } from './session-store';

interface TeamState {
  users: TeamUser[];
  devices: TeamDevice[];
  loading: boolean;
  error: string | null;
  load: () => Promise<void>;
  revokeDevice: (id: string) => Promise<void>;
  /** Adds a person; resolves to their temporary password (shown once). Throws a message to show. */
  addPerson: (request: CreateUserRequest) => Promise<string>;
  /** A new temporary password for a colleague (shown once). Throws a message to show. */
  resetPassword: (id: string) => Promise<string>;
  updatePerson: (id: string, request: UpdateUserRequest) => Promise<void>;
  setIdleLockMinutes: (minutes: number) => Promise<void>;
}

const describe = (error: unknown): string => describeOnlineFailure(error, t('session.store.teamNeedsSignal'), t('session.common.tryAgain'));

export const useTeamStore = create<TeamState>((set, get) => ({
  users: [],
  devices: [],
  loading: false,
  error: null,
  async load() {
    set({ loading: true, error: null });
    try {
      const [{ users }, { devices }] = await Promise.all([api.listUsers(), api.listDevices()]);
      set({ users, devices, loading: false });
    } catch (error) {
      set({ loading: false, error: describe(error) });
    }
  },
  async revokeDevice(id) {
    try {
      const revoked = await api.revokeDevice(id);
      set({ devices: get().devices.map((d) => (d.id === id ? revoked : d)), error: null });
    } catch (error) {
      set({ error: describe(error) });
    }
  },
  async addPerson(request) {
    try {
      const created = await api.createUser(request);
      await get().load();
      return created.temporaryPassword ?? '';
    } catch (error) {
      throw new Error(describe(error), { cause: error });
    }
  },
  async resetPassword(id) {
    try {
      return (await api.resetPassword(id)).temporaryPassword;
    } catch (error) {
      throw new Error(describe(error), { cause: error });
    }
  },
  async updatePerson(id, request) {
    try {
      const updated = await api.updateUser(id, request);
      set({ users: get().users.map((u) => (u.id === id ? updated : u)), error: null });
      // Deactivating signs their devices out: show that too.
      if (request.active === false) set({ devices: (await api.listDevices()).devices });
    } catch (error) {
      set({ error: describe(error) });
    }
  },
  async setIdleLockMinutes(minutes) {
    try {
      const settings = await api.updateTeam({ idleLockMinutes: minutes });
      useSessionStore.setState({ idleLockMinutes: settings.idleLockMinutes });
      set({ error: null });
    } catch (error) {
      set({ error: describe(error) });
      throw error;
    }
  },
}));
