/**
 * Requests to erase a person that wait for a second team lead: who asked and when, with
 * the person's alias as this device knows it. Needs signal; says so when there is none.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Erasure } from '../../../../shared/api/erasure';
import { cancelErasure, confirmErasure, describeDataRightsFailure, ERASING_NEEDS_SIGNAL, pendingErasures } from '../../../stores/data-rights';
import { useSessionStore } from '../../../stores/session-store';
import { useErasureNames } from '../hooks/use-review-queue';

const on = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

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
      <h2 id="erasures-heading">Erasure requests</h2>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {requests === null && failure === null && <p className="empty">Loading…</p>}
      {requests !== null && requests.length > 0 && (
        <ul className="list" aria-label="Erasure requests">
          {requests.map((request) => {
            const alias = names.aliases.get(request.clientId) ?? 'A person not on this device';
            const asker = names.members.get(request.requestedBy) ?? 'A team lead';
            const mine = request.requestedBy === me?.id && me.admin !== true;
            return (
              <li key={request.id} className="card" aria-label={`Erase ${alias}`}>
                <p>
                  <strong>{alias}</strong>: {mine ? 'you' : asker} asked to erase everything about them on {on(request.requestedAt)}.
                </p>
                {mine && <p className="hint">A second team lead must confirm it.</p>}
                <div className="button-row">
                  {!mine && (
                    <button type="button" className="danger" disabled={busy !== null} onClick={() => void decide(request.id, confirmErasure)}>
                      Erase {alias} now
                    </button>
                  )}
                  <button type="button" disabled={busy !== null} onClick={() => void decide(request.id, cancelErasure)}>
                    {mine ? 'Withdraw the request' : 'Keep their records'}
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
