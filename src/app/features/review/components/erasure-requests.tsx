/**
 * Requests to erase a person that wait for a second team lead: who asked and when, with
 * the person's alias as this device knows it. Needs signal; says so when there is none.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Erasure } from '../../../../shared/api/erasure';
import { cancelErasure, confirmErasure, describeDataRightsFailure, ERASING_NEEDS_SIGNAL, pendingErasures } from '../../../stores/data-rights';
import { useSessionStore } from '../../../stores/session-store';
import { formatDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { useErasureNames } from '../hooks/use-review-queue';

const on = (iso: string) => formatDateTime(iso);

export function ErasureRequests() {
  const me = useSessionStore((s) => s.user);
  const [requests, setRequests] = useState<readonly Erasure[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const names = useErasureNames(requests ?? []);

  const load = useCallback(async () => {
    try {
      setRequests(await pendingErasures());
    } catch (error) {
      setFailure(describeDataRightsFailure(error, ERASING_NEEDS_SIGNAL));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const decide = async (id: string, action: (id: string) => Promise<Erasure>) => {
    setFailure(null);
    setBusy(id);
    try {
      await action(id);
    } catch (error) {
      setFailure(describeDataRightsFailure(error, ERASING_NEEDS_SIGNAL));
    }
    setBusy(null);
    await load();
  };

  if (requests !== null && requests.length === 0 && failure === null) return null;
  return (
    <section aria-labelledby="erasures-heading">
      <h2 id="erasures-heading">{t('review.erasure.heading')}</h2>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {requests === null && failure === null && <p className="empty">{t('review.erasure.loading')}</p>}
      {requests !== null && requests.length > 0 && (
        <ul className="list" aria-label={t('review.erasure.listLabel')}>
          {requests.map((request) => {
            const alias = names.aliases.get(request.clientId) ?? t('review.erasure.unknownPerson');
            const asker = names.members.get(request.requestedBy) ?? t('review.erasure.unknownLead');
            const mine = request.requestedBy === me?.id && me.admin !== true;
            return (
              <li key={request.id} className="card" aria-label={t('review.erasure.itemLabel', { alias })}>
                <p>
                  <strong>{alias}</strong>
                  {mine ? t('review.erasure.askedByYou', { when: on(request.requestedAt) }) : t('review.erasure.askedBy', { asker, when: on(request.requestedAt) })}
                </p>
                {mine && <p className="hint">{t('review.erasure.needsSecondLead')}</p>}
                <div className="button-row">
                  {!mine && (
                    <button type="button" className="danger" disabled={busy !== null} onClick={() => void decide(request.id, confirmErasure)}>
                      {t('review.erasure.eraseNow', { alias })}
                    </button>
                  )}
                  <button type="button" disabled={busy !== null} onClick={() => void decide(request.id, cancelErasure)}>
                    {mine ? t('review.erasure.withdraw') : t('review.erasure.keep')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
