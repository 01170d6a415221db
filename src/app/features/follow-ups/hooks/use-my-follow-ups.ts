import { useLiveQuery } from 'dexie-react-hooks';
import type { FollowUpRecord } from '../../../../shared/domain/follow-up';
import type { UserRecord } from '../../../../shared/domain/people';
import { clientsRepository, followUpsRepository, teamMembersRepository } from '../../../stores/runtime';
import { soonestFirst } from '../follow-up-model';

export interface MyFollowUp {
  readonly followUp: FollowUpRecord;
  /** The client's alias; null when this device does not hold the client. */
  readonly alias: string | null;
}

/** The open follow-ups assigned to `userId`, soonest first, with each client's alias; live. */
export function useMyFollowUps(userId: string | null): MyFollowUp[] | undefined {
  return useLiveQuery(async () => {
    if (userId === null) return [];
    const followUps = soonestFirst(await followUpsRepository.mine(userId));
    const clients = await Promise.all(followUps.map((f) => clientsRepository.get(f.clientId)));
    return followUps.map((followUp, i) => ({ followUp, alias: clients[i]?.alias ?? null }));
  }, [userId]);
}

/** Every open follow-up the device holds (a team lead's: the whole team's), soonest first; live. */
export function useTeamFollowUps(enabled: boolean): MyFollowUp[] | undefined {
  return useLiveQuery(async () => {
    if (!enabled) return [];
    const followUps = await followUpsRepository.open();
    const clients = await Promise.all(followUps.map((f) => clientsRepository.get(f.clientId)));
    return followUps.map((followUp, i) => ({ followUp, alias: clients[i]?.alias ?? null }));
  }, [enabled]);
}

/** The team's members, for naming assignees; live. */
export function useTeamMembers(): UserRecord[] | undefined {
  return useLiveQuery(() => teamMembersRepository.list(), []);
}

/** Gives a follow-up to a colleague or to nobody (team leads; works offline). */
export function reassignFollowUp(id: string, assigneeId: string | null): Promise<FollowUpRecord> {
  return followUpsRepository.reassign(id, assigneeId);
}

/** Marks a follow-up done (queued as `followUp.complete`; works offline). */
export function completeFollowUp(id: string): Promise<FollowUpRecord> {
  return followUpsRepository.complete(id);
}
