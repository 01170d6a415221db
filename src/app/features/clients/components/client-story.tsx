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

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

const consentKindLabels: Record<ConsentRecord['kind'], string> = {
  store: 'Store their record',
  share: 'Share',
  nrm: 'NRM referral',
  duty_to_notify: 'Anonymous Duty to Notify',
  child_safeguarding: 'Child safeguarding route',
};

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
        <strong>{when(appointment.at)}</strong> — {agencyName}, {appointment.place} ({appointmentStatusLabels[appointment.status]})
        {appointment.accompaniedBy && <span className="tag ok">accompanied</span>}
      </p>
      {actions === 'outcome' && (
        <div className="button-row" role="group" aria-label="Did they go?">
          <button type="button" onClick={() => move('attended')}>
            Attended
          </button>
          <button type="button" onClick={missed}>
            Missed
          </button>
          <button type="button" onClick={() => move('cancelled')}>
            Cancelled
          </button>
        </div>
      )}
      {actions === 'missed' && canUndoMissed(appointment, new Date()) && (
        <div className="button-row">
          <button type="button" onClick={() => void appointmentsRepository.undoMissed(appointment.id)}>
            Undo: not missed after all
          </button>
        </div>
      )}
      {actions === 'before' &&
        (confirmMissed ? (
          <div role="alertdialog" aria-labelledby={`missed-${appointment.id}`} className="banner error">
            <p id={`missed-${appointment.id}`}>This appointment has not happened yet. Mark it missed anyway?</p>
            <div className="button-row">
              <button type="button" onClick={() => setConfirmMissed(false)}>
                No, keep it booked
              </button>
              <button type="button" className="danger" onClick={missed}>
                Yes, mark missed
              </button>
            </div>
          </div>
        ) : (
          <div className="button-row" role="group" aria-label="Change of plan">
            <button type="button" onClick={() => move('cancelled')}>
              Cancelled
            </button>
            <button type="button" onClick={() => setConfirmMissed(true)}>
              Missed…
            </button>
          </div>
        ))}
    </li>
  );
}

