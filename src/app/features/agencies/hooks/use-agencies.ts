import { useLiveQuery } from 'dexie-react-hooks';
import type { AgencyRecord } from '../../../../shared/domain/agency';
import { agenciesRepository } from '../../../stores/runtime';

/** Every agency in the directory on this device, live (it is synced to every device). */
export function useAgencies(): AgencyRecord[] | undefined {
  return useLiveQuery(() => agenciesRepository.list(), []);
}
