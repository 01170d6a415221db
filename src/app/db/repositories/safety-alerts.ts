/**
 * Safety alerts on the device: team-wide warnings raised on the street; they expire.
 * `expiresAt` is a clear index field, so only unexpired alerts are decrypted.
 */
import { safetyAlertArgsSchema, type SafetyAlertRecord } from '../../../shared/domain/safety-alert';
import { uuidv7 } from '../../../shared/ids';
import { createRecordReader } from './record-reader';
import { newestFirst, nowIso, writeCommand, type RepositoryDeps } from './repository-deps';

export interface SafetyAlertsRepository {
  /** Alerts not expired (nor withdrawn) at `now`, newest first. */
  active(now: Date): Promise<SafetyAlertRecord[]>;
  /** Ends an alert early (team leads; queued as `safetyAlert.withdraw`). */
  withdraw(id: string): Promise<SafetyAlertRecord>;
  /** Raises an alert for the team (queued as `safetyAlert.raise`); `expiresAt` is ISO. */
  raise(area: string, message: string, expiresAt: string): Promise<SafetyAlertRecord>;
}

export function createSafetyAlertsRepository(deps: RepositoryDeps): SafetyAlertsRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'safetyAlerts', deps.onUnreadable);
  const byCreatedAt = newestFirst<SafetyAlertRecord>((a) => a.createdAt);
  return {
    async active(now) {
      const at = now.getTime();
      // The index compares ISO strings; check the instant too, for timestamps with offsets.
      const alerts = await reader.listAbove('expiresAt', new Date(at - 24 * 3600_000).toISOString());
      return alerts.filter((alert) => alert.withdrawnAt === undefined && new Date(alert.expiresAt).getTime() > at).sort(byCreatedAt);
    },
    async withdraw(id) {
      return (await writeCommand(deps, { name: 'safetyAlert.withdraw', args: { id, at: nowIso(deps) } })) as SafetyAlertRecord;
    },
    async raise(area, message, expiresAt) {
      const args = safetyAlertArgsSchema.parse({ id: uuidv7((deps.now ?? Date.now)()), area, message, expiresAt });
      return (await writeCommand(deps, { name: 'safetyAlert.raise', args })) as SafetyAlertRecord;
    },
  };
}
