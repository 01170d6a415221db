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

const on = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

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
      <h2 id="person-data-heading">Their data</h2>
      <p>
        <button type="button" onClick={() => navigate({ screen: 'client-data', clientId: client.id })}>
          Their own copy of everything held
        </button>
      </p>
      {pending && mine && (
        <>
          <p role="status">You asked to erase {client.alias} on {on(pending.requestedAt)}. A second team lead must confirm it.</p>
          <button type="button" disabled={busy} onClick={() => void act(() => cancelErasure(pending.id))}>
            Withdraw the request
          </button>
        </>
      )}
      {pending && !mine && (
        <>
          <p role="status">
            {requester ?? 'A team lead'} asked to erase {client.alias} on {on(pending.requestedAt)}.
          </p>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy} onClick={() => void act(() => confirmErasure(pending.id))}>
              Erase {client.alias} now
            </button>
            <button type="button" disabled={busy} onClick={() => void act(() => cancelErasure(pending.id))}>
              Keep their records
            </button>
          </div>
        </>
      )}
      {pending === null && step === 'idle' && (
        <button type="button" className="danger" onClick={() => setStep('confirm')}>
          Erase everything about {client.alias}…
        </button>
      )}
      {pending === null && step !== 'idle' && (
        <div role="group" aria-labelledby="erase-heading">
          <h3 id="erase-heading">Erase {client.alias}?</h3>
          <p>
            Their profile, assessments, notes, consents, referrals, appointments and follow-ups are removed from the server at once, and from every
            device at its next sync. Contacts with them stay as anonymous contacts, so the team’s counts are kept. This cannot be undone.
          </p>
          <p className="hint">
            {me?.admin === true ? 'As an admin, you erase them now.' : 'A second team lead must confirm before anything is erased.'} Erasing needs signal.
          </p>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy} onClick={() => void act(() => askToErase(client.id))}>
              {me?.admin === true ? `Erase ${client.alias} now` : 'Ask a second team lead to confirm'}
            </button>
            <button type="button" disabled={busy} onClick={() => setStep('idle')}>
              Don’t erase
            </button>
          </div>
        </div>
      )}
      {busy && <p role="status">Working…</p>}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
