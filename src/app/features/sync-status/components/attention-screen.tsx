import { t } from '../../../i18n/i18n';
import { useRouteStore } from '../../../stores/route-store';
import { dismissRejectedChange, useRejectedChanges } from '../hooks/use-rejected-changes';
import { ChangeCard } from './change-card';

/** Changes the server refused: shown with their data, removed only by a person. */
export function AttentionScreen() {
  const rejected = useRejectedChanges();
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <section aria-labelledby="attention-heading">
      <h1 id="attention-heading">{t('session.attention.heading')}</h1>
      <p className="hint">{t('session.attention.intro')}</p>
      {rejected === undefined ? (
        <p className="empty">{t('session.common.loading')}</p>
      ) : rejected.length === 0 ? (
        <p className="empty">{t('session.attention.none')}</p>
      ) : (
        <ul className="list" aria-label={t('session.attention.listLabel')}>
          {rejected.map((item) => (
            <ChangeCard key={item.entry.id} item={item}>
              <p className="sync-error">{item.entry.rejection?.message ?? t('session.attention.refused')}</p>
              <div className="button-row">
                <button type="button" onClick={() => void dismissRejectedChange(item.entry.id)}>
                  {t('session.attention.dismiss')}
                </button>
              </div>
            </ChangeCard>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" onClick={() => navigate({ screen: 'clients' })}>
          {t('session.common.backToClients')}
        </button>
      </div>
    </section>
  );
}
