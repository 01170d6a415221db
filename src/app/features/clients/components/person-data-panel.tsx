/**
 * A team lead's part of a person's page: their rights over their data. Erasing needs two
 * team leads (or an admin) and signal; what it removes is said before anything is done.
 * Loaded only when a team lead opens a person.
 */
import { useEffect, useState } from 'react';
import type { Erasure } from '../../../../shared/api/erasure';
import type { ClientRecord } from '../../../../shared/domain/client';
import { askToErase, cancelErasure, confirmErasure, describeDataRightsFailure, ERASING_NEEDS_SIGNAL, pendingErasures } from '../../../stores/data-rights';
import { useRouteStore } from '../../../stores/route-store';
import { useSessionStore } from '../../../stores/session-store';
import { useDirectoryNames } from '../hooks/use-clients';
import { t } from '../../../i18n/i18n';
import { formatDateTime } from '../../../i18n/format';

const on = (iso: string) => formatDateTime(iso);

type Step = 'idle' | 'confirm' | 'busy';

export function PersonDataPanel({ client }: { client: ClientRecord }) {
  const me = useSessionStore((s) => s.user);
  const navigate = useRouteStore((s) => s.navigate);
  const [pending, setPending] = useState<Erasure | null | undefined>(undefined);
  const [step, setStep] = useState<Step>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const directory = useDirectoryNames();
  const requester = pending ? directory?.staff.get(pending.requestedBy) : undefined;

  useEffect(() => {
    let live = true;
    pendingErasures().then(
      (list) => live && setPending(list.find((e) => e.clientId === client.id) ?? null),
      () => live && setPending(null),
    );
    return () => {
      live = false;
    };
  }, [client.id]);

  const act = async (action: () => Promise<Erasure>) => {
    setFailure(null);
    setStep('busy');
    try {
      const erasure = await action();
      if (erasure.status === 'erased') {
        navigate({ screen: 'clients' });
        return;
      }
      setPending(erasure.status === 'pending' ? erasure : null);
      setStep('idle');
    } catch (error) {
      setFailure(describeDataRightsFailure(error, ERASING_NEEDS_SIGNAL));
      setStep('idle');
    }
  };

  const busy = step === 'busy';
  const mine = pending !== null && pending !== undefined && pending.requestedBy === me?.id && me.admin !== true;
  return (
    <section className="card" aria-labelledby="person-data-heading">
      <h2 id="person-data-heading">{t('clients.data.heading')}</h2>
      <p>
        <button type="button" onClick={() => navigate({ screen: 'client-data', clientId: client.id })}>
          {t('clients.data.ownCopy')}
        </button>
      </p>
      {pending && mine && (
        <>
          <p role="status">{t('clients.data.youAsked', { alias: client.alias, date: on(pending.requestedAt) })}</p>
          <button type="button" disabled={busy} onClick={() => void act(() => cancelErasure(pending.id))}>
            {t('clients.data.withdraw')}
          </button>
        </>
      )}
      {pending && !mine && (
        <>
          <p role="status">
            {t('clients.data.someoneAsked', { requester: requester ?? t('clients.data.aTeamLead'), alias: client.alias, date: on(pending.requestedAt) })}
          </p>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy} onClick={() => void act(() => confirmErasure(pending.id))}>
              {t('clients.data.eraseNow', { alias: client.alias })}
            </button>
            <button type="button" disabled={busy} onClick={() => void act(() => cancelErasure(pending.id))}>
              {t('clients.data.keep')}
            </button>
          </div>
        </>
      )}
      {pending === null && step === 'idle' && (
        <button type="button" className="danger" onClick={() => setStep('confirm')}>
          {t('clients.data.eraseEverything', { alias: client.alias })}
        </button>
      )}
      {pending === null && step !== 'idle' && (
        <div role="group" aria-labelledby="erase-heading">
          <h3 id="erase-heading">{t('clients.data.eraseHeading', { alias: client.alias })}</h3>
          <p>{t('clients.data.eraseWhat')}</p>
          <p className="hint">{t('clients.data.eraseHint', { admin: me?.admin === true ? 'yes' : 'no' })}</p>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy} onClick={() => void act(() => askToErase(client.id))}>
              {me?.admin === true ? t('clients.data.eraseNow', { alias: client.alias }) : t('clients.data.askSecond')}
            </button>
            <button type="button" disabled={busy} onClick={() => setStep('idle')}>
              {t('clients.data.dontErase')}
            </button>
          </div>
        </div>
      )}
      {busy && <p role="status">{t('clients.data.working')}</p>}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
