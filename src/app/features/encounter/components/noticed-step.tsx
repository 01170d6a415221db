import { nrmExplanationItems } from '../../../../shared/domain/consent';
import { exploitationKindSchema } from '../../../../shared/domain/duty-to-notify';
import { traffickingCueSchema } from '../../../../shared/domain/observation';
import { exploitationKindLabels, traffickingCueLabels } from '../../../components/labels';
import { t } from '../../../i18n/i18n';
import type { MessageId } from '../../../i18n/locales/en';
import { keepsRecord, type EncounterDraft, type NrmItem } from '../encounter-model';
import type { StepProps } from './step-props';
import { toggle } from './toggle';

const nrmLabels: Record<NrmItem, MessageId> = {
  what_the_nrm_is: 'encounter.nrm.whatTheNrmIs',
  support_available: 'encounter.nrm.supportAvailable',
  voluntary_and_can_withdraw: 'encounter.nrm.voluntary',
  information_shared_with_home_office: 'encounter.nrm.sharedWithHomeOffice',
  immigration_implications: 'encounter.nrm.immigration',
};

type Consent = EncounterDraft['consent'];
/** A patch, or one worked out from the draft as it is when applied: two quick taps each keep theirs. */
type SetConsent = (patch: Partial<Consent> | ((now: Consent) => Partial<Consent>)) => void;

/** The anonymous Duty to Notify: that one is made, and the kind of exploitation, nothing more. */
function DutyToNotify({ c, set }: { c: Consent; set: SetConsent }) {
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={c.dutyToNotify} onChange={(e) => set({ dutyToNotify: e.target.checked })} />{' '}
        {t('encounter.dutyToNotify.make')}
      </label>
      {c.dutyToNotify && (
        <>
          <label htmlFor="dtn-kind">{t('encounter.dutyToNotify.kind')}</label>
          <select id="dtn-kind" value={c.dutyToNotifyKind ?? 'not_known'} onChange={(e) => set({ dutyToNotifyKind: exploitationKindSchema.parse(e.target.value) })}>
            {exploitationKindSchema.options.map((kind) => (
              <option key={kind} value={kind}>
                {exploitationKindLabels[kind]}
              </option>
            ))}
          </select>
        </>
      )}
    </>
  );
}

/** An adult's NRM: the explanation, point by point, then their decision; declined, an anonymous Duty to Notify. */
function AdultNrm({ c, set }: { c: Consent; set: SetConsent }) {
  return (
    <>
      <p className="hint">{t('encounter.nrm.adultsMustAgree')}</p>
      {nrmExplanationItems.map((item) => (
        <label key={item} className="check">
          <input type="checkbox" checked={c.nrmExplained.includes(item)} onChange={(e) => {
              const on = e.target.checked;
              set((now) => ({ nrmExplained: toggle(now.nrmExplained, item, on) }));
            }} />{' '}
          {t('encounter.nrm.explained', { point: t(nrmLabels[item]) })}
        </label>
      ))}
      <label htmlFor="nrm-decision">{t('encounter.nrm.decision')}</label>
      <select id="nrm-decision" value={c.nrm} onChange={(e) => set({ nrm: e.target.value as Consent['nrm'] })}>
        <option value="not_discussed">{t('encounter.nrm.notDiscussed')}</option>
        <option value="given">{t('encounter.nrm.given')}</option>
        <option value="declined">{t('encounter.nrm.declined')}</option>
      </select>
      {c.nrm === 'declined' && <DutyToNotify c={c} set={set} />}
    </>
  );
}

/**
 * What you noticed: an optional checklist of signs that can point to trafficking or control,
 * kept as the worker's observations, never put to the person as accusations. When something
 * is ticked, the NRM is offered: the explanation for an adult, the child route when they may
 * be under 18. Nothing is decided for the worker.
 */
export function NoticedStep({ draft, update, client }: StepProps) {
  const c = draft.consent;
  const noticed = draft.noticed ?? { cues: [], notes: '' };
  const setConsent: SetConsent = (patch) => update((d) => ({ ...d, consent: { ...d.consent, ...(typeof patch === 'function' ? patch(d.consent) : patch) } }));
  const setNoticed = (patch: (now: typeof noticed) => Partial<typeof noticed>) =>
    update((d) => {
      const now = d.noticed ?? { cues: [], notes: '' };
      return { ...d, noticed: { ...now, ...patch(now) } };
    });
  const child = c.mayBeUnder18 || client?.mayBeUnder18 === true;
  const anyCue = noticed.cues.length > 0;
  const kept = keepsRecord(draft);
  const nrm = child ? (
    <p className="banner" role="note">
      {t('encounter.noticed.childRoute')}
    </p>
  ) : draft.clientId === null ? (
    <DutyToNotify c={c} set={setConsent} />
  ) : (
    <AdultNrm c={c} set={setConsent} />
  );
  return (
    <>
      <p className="hint">{t('encounter.noticed.optional')}</p>
      {kept ? (
        <fieldset>
          <legend>{t('encounter.noticed.legend')}</legend>
          {traffickingCueSchema.options.map((cue) => (
            <label key={cue} className="check">
              <input type="checkbox" checked={noticed.cues.includes(cue)} onChange={(e) => {
                  const on = e.target.checked;
                  setNoticed((now) => ({ cues: toggle(now.cues, cue, on) }));
                }} />{' '}
              {traffickingCueLabels[cue]}
            </label>
          ))}
          <label htmlFor="noticed-notes">{t('encounter.noticed.notes')}</label>
          <textarea id="noticed-notes" value={noticed.notes} onChange={(e) => {
              const notes = e.target.value;
              setNoticed(() => ({ notes }));
            }} />
        </fieldset>
      ) : (
        <p className="hint">{t('encounter.noticed.notKept')}</p>
      )}
      {anyCue ? (
        <section className="card" aria-label={t('encounter.noticed.nrmLabel')}>
          <h2>{t('encounter.noticed.nrmHeading')}</h2>
          <p>{t('encounter.noticed.nrmOffer')}</p>
          {nrm}
        </section>
      ) : (
        <details open={c.nrm !== 'not_discussed' || c.dutyToNotify}>
          <summary>{t('encounter.noticed.nrmAndDutyToNotify')}</summary>
          {nrm}
        </details>
      )}
    </>
  );
}
