/**
 * Trafficking and the NRM on a person's page: what workers noticed (observations, never
 * accusations), where their NRM referral stands, and the forms to record the referral and
 * each decision as it comes. Workers and team leads only; loaded when the page opens, not
 * with the app shell.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ClientRecord } from '../../../../shared/domain/client';
import { latestConsents } from '../../../../shared/domain/client-story';
import type { ConsentRecord } from '../../../../shared/domain/consent';
import { nrmReferArgsSchema, type NrmReferralRecord } from '../../../../shared/domain/nrm';
import { awaitedDecision, nextNrmStatuses, NRM_DECISION_FOLLOW_UP_DAYS } from '../../../../shared/domain/nrm-status';
import type { ObservationRecord } from '../../../../shared/domain/observation';
import type { UserRecord } from '../../../../shared/domain/people';
import { nrmRecordArgsSchema } from '../../../../shared/sync/commands';
import { describeDay, todayOnThisPhone } from '../../../components/calendar-day';
import { FormFailure } from '../../../components/form-failure';
import { nrmStatusLabels, nrmStepLabels, traffickingCueLabels } from '../../../components/labels';
import { TextField } from '../../../components/text-field';
import { tooBigMaximum, worded } from '../../../components/worded-rule';
import { consentsRepository, nrmRepository, teamMembersRepository } from '../../../stores/runtime';
import { t } from '../../../i18n/i18n';
import { formatDateTime } from '../../../i18n/format';

const when = (iso: string): string => formatDateTime(iso);

/*
 * The forms' rules are the shared NRM rules (the ones the server applies), applied as they
 * are; only their refusals are worded here, from the catalogue, when the check runs (so in
 * the language shown then). A "too long" refusal names the shared rule's own limit.
 */

/** "at most 120 characters" for a text the shared rule finds too long, else `otherwise`. */
const tooLongOr =
  (otherwise: () => string) =>
  (issue: z.core.$ZodIssue): string => {
    const max = tooBigMaximum(issue);
    return max === null ? otherwise() : t('clientStory.atMostCharacters', { max });
  };
const notAsItIs = () => t('clientStory.nrm.problem.notAsItIs');

/** An optional text box: left empty, it is none (undefined); typed in, the shared rule checks it as typed. */
const optionalText = <Output,>(rule: z.ZodType<Output, string>) =>
  z.string().transform((typed) => (typed.trim() === '' ? undefined : typed)).pipe(rule.optional());

interface PanelData {
  readonly referrals: readonly NrmReferralRecord[];
  readonly observations: readonly ObservationRecord[];
  readonly nrmConsent: ConsentRecord | null;
  readonly members: readonly UserRecord[];
}

function usePanelData(clientId: string): PanelData | undefined {
  return useLiveQuery(async () => {
    const [referrals, observations, consents, members] = await Promise.all([
      nrmRepository.referralsFor(clientId),
      nrmRepository.observationsFor(clientId),
      consentsRepository.forClient(clientId),
      teamMembersRepository.list(),
    ]);
    const nrmConsent = latestConsents(consents).find((c) => c.kind === 'nrm') ?? null;
    return { referrals, observations, nrmConsent, members };
  }, [clientId]);
}

const memberName = (members: readonly UserRecord[], id: string) => members.find((m) => m.id === id)?.name ?? t('clientStory.nrm.colleague');

