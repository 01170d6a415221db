import { nrmExplanationItems } from '../../../../shared/domain/consent';
import { exploitationKindSchema } from '../../../../shared/domain/duty-to-notify';
import { traffickingCueSchema } from '../../../../shared/domain/observation';
import { exploitationKindLabels, traffickingCueLabels } from '../../../components/labels';
import { keepsRecord, type EncounterDraft, type NrmItem } from '../encounter-model';
import type { StepProps } from './step-props';
import { toggle } from './toggle';

const nrmLabels: Record<NrmItem, string> = {
  what_the_nrm_is: 'What the National Referral Mechanism is',
  support_available: 'The support it can give',
  voluntary_and_can_withdraw: 'It is voluntary and they can withdraw',
  information_shared_with_home_office: 'What is shared with the Home Office',
  immigration_implications: 'What it can mean for immigration',
};

type Consent = EncounterDraft['consent'];
/** A patch, or one worked out from the draft as it is when applied: two quick taps each keep theirs. */
type SetConsent = (patch: Partial<Consent> | ((now: Consent) => Partial<Consent>)) => void;

/** The anonymous Duty to Notify: that one is made, and the kind of exploitation, nothing more. */
function DutyToNotify({ c, set }: { c: Consent; set: SetConsent }) {
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={c.dutyToNotify} onChange={(e) => set({ dutyToNotify: e.target.checked })} /> Make an anonymous Duty to
        Notify (no identifying details)
      </label>
      {c.dutyToNotify && (
        <>
          <label htmlFor="dtn-kind">Kind of exploitation</label>
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
      <p className="hint">Adults must agree to an NRM referral. Explain every point first.</p>
      {nrmExplanationItems.map((item) => (
        <label key={item} className="check">
          <input type="checkbox" checked={c.nrmExplained.includes(item)} onChange={(e) => {
              const on = e.target.checked;
              set((now) => ({ nrmExplained: toggle(now.nrmExplained, item, on) }));
            }} />{' '}
          Explained: {nrmLabels[item]}
        </label>
      ))}
      <label htmlFor="nrm-decision">NRM decision</label>
      <select id="nrm-decision" value={c.nrm} onChange={(e) => set({ nrm: e.target.value as Consent['nrm'] })}>
        <option value="not_discussed">Not discussed</option>
        <option value="given">They agree to an NRM referral</option>
        <option value="declined">They do not agree</option>
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
      They may be under 18: the child route. A child’s NRM referral needs no consent. Tell your safeguarding lead today and follow your child
      safeguarding procedure.
    </p>
  ) : draft.clientId === null ? (
    <DutyToNotify c={c} set={setConsent} />
  ) : (
    <AdultNrm c={c} set={setConsent} />
  );
  return (
    <>
      <p className="hint">Optional. Only what you saw or heard yourself: an observation, never an accusation. Skip it if nothing stood out.</p>
      {kept ? (
        <fieldset>
          <legend>What you noticed</legend>
          {traffickingCueSchema.options.map((cue) => (
            <label key={cue} className="check">
              <input type="checkbox" checked={noticed.cues.includes(cue)} onChange={(e) => {
                  const on = e.target.checked;
                  setNoticed((now) => ({ cues: toggle(now.cues, cue, on) }));
                }} />{' '}
              {traffickingCueLabels[cue]}
            </label>
          ))}
          <label htmlFor="noticed-notes">What you saw or heard</label>
          <textarea id="noticed-notes" value={noticed.notes} onChange={(e) => {
              const notes = e.target.value;
              setNoticed(() => ({ notes }));
            }} />
        </fieldset>
      ) : (
        <p className="hint">Without consent to keep a record, what you noticed is not kept.</p>
      )}
      {anyCue ? (
        <section className="card" aria-label="National Referral Mechanism">
          <h2>National Referral Mechanism (NRM)</h2>
          <p>What you noticed can be a sign of trafficking or control. If it is safe and private, offer to explain the NRM. It is their choice.</p>
          {nrm}
        </section>
      ) : (
        <details open={c.nrm !== 'not_discussed' || c.dutyToNotify}>
          <summary>National Referral Mechanism (NRM) and Duty to Notify</summary>
          {nrm}
        </details>
      )}
    </>
  );
}