function FollowUps({ story, data, clientId }: { story: ClientStory; data: StoryData; clientId: string }) {
  return (
    <Section title="Follow-ups">
      <AddFollowUp clientId={clientId} keyWorkerId={story.keyWorkerId} />
      {story.doneFollowUps.length > 0 && (
        <ul className="list" aria-label="Follow-ups done">
          {story.doneFollowUps.map((f) => (
            <li key={f.id} className="hint">
              {followUpReasonLabels[f.reason]}: done
              {f.completedBy ? ` by ${memberName(data, f.completedBy)}` : ''}
              {f.completedAt ? `, ${when(f.completedAt)}` : ''}
            </li>
          ))}
        </ul>
      )}
      {story.openFollowUps.length === 0 ? (
        <p className="empty">No open follow-ups.</p>
      ) : (
        <ul className="list">
          {story.openFollowUps.map((f) => (
            <li key={f.id}>
              {followUpReasonLabels[f.reason]}: due {when(f.dueAt)} —{' '}
              {f.assigneeId === null ? 'nobody assigned' : memberName(data, f.assigneeId)}
              {f.notes ? <span className="hint"> — “{f.notes}”</span> : null}
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
  const note = contact.summary?.trim() ? ` — “${contact.summary.trim()}”` : '';
  return `${contactKindLabels[contact.kind]}, ${contact.area}: ${outcomeLabels[contact.outcome]}${given}${note}`;
}

function timelineText(event: TimelineEvent, agencyName: (id: string | null) => string): string {
  switch (event.kind) {
    case 'contact':
      return contactText(event.record);
    case 'assessment':
      return 'Assessment recorded';
    case 'referral':
      return `Referral to ${agencyName(event.record.agencyId)}: ${event.status}`;
    case 'appointment':
      return `Appointment with ${agencyName(event.record.agencyId)}: ${event.status}`;
    case 'note':
      return `Note: ${event.record.body}`;
    case 'consent':
      return `Consent — ${consentKindLabels[event.record.kind]}: ${event.record.decision}`;
  }
}

const memberName = (data: StoryData, userId: string): string => data.members.find((m) => m.id === userId)?.name ?? 'A former team member';

function KeyWorker({ clientId, data }: { clientId: string; data: StoryData }) {
  const me = useSessionStore((s) => s.user?.id);
  const keyWorker = data.members.find((m) => m.id === data.story.keyWorkerId);
  return (
    <Section title="Key worker">
      <p>{keyWorker ? keyWorker.name : 'No key worker yet.'}</p>
      {me && data.story.keyWorkerId !== me && (
        <button type="button" onClick={() => void clientsRepository.update(clientId, { keyWorkerId: me })}>
          Make me their key worker
        </button>
      )}
    </Section>
  );
}

function ReferralMoves({ referral }: { referral: ReferralRecord }) {
  const moves = nextReferralStatuses(referral.status);
  if (moves.length === 0) return null;
  return (
    <div className="button-row" role="group" aria-label="Update referral status">
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
    <Section title="Last contacts">
      {story.lastContacts.length === 0 ? (
        <p className="empty">No contacts yet.</p>
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
        Stop sharing with {agency}
      </button>
    );
  }
  const withdraw = async () => {
    try {
      await consentsRepository.withdrawShare(consent.clientId, consent.agencyId ?? '');
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'That did not work.');
    }
  };
  return (
    <div role="group" aria-label={`Stop sharing with ${agency}?`} className="card">
      <p>
        They no longer agree that we share with {agency}. New referrals to {agency} will be refused; open ones stay, marked, so you can tell {agency}.
      </p>
      <div className="button-row">
        <button type="button" className="danger" onClick={() => void withdraw()}>
          Stop sharing
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          Keep sharing
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
  const agencyName = (id: string | null) => agencies.find((a) => a.id === id)?.name ?? 'No agency';
  const sharingWithdrawn = new Set(story.consentState.filter((c) => c.kind === 'share' && c.decision === 'withdrawn').map((c) => c.agencyId));
  if (!readsCaseFile) return <LastContacts story={story} />;
  return (
    <>
      {story.forNextWorker && (
        <Section title="For the next worker">
          <p>{story.forNextWorker.summary}</p>
          <p className="hint">
            {memberName(data, story.forNextWorker.createdBy)}, {when(story.forNextWorker.at)}
          </p>
        </Section>
      )}
      <KeyWorker clientId={clientId} data={data} />
      <Section title="Current needs">
        {story.currentNeeds.length === 0 ? (
          <p className="empty">No current needs recorded.</p>
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
        {story.assessedAt && <p className="hint">Assessed {when(story.assessedAt)}</p>}
      </Section>
      <Section title="Open referrals">
        {story.openReferrals.length === 0 ? (
          <p className="empty">No open referrals.</p>
        ) : (
          <ul className="list">
            {story.openReferrals.map((r) => (
              <li key={r.id}>
                {agencyName(r.agencyId)} — {needDomainLabels[r.need]} ({referralStatusLabels[r.status]}){' '}
                {sharingWithdrawn.has(r.agencyId) && (
                  <strong className="field-error">Consent to share withdrawn: tell {agencyName(r.agencyId)}.</strong>
                )}{' '}
                <button type="button" onClick={() => navigate({ screen: 'referral-pack', referralId: r.id })}>
                  Referral pack
                </button>
                <ReferralMoves referral={r} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      {story.awaitingOutcome.length > 0 && (
        <Section title="Did they go?">
          <ul className="list">
            {story.awaitingOutcome.map((a) => (
              <AppointmentItem key={a.id} appointment={a} agencyName={agencyName(a.agencyId)} actions="outcome" keyWorkerId={story.keyWorkerId} />
            ))}
          </ul>
        </Section>
      )}
      <Section title="Upcoming appointments">
        {story.upcomingAppointments.length === 0 ? (
          <p className="empty">Nothing booked.</p>
        ) : (
          <ul className="list">
            {story.upcomingAppointments.map((a) => (
              <AppointmentItem key={a.id} appointment={a} agencyName={agencyName(a.agencyId)} actions="before" keyWorkerId={story.keyWorkerId} />
            ))}
          </ul>
        )}
      </Section>
      {story.missedAppointments.length > 0 && (
        <Section title="Missed appointments">
          <ul className="list">
            {story.missedAppointments.map((a) => (
              <AppointmentItem key={a.id} appointment={a} agencyName={agencyName(a.agencyId)} actions="missed" keyWorkerId={story.keyWorkerId} />
            ))}
          </ul>
        </Section>
      )}
      <FollowUps story={story} data={data} clientId={clientId} />
      <LastContacts story={story} />
      <Section title="Consent">
        {story.consentState.length === 0 ? (
          <p className="empty">No consent recorded yet: ask before storing anything.</p>
        ) : (
          <ul className="list">
            {story.consentState.map((c) => (
              <li key={c.id}>
                {consentKindLabels[c.kind]}
                {c.agencyId ? ` with ${agencyName(c.agencyId)}` : ''}: <strong>{c.decision}</strong>{' '}
                <span className="hint">({when(c.decidedAt)})</span>
                {c.kind === 'share' && c.decision === 'given' && c.agencyId && <WithdrawShare consent={c} agency={agencyName(c.agencyId)} />}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Timeline">
        {story.timeline.length === 0 ? (
          <p className="empty">Nothing recorded with them yet.</p>
        ) : (
          <WindowList
            ordered
            label="Timeline, newest first"
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
