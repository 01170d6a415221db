import { withdrawsConsent, type ConsentLastTime } from '../encounter-model';
import type { StepProps } from './step-props';
import { toggle } from './toggle';

const storeWords: Record<ConsentLastTime['store'], string> = {
  given: 'they agreed we may keep a record',
  declined: 'they did not want a record kept',
  withdrawn: 'they withdrew consent to keep a record',
};

/** What they decided last time, and "still true?" — consent is carried, never assumed. */
function LastTime({ lastTime, stillTrue, agencies, onAnswer }: { lastTime: ConsentLastTime; stillTrue: boolean | null; agencies: StepProps['agencies']; onAnswer: (stillTrue: boolean) => void }) {
  const shared = lastTime.shareAgencyIds.map((id) => agencies.find((a) => a.id === id)?.name ?? 'an agency no longer listed');
  const date = new Date(lastTime.decidedAt).toLocaleDateString('en-GB', { dateStyle: 'medium' });
  return (
    <section className="card still-true" aria-label="Consent last time">
      <p>
        Last time ({date}): {storeWords[lastTime.store]}
        {shared.length > 0 ? `, and to share with ${shared.join(', ')}` : ''}.
      </p>
      {lastTime.store === 'given' ? (
        <>
          <p className="hint">Ask them: is that still true? Change anything below that is not.</p>
          <div className="button-row">
            <button type="button" aria-pressed={stillTrue === true} onClick={() => onAnswer(true)}>
              Still true
            </button>
            <button type="button" aria-pressed={stillTrue === false} onClick={() => onAnswer(false)}>
              Something changed
            </button>
          </div>
        </>
      ) : (
        <p className="hint">Ask again: they may feel differently now.</p>
      )}
    </section>
  );
}

/** Consent: never assumed. To store; to share per agency; under 18. (The NRM is asked with what they noticed.) */
export function ConsentStep({ draft, update, agencies }: StepProps) {
  const c = draft.consent;
  // A patch may be worked out from the draft as it is when applied: two quick taps each keep theirs.
  const set = (patch: Partial<typeof c> | ((now: typeof c) => Partial<typeof c>)) =>
    update((d) => ({ ...d, consent: { ...d.consent, ...(typeof patch === 'function' ? patch(d.consent) : patch) } }));
  if (draft.clientId === null) {
    return <p className="hint">An anonymous contact stores nothing about the person, so no consent is needed.</p>;
  }
  return (
    <>
      {c.lastTime && <LastTime lastTime={c.lastTime} stillTrue={c.stillTrue} agencies={agencies} onAnswer={(stillTrue) => set({ stillTrue })} />}
      <fieldset>
        <legend>May we keep a record about them?</legend>
        <label className="check">
          <input type="radio" name="store" checked={c.store === 'given'} onChange={() => set({ store: 'given' })} /> Yes, they agree
        </label>
        <label className="check">
          <input type="radio" name="store" checked={c.store === 'declined'} onChange={() => set({ store: 'declined' })} /> No —
          keep only an anonymous contact
        </label>
      </fieldset>
      {withdrawsConsent(draft) && (
        <p className="banner error" role="alert">
          They agreed last time and now withdraw it. When this is saved and syncs, everything about them — profile, assessments, notes,
          consents, referrals, appointments and follow-ups — is erased from Lantern on every device. Only an anonymous contact is kept.
          This cannot be undone.
        </p>
      )}
      <label htmlFor="consent-method">How they agreed</label>
      <select id="consent-method" value={c.method} onChange={(e) => set({ method: e.target.value as typeof c.method })}>
        <option value="verbal">Verbally</option>
        <option value="written">In writing</option>
        <option value="via_interpreter">Through an interpreter</option>
      </select>
      <fieldset>
        <legend>Agencies they agree we may share with</legend>
        {agencies.map((agency) => (
          <label key={agency.id} className="check">
            <input
              type="checkbox"
              checked={c.shareAgencyIds.includes(agency.id)}
              onChange={(e) => {
                const on = e.target.checked;
                set((now) => ({ shareAgencyIds: toggle(now.shareAgencyIds, agency.id, on) }));
              }}
            />{' '}
            Share with {agency.name}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={c.mayBeUnder18} onChange={(e) => set({ mayBeUnder18: e.target.checked })} /> They may be
        under 18 — follow the child safeguarding route (no consent needed for a child NRM referral)
      </label>
    </>
  );
}
