import { useState } from 'react';
import { needDomainLabels, needLevelLabels, outcomeLabels, traffickingCueLabels } from '../../../components/labels';
import { describeSupplies } from '../../../components/supplies';
import { ContactKindSelect } from '../../../components/contact-kind-select';
import { useRouteStore } from '../../../stores/route-store';
import { useSessionStore } from '../../../stores/session-store';
import { buildEncounterCommands, currentNeeds, encounterProblems, encounterSteps, keepsRecord, type EncounterStep } from '../encounter-model';
import { useAgencies, useEncounterClient, useEncounterDraft, useOpenReferrals } from '../hooks/use-encounter-draft';
import { AppointmentsStep } from './appointments-step';
import { ChangesStep } from './changes-step';
import { ConsentStep } from './consent-step';
import { NoticedStep } from './noticed-step';
import { OutcomeStep } from './outcome-step';
import { ReferralsStep } from './referrals-step';
import type { StepProps } from './step-props';

const stepTitles: Record<EncounterStep, string> = {
  who: 'Who',
  consent: 'Consent',
  changes: 'What has changed',
  noticed: 'What you noticed',
  needs: 'Needs',
  referrals: 'Referrals',
  appointments: 'Appointments',
  outcome: 'Outcome and supplies',
  summary: 'Summary',
};

function WhoStep({ draft, update, client }: StepProps) {
  return (
    <>
      <p>{client ? `Encounter with ${client.alias}.` : 'Anonymous contact: nothing identifying is kept.'}</p>
      <label htmlFor="encounter-area">Area</label>
      <input id="encounter-area" value={draft.area} autoComplete="off" onChange={(e) => update((d) => ({ ...d, area: e.target.value }))} />
      <ContactKindSelect id="encounter-kind" value={draft.contactKind ?? 'street'} onChange={(contactKind) => update((d) => ({ ...d, contactKind }))} />
    </>
  );
}

function NeedsStep({ draft }: StepProps) {
  const needs = currentNeeds(draft);
  if (needs.length === 0) return <p className="empty">No needs recorded. That is fine: building trust counts.</p>;
  return (
    <ul className="list" aria-label="Needs recorded">
      {needs.map(({ domain, need }) => (
        <li key={domain} className="card">
          {needDomainLabels[domain]}: <strong>{needLevelLabels[need]}</strong>
        </li>
      ))}
    </ul>
  );
}

