import type { AppointmentRecord } from '../../../../shared/domain/appointment';
import type { ConsentRecord } from '../../../../shared/domain/consent';
import type { ContactRecord } from '../../../../shared/domain/contact';
import type { ClientStory, TimelineEvent } from '../../../../shared/domain/client-story';
import { useState } from 'react';
import {
  appointmentStatusLabels,
  followUpReasonLabels,
  needDomainLabels,
  needLevelLabels,
  contactKindLabels,
  outcomeLabels,
  referralStatusLabels,
  consentKindLabels,
} from '../../../components/labels';
import { anySupplies, describeSupplies } from '../../../components/supplies';
import { canUndoMissed } from '../../../../shared/domain/appointment-status';
import { nextReferralStatuses } from '../../../../shared/domain/referral-status';
import type { ReferralRecord } from '../../../../shared/domain/referral';
import { appointmentsRepository, clientsRepository, consentsRepository, referralsRepository } from '../../../stores/runtime';
import { useSessionStore } from '../../../stores/session-store';
import { useRouteStore } from '../../../stores/route-store';
import type { StoryData } from '../hooks/use-client-story';
import { AddFollowUp } from './add-follow-up';
import { WindowList } from '../../../components/window-list';
import { t } from '../../../i18n/i18n';
import { formatDateTime } from '../../../i18n/format';

const when = (iso: string) => formatDateTime(iso);

/** "“Has a dog”": a person's own words, in the language's quotation marks. */
const quoted = (text: string) => t('clientStory.quoted', { text });

const consentDecision = (decision: string) => t('clientStory.consentDecision', { decision });

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** What a worker may record about an appointment: an outcome once it is due, otherwise a change of plan. */
type AppointmentActions = 'outcome' | 'before' | 'missed';

function AppointmentItem({ appointment, agencyName, actions, keyWorkerId }: { appointment: AppointmentRecord; agencyName: string; actions: AppointmentActions; keyWorkerId: string | null }) {
  const [confirmMissed, setConfirmMissed] = useState(false);
  // The follow-up a missed appointment opens goes to their key worker, or else to whoever marks it.
  const missed = () => void appointmentsRepository.transition(appointment.id, 'missed', keyWorkerId === null ? {} : { followUpAssigneeId: keyWorkerId });
  const move = (to: 'attended' | 'cancelled') => void appointmentsRepository.transition(appointment.id, to);
  return (
    <li>
      <p>
        <strong>{when(appointment.at)}</strong> — {t('clientStory.appointment.where', { agency: agencyName, place: appointment.place, status: appointmentStatusLabels[appointment.status] })}
        {appointment.accompaniedBy && <span className="tag ok">{t('clientStory.appointment.accompanied')}</span>}
      </p>
      {actions === 'outcome' && (
        <div className="button-row" role="group" aria-label={t('clientStory.appointment.didTheyGo')}>
          <button type="button" onClick={() => move('attended')}>
            {t('clientStory.appointment.attended')}
          </button>
          <button type="button" onClick={missed}>
            {t('clientStory.appointment.missed')}
          </button>
          <button type="button" onClick={() => move('cancelled')}>
            {t('clientStory.appointment.cancelled')}
          </button>
        </div>
      )}
      {actions === 'missed' && canUndoMissed(appointment, new Date()) && (
        <div className="button-row">
          <button type="button" onClick={() => void appointmentsRepository.undoMissed(appointment.id)}>
            {t('clientStory.appointment.undoMissed')}
          </button>
        </div>
      )}
      {actions === 'before' &&
        (confirmMissed ? (
          <div role="alertdialog" aria-labelledby={`missed-${appointment.id}`} className="banner error">
            <p id={`missed-${appointment.id}`}>{t('clientStory.appointment.notYet')}</p>
            <div className="button-row">
              <button type="button" onClick={() => setConfirmMissed(false)}>
                {t('clientStory.appointment.keepBooked')}
              </button>
              <button type="button" className="danger" onClick={missed}>
                {t('clientStory.appointment.markMissed')}
              </button>
            </div>
          </div>
        ) : (
          <div className="button-row" role="group" aria-label={t('clientStory.appointment.changeOfPlan')}>
            <button type="button" onClick={() => move('cancelled')}>
              {t('clientStory.appointment.cancelled')}
            </button>
            <button type="button" onClick={() => setConfirmMissed(true)}>
              {t('clientStory.appointment.missedAsk')}
            </button>
          </div>
        ))}
    </li>
  );
}

/** "Check in: done by Sam, 7 Dec 2025, 10:00", with whichever of who and when is known. */
function doneText(data: StoryData, f: ClientStory['doneFollowUps'][number]): string {
  const reason = followUpReasonLabels[f.reason];
  const name = f.completedBy ? memberName(data, f.completedBy) : null;
  const at = f.completedAt ? when(f.completedAt) : null;
  if (name !== null && at !== null) return t('clientStory.followUps.doneByAt', { reason, name, at });
  if (name !== null) return t('clientStory.followUps.doneBy', { reason, name });
  if (at !== null) return t('clientStory.followUps.doneAt', { reason, at });
  return t('clientStory.followUps.done', { reason });
}

