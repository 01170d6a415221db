import { t } from '../../../i18n/i18n';
import { useRouteStore } from '../../../stores/route-store';
import { useSyncStatusStore } from '../../../stores/sync-status-store';
import { useWaitingChanges } from '../hooks/use-rejected-changes';
import { ChangeCard } from './change-card';

/** "N changes waiting", opened: what this device holds that the server does not have yet. */
export function WaitingScreen() {
  const waiting = useWaitingChanges();
  const navigate = useRouteStore((s) => s.navigate);
  const syncNow = useSyncStatusStore((s) => s.syncNow);
  const syncing = useSyncStatusStore((s) => s.status.state === 'syncing');
  return (
    <section aria-labelledby="waiting-heading">
      <h1 id="waiting-heading">{t('session.waiting.heading')}</h1>
      <p className="hint">{t('session.waiting.intro')}</p>
      {waiting === undefined ? (
        <p className="empty">{t('session.common.loading')}</p>
      ) : waiting.length === 0 ? (
        <p className="empty">{t('session.waiting.none')}</p>
      ) : (
        <ol className="list" aria-label={t('session.waiting.listLabel')}>
          {waiting.map((item) => (
            <ChangeCard key={item.entry.id} item={item} />
          ))}
        </ol>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={syncing} onClick={() => void syncNow()}>
          {t('session.common.syncNow')}
        </button>
        <button type="button" onClick={() => navigate({ screen: 'clients' })}>
          {t('session.common.backToClients')}
        </button>
      </div>
    </section>
  );
}
