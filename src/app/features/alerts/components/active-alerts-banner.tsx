import { useMinuteClock } from '../../../components/use-minute-clock';
import { t } from '../../../i18n/i18n';
import { useRouteStore } from '../../../stores/route-store';
import { useActiveAlerts } from '../hooks/use-active-alerts';
import { alertAreas, bannerText } from '../safety-alert-model';

/**
 * A compact notice at the top of any screen while the team has active safety alerts:
 * how many and where, linking to the alerts screen. Not role="alert": it must not
 * interrupt a conversation with the person in front of the worker. Hidden when none, and
 * on the alerts screen itself.
 */
export function ActiveAlertsBanner() {
  const now = useMinuteClock();
  const alerts = useActiveAlerts(now);
  const onAlertsScreen = useRouteStore((s) => s.route.screen === 'alerts');
  const navigate = useRouteStore((s) => s.navigate);

  if (alerts === undefined || alerts.length === 0 || onAlertsScreen) return null;
  return (
    <div role="region" aria-label={t('alerts.banner.label')} className="banner error alerts-banner">
      <a
        href="#/alerts"
        onClick={(event) => {
          event.preventDefault();
          navigate({ screen: 'alerts' });
        }}
      >
        {bannerText(alerts.length)}
      </a>
      <span className="hint">{alertAreas(alerts)}</span>
    </div>
  );
}