/** What will be saved; `offers` false for an encounter already saved (nothing more can be chosen). */
function SummaryStep({ draft, update, client, agencies, offers = true }: StepProps & { offers?: boolean }) {
  const agencyName = (id: string | null) => agencies.find((a) => a.id === id)?.name ?? 'No agency';
  const problems = encounterProblems(draft);
  const offerKeyWorker = offers && client !== null && (client.keyWorkerId ?? null) === null && keepsRecord(draft);
  return (
    <>
      <dl className="card">
        <dt className="hint">Area</dt>
        <dd>{draft.area || '—'}</dd>
        <dt className="hint">What you noticed</dt>
        <dd>{(draft.noticed?.cues ?? []).map((cue) => traffickingCueLabels[cue]).join('; ') || 'Nothing noted'}</dd>
        <dt className="hint">Needs</dt>
        <dd>{currentNeeds(draft).map((n) => `${needDomainLabels[n.domain]} (${n.need})`).join('; ') || 'None recorded'}</dd>
        <dt className="hint">Referrals</dt>
        <dd>{draft.referrals.map((r) => agencyName(r.agencyId)).join('; ') || 'None'}</dd>
        <dt className="hint">Appointments</dt>
        <dd>{draft.appointments.map((a) => `${agencyName(a.agencyId)}, ${a.date} ${a.time}${a.accompany ? ' (going with them)' : ''}`).join('; ') || 'None'}</dd>
        <dt className="hint">Outcome</dt>
        <dd>{outcomeLabels[draft.outcome]}</dd>
        <dt className="hint">Supplies</dt>
        <dd>{describeSupplies(draft.supplies)}</dd>
        <dt className="hint">For the next worker</dt>
        <dd>{draft.summary.trim() || 'Nothing added'}</dd>
      </dl>
      {offerKeyWorker && (
        <label className="check">
          <input type="checkbox" checked={draft.becomeKeyWorker} onChange={(e) => update((d) => ({ ...d, becomeKeyWorker: e.target.checked }))} />{' '}
          {client.alias} has no key worker: make me their key worker
        </label>
      )}
      {problems.length > 0 && (
        <div role="alert" className="banner error">
          <p>Before saving:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

const stepComponents: Record<EncounterStep, (props: StepProps) => React.JSX.Element> = {
  who: WhoStep,
  consent: ConsentStep,
  changes: ChangesStep,
  noticed: NoticedStep,
  needs: NeedsStep,
  referrals: ReferralsStep,
  appointments: AppointmentsStep,
  outcome: OutcomeStep,
  summary: SummaryStep,
};

/** An encounter already recorded, reopened: what was saved, and no way to save it again. */
function SavedEncounter({ onDone, ...props }: StepProps & { onDone: () => void }) {
  return (
    <section aria-labelledby="encounter-heading" className="encounter">
      <h1 id="encounter-heading">Encounter saved</h1>
      <p role="status" className="banner">
        This encounter was already saved. It is not recorded twice.
      </p>
      <SummaryStep {...props} offers={false} />
      <div className="button-row encounter-nav">
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}

/** One encounter, told once: a short stepper, autosaved, one save for everything. */
export function EncounterFlow({ clientId }: { clientId: string | null }) {
  const { draft, resumedAt, alreadySaved, keptAt, update, record } = useEncounterDraft(clientId);
  const client = useEncounterClient(clientId);
  const agencies = useAgencies();
  const openReferrals = useOpenReferrals(clientId);
  const userId = useSessionStore((s) => s.user?.id);
  const navigate = useRouteStore((s) => s.navigate);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (draft === null || client === undefined || agencies === undefined || openReferrals === undefined || userId === undefined) {
    return <p className="empty">Opening the encounter…</p>;
  }
  const leave = () => navigate(clientId === null ? { screen: 'clients' } : { screen: 'client', clientId });
  if (alreadySaved) return <SavedEncounter draft={draft} update={update} client={client} agencies={agencies} openReferrals={openReferrals} onDone={leave} />;
  const index = encounterSteps.indexOf(draft.step);
  const go = (step: EncounterStep | undefined) => step && update((d) => ({ ...d, step }));
  const Step = stepComponents[draft.step];
  const save = async () => {
    if (encounterProblems(draft).length > 0) return;
    setSaving(true);
    setFailure(null);
    try {
      const outcome = await record(buildEncounterCommands(draft, { now: new Date(), userId, client, labels: needDomainLabels }));
      if (outcome === 'recorded') leave(); // otherwise it was saved before: shown as saved
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Saving failed; the encounter is still here.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <section aria-labelledby="encounter-heading" className="encounter">
      <h1 id="encounter-heading">{stepTitles[draft.step]}</h1>
      <p className="hint">
        Step {index + 1} of {encounterSteps.length}
        {resumedAt !== null && ` · resumed from ${new Date(resumedAt).toLocaleTimeString('en-GB', { timeStyle: 'short' })}`}
        {keptAt !== null && ` · kept on this device ${new Date(keptAt).toLocaleTimeString('en-GB', { timeStyle: 'short' })}`}
      </p>
      <Step draft={draft} update={update} client={client} agencies={agencies} openReferrals={openReferrals} />
      {failure && (
        <p role="alert" className="banner error">
          {failure}
        </p>
      )}
      <div className="button-row encounter-nav">
        {index > 0 && (
          <button type="button" onClick={() => go(encounterSteps[index - 1])}>
            Back
          </button>
        )}
        {draft.step === 'summary' ? (
          <button type="button" className="primary" disabled={saving || encounterProblems(draft).length > 0} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save encounter'}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => go(encounterSteps[index + 1])}>
            Next: {stepTitles[encounterSteps[index + 1] ?? 'summary']}
          </button>
        )}
      </div>
    </section>
  );
}
