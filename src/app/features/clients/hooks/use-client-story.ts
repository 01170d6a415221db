import { useLiveQuery } from 'dexie-react-hooks';
import { clientStory, type ClientStory } from '../../../../shared/domain/client-story';
import type { AgencyRecord } from '../../../../shared/domain/agency';
import {
  agenciesRepository,
  appointmentsRepository,
  assessmentsRepository,
  clientsRepository,
  consentsRepository,
  contactsRepository,
  followUpsRepository,
  notesRepository,
  referralsRepository,
  teamMembersRepository,
} from '../../../stores/runtime';
import type { UserRecord } from '../../../../shared/domain/people';

export interface StoryData {
  readonly story: ClientStory;
  readonly agencies: readonly AgencyRecord[];
  readonly members: readonly UserRecord[];
}

/** Everything the device knows about one client, as the "tell it once" story; live. */
export function useClientStory(clientId: string, canReadCaseNotes: boolean): StoryData | null | undefined {
  return useLiveQuery(async () => {
    const client = await clientsRepository.get(clientId);
    if (!client) return null;
    // A peer's device holds none of these collections; the reads simply find nothing.
    const [contacts, assessments, consents, referrals, appointments, notes, followUps, agencies, members] = await Promise.all([
      contactsRepository.forClient(clientId),
      assessmentsRepository.forClient(clientId),
      consentsRepository.forClient(clientId),
      referralsRepository.forClient(clientId),
      appointmentsRepository.forClient(clientId),
      canReadCaseNotes ? notesRepository.forClient(clientId) : Promise.resolve([]),
      followUpsRepository.forClient(clientId),
      agenciesRepository.list(),
      teamMembersRepository.list(),
    ]);
    return {
      story: clientStory({ client, contacts, assessments, consents, referrals, appointments, notes, followUps }, new Date()),
      agencies,
      members,
    };
  }, [clientId, canReadCaseNotes]);
}