function FollowUps({ story, data, clientId }: { story: ClientStory; data: StoryData; clientId: string }) {
  return (
    <Section title={t('clientStory.followUps.heading')}>
      <AddFollowUp clientId={clientId} keyWorkerId={story.keyWorkerId} />
      {story.doneFollowUps.length > 0 && (
        <ul className="list" aria-label={t('clientStory.followUps.doneList')}>
          {story.doneFollowUps.map((f) => (
            <li key={f.id} className="hint">
              {doneText(data, f)}
            </li>
          ))}
        </ul>
      )}
      {story.openFollowUps.length === 0 ? (
        <p className="empty">{t('clientStory.followUps.none')}</p>
      ) : (
        <ul className="list">
          {story.openFollowUps.map((f) => (
            <li key={f.id}>
              {t('clientStory.followUps.due', {
                reason: followUpReasonLabels[f.reason],
                at: when(f.dueAt),
                assignee: f.assigneeId === null ? t('clientStory.followUps.nobodyAssigned') : memberName(data, f.assigneeId),
              })}
              {f.notes ? <span className="hint"> — {quoted(f.notes)}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** "On the street, Docks: building trust; 2 condoms" (and the note for the next worker, for those who read it). */
function contactText(contact: ContactRecord): string {
  const given = anySupplies(contact.supplies) ? `; ${describeSupplies(contact.supplies)}` : '';
  const note = contact.summary?.trim() ? ` — ${quoted(contact.summary.trim())}` : '';
  return `${t('clientStory.contact.summary', { kind: contactKindLabels[contact.kind], area: contact.area, outcome: outcomeLabels[contact.outcome] })}${given}${note}`;
}

function timelineText(event: TimelineEvent, agencyName: (id: string | null) => string): string {
  switch (event.kind) {
    case 'contact':
      return contactText(event.record);
    case 'assessment':
      return t('clientStory.timeline.assessment');
    case 'referral':
      return t('clientStory.timeline.referral', { agency: agencyName(event.record.agencyId), status: t('clientStory.referralStatus', { status: event.status }) });
    case 'appointment':
      return t('clientStory.timeline.appointment', { agency: agencyName(event.record.agencyId), status: t('clientStory.appointmentStatus', { status: event.status }) });
    case 'note':
      return t('clientStory.timeline.note', { body: event.record.body });
    case 'consent':
      return t('clientStory.timeline.consent', { kind: consentKindLabels[event.record.kind], decision: consentDecision(event.record.decision) });
  }
}

const memberName = (data: StoryData, userId: string): string => data.members.find((m) => m.id === userId)?.name ?? t('clientStory.formerMember');

function KeyWorker({ clientId, data }: { clientId: string; data: StoryData }) {
  const me = useSessionStore((s) => s.user?.id);
  const keyWorker = data.members.find((m) => m.id === data.story.keyWorkerId);
  return (
    <Section title={t('clientStory.keyWorker.heading')}>
      <p>{keyWorker ? keyWorker.name : t('clientStory.keyWorker.none')}</p>
      {me && data.story.keyWorkerId !== me && (
        <button type="button" onClick={() => void clientsRepository.update(clientId, { keyWorkerId: me })}>
          {t('clientStory.keyWorker.makeMe')}
        </button>
      )}
    </Section>
  );
}

function ReferralMoves({ referral }: { referral: ReferralRecord }) {
  const moves = nextReferralStatuses(referral.status);
  if (moves.length === 0) return null;
  return (
    <div className="button-row" role="group" aria-label={t('clientStory.referrals.updateStatus')}>
      {moves.map((to) => (
        <button key={to} type="button" onClick={() => void referralsRepository.transition(referral.id, to)}>
          {referralStatusLabels[to]}
        </button>
      ))}
    </div>
  );
}

function LastContacts({ story }: { story: ClientStory }) {
  return (
    <Section title={t('clientStory.lastContacts.heading')}>
      {story.lastContacts.length === 0 ? (
        <p className="empty">{t('clientStory.lastContacts.empty')}</p>
      ) : (
        <ul className="list">
          {story.lastContacts.map((c) => (
            <li key={c.id}>
              {when(c.at)} — {contactText(c)}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The page the next worker reads first, so the person never tells their story twice. */
/** "They no longer agree to share with X": asked once more, then a new consent event (works offline). */
function WithdrawShare({ consent, agency }: { consent: ConsentRecord; agency: string }) {
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t('clientStory.withdrawShare.button', { agency })}
      </button>
    );
  }
  const withdraw = async () => {
    try {
      await consentsRepository.withdrawShare(consent.clientId, consent.agencyId ?? '');
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('clientStory.thatDidNotWork'));
    }
  };
  return (
    <div role="group" aria-label={t('clientStory.withdrawShare.ask', { agency })} className="card">
      <p>{t('clientStory.withdrawShare.explain', { agency })}</p>
      <div className="button-row">
        <button type="button" className="danger" onClick={() => void withdraw()}>
          {t('clientStory.withdrawShare.stop')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('clientStory.withdrawShare.keep')}
        </button>
      </div>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}

export function ClientStoryView({ clientId, data, readsCaseFile }: { clientId: string; data: StoryData; readsCaseFile: boolean }) {
  const { story, agencies } = data;
  const navigate = useRouteStore((s) => s.navigate);
  const agencyName = (id: string | null) => agencies.find((a) => a.id === id)?.name ?? t('clientStory.noAgency');
  const sharingWithdrawn = new Set(story.consentState.filter((c) => c.kind === 'share' && c.decision === 'withdrawn').map((c) => c.agencyId));
  if (!readsCaseFile) return <LastContacts story={story} />;
  return (
    <>
      {story.forNextWorker && (
        <Section title={t('clientStory.nextWorker.heading')}>
          <p>{story.forNextWorker.summary}</p>
          <p className="hint">
            {memberName(data, story.forNextWorker.createdBy)}, {when(story.forNextWorker.at)}
          </p>
        </Section>
      )}
      <KeyWorker clientId={clientId} data={data} />
      <Section title={t('clientStory.needs.heading')}>
        {story.currentNeeds.length === 0 ? (
          <p className="empty">{t('clientStory.needs.none')}</p>
        ) : (
          <ul className="list">
            {story.currentNeeds.map((need) => (
              <li key={need.domain}>
                {needDomainLabels[need.domain]}: <strong>{needLevelLabels[need.need]}</strong>
                {need.notes && <span className="hint"> — {need.notes}</span>}
              </li>
            ))}
          </ul>
        )}
        {story.assessedAt && <p className="hint">{t('clientStory.needs.assessed', { at: when(story.assessedAt) })}</p>}
      </Section>
      <Section title={t('clientStory.referrals.heading')}>
        {story.openReferrals.length === 0 ? (
          <p className="empty">{t('clientStory.referrals.none')}</p>
        ) : (
          <ul className="list">
            {story.openReferrals.map((r) => (
              <li key={r.id}>
                {agencyName(r.agencyId)} — {needDomainLabels[r.need]} ({referralStatusLabels[r.status]}){' '}
                {sharingWithdrawn.has(r.agencyId) && (
                  <strong className="field-error">{t('clientStory.referrals.shareWithdrawn', { agency: agencyName(r.agencyId) })}</strong>
                )}{' '}
                <button type="button" onClick={() => navigate({ screen: 'referral-pack', referralId: r.id })}>
                  {t('clientStory.referrals.pack')}
                </button>
                <ReferralMoves referral={r} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      {story.awaitingOutcome.length > 0 && (
        <Section title={t('clientStory.awaitingOutcome.heading')}>
          <ul className="list">
            {story.awaitingOutcome.map((a) => (
              <AppointmentItem key={a.id} appointment={a} agencyName={agencyName(a.agencyId)} actions="outcome" keyWorkerId={story.keyWorkerId} />
            ))}
          </ul>
        </Section>
      )}
      <Section title={t('clientStory.upcoming.heading')}>
        {story.upcomingAppointments.length === 0 ? (
          <p className="empty">{t('clientStory.upcoming.none')}</p>
        ) : (
          <ul className="list">
            {story.upcomingAppointments.map((a) => (
              <AppointmentItem key={a.id} appointment={a} agencyName={agencyName(a.agencyId)} actions="before" keyWorkerId={story.keyWorkerId} />
            ))}
          </ul>
        )}
      </Section>
      {story.missedAppointments.length > 0 && (
        <Section title={t('clientStory.missed.heading')}>
          <ul className="list">
            {story.missedAppointments.map((a) => (
              <AppointmentItem key={a.id} appointment={a} agencyName={agencyName(a.agencyId)} actions="missed" keyWorkerId={story.keyWorkerId} />
            ))}
          </ul>
        </Section>
      )}
      <FollowUps story={story} data={data} clientId={clientId} />
      <LastContacts story={story} />
      <Section title={t('clientStory.consent.heading')}>
        {story.consentState.length === 0 ? (
          <p className="empty">{t('clientStory.consent.none')}</p>
        ) : (
          <ul className="list">
            {story.consentState.map((c) => (
              <li key={c.id}>
                {c.agencyId ? t('clientStory.consent.withAgency', { kind: consentKindLabels[c.kind], agency: agencyName(c.agencyId) }) : consentKindLabels[c.kind]}:{' '}
                <strong>{consentDecision(c.decision)}</strong>{' '}
                <span className="hint">({when(c.decidedAt)})</span>
                {c.kind === 'share' && c.decision === 'given' && c.agencyId && <WithdrawShare consent={c} agency={agencyName(c.agencyId)} />}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('clientStory.timeline.heading')}>
        {story.timeline.length === 0 ? (
          <p className="empty">{t('clientStory.timeline.empty')}</p>
        ) : (
          <WindowList
            ordered
            label={t('clientStory.timeline.label')}
            items={story.timeline}
            itemKey={(event) => `${event.kind}-${event.record.id}-${event.at}`}
            renderItem={(event) => (
              <>
                <span className="hint">{when(event.at)}</span> {timelineText(event, agencyName)}
              </>
            )}
          />
        )}
      </Section>
    </>
  );
}