function Observations({ observations, members }: Pick<PanelData, 'observations' | 'members'>) {
  if (observations.length === 0) return <p className="empty">{t('clientStory.nrm.nothingNoted')}</p>;
  return (
    <ul className="list" aria-label={t('clientStory.nrm.noticed')}>
      {observations.map((o) => (
        <li key={o.id}>
          <ul>
            {o.cues.map((cue) => (
              <li key={cue}>{traffickingCueLabels[cue]}</li>
            ))}
          </ul>
          {o.notes && <p>{o.notes}</p>}
          <p className="hint">
            {t('clientStory.nrm.noticedBy', { name: memberName(members, o.createdBy), at: when(o.observedAt) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The referral's dates so far, as lines. */
function referralFacts(referral: NrmReferralRecord): string[] {
  const d = referral.decisions;
  return [
    t('clientStory.nrm.fact.referred', { day: describeDay(referral.referredOn), firstResponder: referral.firstResponder, route: referral.route }),
    ...(referral.reference ? [t('clientStory.nrm.fact.reference', { reference: referral.reference })] : []),
    ...(d.reasonableGroundsOn ? [t('clientStory.nrm.fact.reasonableGrounds', { day: describeDay(d.reasonableGroundsOn) })] : []),
    ...(d.supportProvider ? [t('clientStory.nrm.fact.supportProvider', { provider: d.supportProvider })] : []),
    ...(d.reconsiderationRequestedOn ? [t('clientStory.nrm.fact.reconsideration', { day: describeDay(d.reconsiderationRequestedOn) })] : []),
    ...(d.conclusiveGroundsOn ? [t('clientStory.nrm.fact.conclusiveGrounds', { day: describeDay(d.conclusiveGroundsOn) })] : []),
    ...(d.withdrawnOn ? [t('clientStory.nrm.fact.withdrawn', { day: describeDay(d.withdrawnOn) })] : []),
  ];
}

const sharedStep = nrmRecordArgsSchema.shape;

const stepFormSchema = z.object({
  to: sharedStep.to,
  on: worded(sharedStep.on, () => t('clientStory.nrm.problem.on')),
  supportProvider: worded(optionalText(sharedStep.supportProvider.unwrap()), tooLongOr(notAsItIs)),
});
type StepFormInput = z.input<typeof stepFormSchema>;
type StepForm = z.output<typeof stepFormSchema>;

/** Records what happened next on the referral's path: only the moves the lifecycle has. */
function RecordStep({ referral }: { referral: NrmReferralRecord }) {
  const moves = nextNrmStatuses(referral.status).filter((s): s is StepForm['to'] => s !== 'referred');
  const [failure, setFailure] = useState<string | null>(null);
  const first = moves[0] ?? 'withdrawn';
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<StepFormInput, unknown, StepForm>({ resolver: zodResolver(stepFormSchema), defaultValues: { to: first, on: todayOnThisPhone(), supportProvider: '' } });
  if (moves.length === 0) return null;
  const to = watch('to');
  const onSubmit = handleSubmit(async (form) => {
    setFailure(null);
    try {
      const provider = form.to === 'rg_positive' && form.supportProvider !== undefined ? { supportProvider: form.supportProvider } : {};
      await nrmRepository.record(referral.id, { to: form.to, on: form.on, ...provider });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('clientStory.savingFailed'));
    }
  });
  const id = `nrm-step-${referral.id}`;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('clientStory.nrm.step.form')}>
      <label htmlFor={`${id}-to`}>{t('clientStory.nrm.step.what')}</label>
      <select id={`${id}-to`} {...register('to')}>
        {moves.map((status) => (
          <option key={status} value={status}>
            {nrmStepLabels[status]}
          </option>
        ))}
      </select>
      <TextField id={`${id}-on`} label={t('clientStory.nrm.step.on')} type="date" error={errors.on?.message} registration={register('on')} />
      {to === 'rg_positive' && (
        <TextField
          id={`${id}-provider`}
          label={t('clientStory.nrm.step.provider')}
          hint={t('clientStory.nrm.step.ifKnown')}
          autoComplete="off"
          error={errors.supportProvider?.message}
          registration={register('supportProvider')}
        />
      )}
      <FormFailure message={failure} />
      <button type="submit" disabled={isSubmitting}>
        {t('clientStory.nrm.step.record')}
      </button>
    </form>
  );
}

function Referral({ referral }: { referral: NrmReferralRecord }) {
  const awaited = awaitedDecision(referral.status);
  return (
    <li className="card">
      <p>
        <strong>{nrmStatusLabels[referral.status]}</strong>
      </p>
      <ul>
        {referralFacts(referral).map((fact) => (
          <li key={fact}>{fact}</li>
        ))}
      </ul>
      {awaited !== null && (
        <p className="hint">{t('clientStory.nrm.chaseFollowUp', { days: NRM_DECISION_FOLLOW_UP_DAYS[awaited] })}</p>
      )}
      <RecordStep referral={referral} />
    </li>
  );
}

const sharedReferral = nrmReferArgsSchema.shape;

const referFormSchema = z.object({
  firstResponder: worded(sharedReferral.firstResponder, tooLongOr(() => t('clientStory.nrm.problem.firstResponder'))),
  referredOn: worded(sharedReferral.referredOn, () => t('clientStory.nrm.problem.referredOn')),
  reference: worded(optionalText(sharedReferral.reference.unwrap()), tooLongOr(notAsItIs)),
});
type ReferFormInput = z.input<typeof referFormSchema>;
type ReferForm = z.output<typeof referFormSchema>;

/** Why a referral cannot be recorded yet, or null: an adult needs their NRM consent first. */
function referralBlocked(client: ClientRecord, consent: ConsentRecord | null): string | null {
  if (client.mayBeUnder18 === true) return null;
  if (consent?.decision === 'given') return null;
  if (consent === null) return t('clientStory.nrm.blocked.noConsent');
  return t('clientStory.nrm.blocked.declined');
}

function ReferToNrm({ client, consent }: { client: ClientRecord; consent: ConsentRecord | null }) {
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ReferFormInput, unknown, ReferForm>({ resolver: zodResolver(referFormSchema), defaultValues: { firstResponder: '', referredOn: todayOnThisPhone(), reference: '' } });
  const blocked = referralBlocked(client, consent);
  if (blocked !== null) return <p className="hint">{blocked}</p>;
  const child = client.mayBeUnder18 === true;
  const onSubmit = handleSubmit(async (form) => {
    setFailure(null);
    try {
      await nrmRepository.refer({
        clientId: client.id,
        route: child ? 'child' : 'adult',
        consentId: child ? null : (consent?.id ?? null),
        firstResponder: form.firstResponder,
        referredOn: form.referredOn,
        reference: form.reference ?? null,
      });
      setOpen(false);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('clientStory.savingFailed'));
    }
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('clientStory.nrm.refer.open')}
      </button>
    );
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('clientStory.nrm.refer.open')}>
      <p className="hint">{child ? t('clientStory.nrm.refer.childRoute') : t('clientStory.nrm.refer.consented')}</p>
      <TextField id="nrm-first-responder" label={t('clientStory.nrm.refer.firstResponder')} autoComplete="organization" error={errors.firstResponder?.message} registration={register('firstResponder')} />
      <TextField id="nrm-referred-on" label={t('clientStory.nrm.refer.referredOn')} type="date" error={errors.referredOn?.message} registration={register('referredOn')} />
      <TextField
        id="nrm-reference"
        label={t('clientStory.nrm.refer.reference')}
        hint={t('clientStory.nrm.refer.ifAny')}
        autoComplete="off"
        error={errors.reference?.message}
        registration={register('reference')}
      />
      <FormFailure message={failure} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('clientStory.nrm.refer.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('clientStory.cancel')}
        </button>
      </div>
    </form>
  );
}

const isOngoing = (r: NrmReferralRecord) => nextNrmStatuses(r.status).length > 0;

export function NrmPanel({ client }: { client: ClientRecord }) {
  const data = usePanelData(client.id);
  if (data === undefined) return null;
  return (
    <>
      <section aria-label={t('clientStory.nrm.noticed')} className="card">
        <h2>{t('clientStory.nrm.noticed')}</h2>
        <Observations observations={data.observations} members={data.members} />
      </section>
      <section aria-label={t('clientStory.nrm.heading')} className="card">
        <h2>{t('clientStory.nrm.heading')}</h2>
        {data.referrals.length === 0 ? (
          <p className="empty">{t('clientStory.nrm.none')}</p>
        ) : (
          <ul className="list">
            {data.referrals.map((r) => (
              <Referral key={r.id} referral={r} />
            ))}
          </ul>
        )}
        {!data.referrals.some(isOngoing) && <ReferToNrm client={client} consent={data.nrmConsent} />}
      </section>
    </>
  );
}
