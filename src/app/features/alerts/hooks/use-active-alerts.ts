import { useLiveQuery } from 'dexie-react-hooks';
import type { SafetyAlertRecord } from '../../../../shared/domain/safety-alert';
import { safetyAlertsRepository } from '../../../stores/runtime';
import { activeAlerts } from '../safety-alert-model';

/**
 * The team's unexpired safety alerts, newest first, live: new ones appear as sync brings
 * them, and expired ones drop off as `now` (a minute clock) moves on.
 */
export function useActiveAlerts(now: Date): SafetyAlertRecord[] | undefined {
  const nowMs = now.getTime();
  return useLiveQuery(async () => {
    const at = new Date(nowMs);
    return activeAlerts(await safetyAlertsRepository.active(at), at);
  }, [nowMs]);
}
