import { useMinuteClock } from '../../../components/use-minute-clock';
import { t } from '../../../i18n/i18n';
import { safetyAlertsRepository } from '../../../stores/runtime';
import { useSessionStore } from '../../../stores/session-store';
import { useActiveAlerts } from '../hooks/use-active-alerts';
import { describeRaised, describeTimeLeft } from '../safety-alert-model';
import { RaiseAlertForm } from './raise-alert-form';

/** The team's active safety alerts, newest first, and a form to raise one; a lead may withdraw one early. */
export function AlertsScreen() {
  const now = useMinuteClock();
  const alerts = useActiveAlerts(now);
  const isLead = useSessionStore((s) => s.user?.role === 'team_lead');

  return (
    <section aria-labelledby="alerts-heading">
      <h1 id="alerts-heading">{t('alerts.screen.heading')}</h1>
      <h2 id="active-alerts-heading">{t('alerts.screen.activeNow')}</h2>
      {alerts === undefined ? (
        <p className="empty">{t('alerts.screen.opening')}</p>
      ) : alerts.length === 0 ? (
        <p className="empty">{t('alerts.screen.none')}</p>
      ) : (
        <ul className="list" aria-labelledby="active-alerts-heading">
          {alerts.map((alert) => (
            <li key={alert.id} className="card safety-alert">
              <h3>{alert.area}</h3>
              <p>{alert.message}</p>
              <p className="hint">
                {describeRaised(alert.createdAt, now)} · {describeTimeLeft(alert.expiresAt, now)}
              </p>
              {isLead && (
                <button type="button" onClick={() => void safetyAlertsRepository.withdraw(alert.id)}>
                  {t('alerts.screen.withdraw')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <RaiseAlertForm />
    </section>
  );
}
