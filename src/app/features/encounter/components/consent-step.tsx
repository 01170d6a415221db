import { formatDate } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import type { MessageId } from '../../../i18n/locales/en';
import { withdrawsConsent, type ConsentLastTime } from '../encounter-model';
import type { StepProps } from './step-props';
import { toggle } from './toggle';

const storeWords: Record<ConsentLastTime['store'], MessageId> = {
  given: 'encounter.consent.lastTimeGiven',
  declined: 'encounter.consent.lastTimeDeclined',
  withdrawn: 'encounter.consent.lastTimeWithdrawn',
};

/** What they decided last time, and "still true?" — consent is carried, never assumed. */
function LastTime({ lastTime, stillTrue, agencies, onAnswer }: { lastTime: ConsentLastTime; stillTrue: boolean | null; agencies: StepProps['agencies']; onAnswer: (stillTrue: boolean) => void }) {
  const shared = lastTime.shareAgencyIds.map((id) => agencies.find((a) => a.id === id)?.name ?? t('encounter.consent.agencyNoLongerListed'));
  const date = formatDate(lastTime.decidedAt, { dateStyle: 'medium' });
  const decision = t(storeWords[lastTime.store]);
  return (
    <section className="card still-true" aria-label={t('encounter.consent.lastTimeLabel')}>
      <p>
        {shared.length > 0
          ? t('encounter.consent.lastTimeShared', { date, decision, agencies: shared.join(', ') })
          : t('encounter.consent.lastTime', { date, decision })}
      </p>
      {lastTime.store === 'given' ? (
        <>
          <p className="hint">{t('encounter.consent.askStillTrue')}</p>
          <div className="button-row">
            <button type="button" aria-pressed={stillTrue === true} onClick={() => onAnswer(true)}>
              {t('encounter.consent.stillTrue')}
            </button>
            <button type="button" aria-pressed={stillTrue === false} onClick={() => onAnswer(false)}>
              {t('encounter.consent.somethingChanged')}
            </button>
          </div>
        </>
      ) : (
        <p className="hint">{t('encounter.consent.askAgain')}</p>
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
    return <p className="hint">{t('encounter.consent.anonymous')}</p>;
  }
  return (
    <>
      {c.lastTime && <LastTime lastTime={c.lastTime} stillTrue={c.stillTrue} agencies={agencies} onAnswer={(stillTrue) => set({ stillTrue })} />}
      <fieldset>
        <legend>{t('encounter.consent.storeLegend')}</legend>
        <label className="check">
          <input type="radio" name="store" checked={c.store === 'given'} onChange={() => set({ store: 'given' })} /> {t('encounter.consent.storeYes')}
        </label>
        <label className="check">
          <input type="radio" name="store" checked={c.store === 'declined'} onChange={() => set({ store: 'declined' })} />{' '}
          {t('encounter.consent.storeNo')}
        </label>
      </fieldset>
      {withdrawsConsent(draft) && (
        <p className="banner error" role="alert">
          {t('encounter.consent.withdrawWarning')}
        </p>
      )}
      <label htmlFor="consent-method">{t('encounter.consent.method')}</label>
      <select id="consent-method" value={c.method} onChange={(e) => set({ method: e.target.value as typeof c.method })}>
        <option value="verbal">{t('encounter.consent.methodVerbal')}</option>
        <option value="written">{t('encounter.consent.methodWritten')}</option>
        <option value="via_interpreter">{t('encounter.consent.methodInterpreter')}</option>
      </select>
      <fieldset>
        <legend>{t('encounter.consent.shareLegend')}</legend>
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
            {t('encounter.consent.shareWith', { agency: agency.name })}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={c.mayBeUnder18} onChange={(e) => set({ mayBeUnder18: e.target.checked })} />{' '}
        {t('encounter.consent.mayBeUnder18')}
      </label>
    </>
  );
}
