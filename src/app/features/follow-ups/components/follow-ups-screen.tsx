import { useState } from 'react';
import { useMinuteClock } from '../../../components/use-minute-clock';
import { useRouteStore } from '../../../stores/route-store';
import { useSessionStore } from '../../../stores/session-store';
import { followUpReasonLabels } from '../../../components/labels';
import { uiLocale } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { describeDue, isOverdue } from '../follow-up-model';
import type { UserRecord } from '../../../../shared/domain/people';
import { completeFollowUp, reassignFollowUp, useMyFollowUps, useTeamFollowUps, useTeamMembers, type MyFollowUp } from '../hooks/use-my-follow-ups';

/**
 * The follow-ups assigned to me, soonest first; overdue ones stand out. A team lead can
 * switch to the whole team's, each with who it is assigned to.
 */
export function FollowUpsScreen() {
  const userId = useSessionStore((s) => s.user?.id ?? null);
  const isLead = useSessionStore((s) => s.user?.role === 'team_lead');
  const [wholeTeam, setWholeTeam] = useState(false);
  const mine = useMyFollowUps(userId);
  const team = useTeamFollowUps(isLead && wholeTeam);
  const members = useTeamMembers();
  const items = isLead && wholeTeam ? team : mine;
  const now = useMinuteClock();
  const [done, setDone] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const complete = async ({ followUp, alias }: MyFollowUp) => {
    setFailure(null);
    try {
      await completeFollowUp(followUp.id);
      const reason = followUpReasonLabels[followUp.reason].toLocaleLowerCase(uiLocale());
      setDone(alias === null ? t('followUps.screen.doneUnknownClient', { reason }) : t('followUps.screen.done', { reason, alias }));
    } catch (error) {
      setDone('');
      setFailure(error instanceof Error ? error.message : t('followUps.screen.completeFailed'));
    }
  };

  const heading = isLead && wholeTeam ? t('followUps.screen.teamHeading') : t('followUps.screen.myHeading');
  return (
    <section aria-labelledby="follow-ups-heading">
      <h1 id="follow-ups-heading">{heading}</h1>
      {isLead && (
        <div className="button-row" role="group" aria-label={t('followUps.screen.whose')}>
          <button type="button" aria-pressed={!wholeTeam} onClick={() => setWholeTeam(false)}>
            {t('followUps.screen.mine')}
          </button>
          <button type="button" aria-pressed={wholeTeam} onClick={() => setWholeTeam(true)}>
            {t('followUps.screen.wholeTeam')}
          </button>
        </div>
      )}
      <p role="status" className={done === '' ? 'visually-hidden' : 'banner'}>
        {done}
      </p>
      {failure !== null && (
        <p role="alert" className="banner error">
          {failure}
        </p>
      )}
      {items === undefined ? (
        <p className="empty">{t('followUps.screen.opening')}</p>
      ) : items.length === 0 ? (
        <p className="empty">
          {t('followUps.screen.empty')}
        </p>
      ) : (
        <ul className="list" aria-label={heading}>
          {items.map((item) => (
            <FollowUpItem
              key={item.followUp.id}
              item={item}
              now={now}
              team={isLead && wholeTeam ? (members ?? []) : null}
              onDone={() => void complete(item)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One follow-up; with `team` (a lead's whole-team view) it can be given to a colleague. */
function FollowUpItem({ item, now, team, onDone }: { item: MyFollowUp; now: Date; team: readonly UserRecord[] | null; onDone: () => void }) {
  const navigate = useRouteStore((s) => s.navigate);
  const { followUp, alias } = item;
  const overdue = isOverdue(followUp, now);
  const headingId = `follow-up-${followUp.id}`;
  return (
    <li className={overdue ? 'card follow-up overdue' : 'card follow-up'}>
      <h2 id={headingId} className="follow-up-reason">
        {followUpReasonLabels[followUp.reason]}
        {overdue && <span className="tag">{` ${t('followUps.item.overdue')}`}</span>}
      </h2>
      <p className={overdue ? 'follow-up-due overdue-text' : 'follow-up-due'}>{describeDue(followUp.dueAt, now)}</p>
      <p>
        <a
          href={`#/clients/${followUp.clientId}`}
          onClick={(event) => {
            event.preventDefault();
            navigate({ screen: 'client', clientId: followUp.clientId });
          }}
        >
          {alias ?? t('followUps.item.openClientNotHere')}
        </a>
      </p>
      {team !== null && (
        <>
          <label htmlFor={`assignee-${followUp.id}`}>{t('followUps.item.assignedTo')}</label>
          <select
            id={`assignee-${followUp.id}`}
            value={followUp.assigneeId ?? ''}
            onChange={(e) => void reassignFollowUp(followUp.id, e.target.value === '' ? null : e.target.value)}
          >
            <option value="">{t('followUps.item.nobodyYet')}</option>
            {team
              .filter((m) => m.role !== 'peer_volunteer')
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        </>
      )}
      {followUp.notes && <p className="hint">{followUp.notes}</p>}
      <div className="button-row">
        <button type="button" className="primary" aria-describedby={headingId} onClick={onDone}>
          {t('followUps.item.done')}
        </button>
      </div>
    </li>
  );
}
