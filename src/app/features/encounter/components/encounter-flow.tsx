import { useState } from 'react';
import { needDomainLabels, needLevelLabels, outcomeLabels, traffickingCueLabels } from '../../../components/labels';
import { describeInterpreter, describeLanguage } from '../../../components/languages';
import { describeSupplies } from '../../../components/supplies';
import { useRouteStore } from '../../../stores/route-store';
import { useSessionStore } from '../../../stores/session-store';
import { t } from '../../../i18n/i18n';
import { formatTime } from '../../../i18n/format';
import type { MessageId } from '../../../i18n/locales/en';
import { buildEncounterCommands, currentNeeds, encounterProblems, encounterSteps, keepsRecord, languageUpdate, type EncounterStep, type LanguageAnswer } from '../encounter-model';
import { useAgencies, useEncounterClient, useEncounterDraft, useOpenReferrals } from '../hooks/use-encounter-draft';
import { AppointmentsStep } from './appointments-step';
import { ChangesStep } from './changes-step';
import { ConsentStep } from './consent-step';
import { NoticedStep } from './noticed-step';
import { OutcomeStep } from './outcome-step';
import { ReferralsStep } from './referrals-step';
import { WhoStep } from './who-step';
import type { StepProps } from './step-props';

const stepTitles: Record<EncounterStep, MessageId> = {
  who: 'encounter.step.who',
  consent: 'encounter.step.consent',
  changes: 'encounter.step.changes',
  noticed: 'encounter.step.noticed',
  needs: 'encounter.step.needs',
  referrals: 'encounter.step.referrals',
  appointments: 'encounter.step.appointments',
  outcome: 'encounter.step.outcome',
  summary: 'encounter.step.summary',
};


/** "Still true", or what their record will say after the save. */
function describeLanguageAnswer(answer: LanguageAnswer): string {
  if (answer.stillTrue === true || languageUpdate(answer) === null) return t('encounter.summary.languageStillTrue');
  const facts = [answer.now.languages.map(describeLanguage).join(', '), describeInterpreter({ ...answer.now, languages: [...answer.now.languages] })].filter((part): part is string => part !== null && part !== '');
  return facts.length === 0 ? t('encounter.summary.languageUpdated') : t('encounter.summary.languageUpdatedTo', { facts: facts.join(' · ') });
}

function NeedsStep({ draft }: StepProps) {
  const needs = currentNeeds(draft);
  if (needs.length === 0) return <p className="empty">{t('encounter.needs.none')}</p>;
  return (
    <ul className="list" aria-label={t('encounter.needs.listLabel')}>
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
  const agencyName = (id: string | null) => agencies.find((a) => a.id === id)?.name ?? t('encounter.summary.noAgency');
  const problems = encounterProblems(draft);
  const offerKeyWorker = offers && client !== null && (client.keyWorkerId ?? null) === null && keepsRecord(draft);
  return (
    <>
      <dl className="card">
        <dt className="hint">{t('encounter.summary.area')}</dt>
        <dd>{draft.area || '—'}</dd>
        {draft.language !== undefined && draft.language.stillTrue !== null && (
          <>
            <dt className="hint">{t('encounter.summary.language')}</dt>
            <dd>{describeLanguageAnswer(draft.language)}</dd>
          </>
        )}
        <dt className="hint">{t('encounter.summary.noticed')}</dt>
        <dd>{(draft.noticed?.cues ?? []).map((cue) => traffickingCueLabels[cue]).join('; ') || t('encounter.summary.nothingNoted')}</dd>
        <dt className="hint">{t('encounter.summary.needs')}</dt>
        <dd>{currentNeeds(draft).map((n) => t('encounter.summary.need', { domain: needDomainLabels[n.domain], level: n.need })).join('; ') || t('encounter.summary.noneRecorded')}</dd>
        <dt className="hint">{t('encounter.summary.referrals')}</dt>
        <dd>{draft.referrals.map((r) => agencyName(r.agencyId)).join('; ') || t('encounter.summary.none')}</dd>
        <dt className="hint">{t('encounter.summary.appointments')}</dt>
        <dd>
          {draft.appointments
            .map((a) => t(a.accompany ? 'encounter.summary.appointmentAccompanied' : 'encounter.summary.appointment', { agency: agencyName(a.agencyId), date: a.date, time: a.time }))
            .join('; ') || t('encounter.summary.none')}
        </dd>
        <dt className="hint">{t('encounter.summary.outcome')}</dt>
        <dd>{outcomeLabels[draft.outcome]}</dd>
        <dt className="hint">{t('encounter.summary.supplies')}</dt>
        <dd>{describeSupplies(draft.supplies)}</dd>
        <dt className="hint">{t('encounter.summary.forNextWorker')}</dt>
        <dd>{draft.summary.trim() || t('encounter.summary.nothingAdded')}</dd>
      </dl>
      {offerKeyWorker && (
        <label className="check">
          <input type="checkbox" checked={draft.becomeKeyWorker} onChange={(e) => update((d) => ({ ...d, becomeKeyWorker: e.target.checked }))} />{' '}
          {t('encounter.summary.becomeKeyWorker', { alias: client.alias })}
        </label>
      )}
      {problems.length > 0 && (
        <div role="alert" className="banner error">
          <p>{t('encounter.summary.beforeSaving')}</p>
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
      <h1 id="encounter-heading">{t('encounter.flow.savedHeading')}</h1>
      <p role="status" className="banner">
        {t('encounter.flow.alreadySaved')}
      </p>
      <SummaryStep {...props} offers={false} />
      <div className="button-row encounter-nav">
        <button type="button" className="primary" onClick={onDone}>
          {t('encounter.flow.done')}
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
    return <p className="empty">{t('encounter.flow.opening')}</p>;
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
      setFailure(error instanceof Error ? error.message : t('encounter.flow.saveFailed'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section aria-labelledby="encounter-heading" className="encounter">
      <h1 id="encounter-heading">{t(stepTitles[draft.step])}</h1>
      <p className="hint">
        {t('encounter.flow.stepOf', { step: index + 1, total: encounterSteps.length })}
        {resumedAt !== null && ` · ${t('encounter.flow.resumedFrom', { time: formatTime(resumedAt) })}`}
        {keptAt !== null && ` · ${t('encounter.flow.keptOnDevice', { time: formatTime(keptAt) })}`}
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
            {t('encounter.flow.back')}
          </button>
        )}
        {draft.step === 'summary' ? (
          <button type="button" className="primary" disabled={saving || encounterProblems(draft).length > 0} onClick={() => void save()}>
            {saving ? t('encounter.flow.saving') : t('encounter.flow.save')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => go(encounterSteps[index + 1])}>
            {t('encounter.flow.next', { step: t(stepTitles[encounterSteps[index + 1] ?? 'summary']) })}
          </button>
        )}
      </div>
    </section>
  );
}
