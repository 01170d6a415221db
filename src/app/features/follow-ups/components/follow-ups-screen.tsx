import { useState } from 'react';
import { useMinuteClock } from '../../../components/use-minute-clock';
import { useRouteStore } from '../../../stores/route-store';
import { useSessionStore } from '../../../stores/session-store';
import { followUpReasonLabels } from '../../../components/labels';
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
      setDone(`Done: ${followUpReasonLabels[followUp.reason].toLowerCase()} for ${alias ?? 'the client'}.`);
    } catch (error) {
      setDone('');
      setFailure(error instanceof Error ? error.message : 'That follow-up was not marked done. Try again.');
    }
  };

  return (
    <section aria-labelledby="follow-ups-heading">
      <h1 id="follow-ups-heading">{isLead && wholeTeam ? "The team's follow-ups" : 'My follow-ups'}</h1>
      {isLead && (
        <div className="button-row" role="group" aria-label="Whose follow-ups">
          <button type="button" aria-pressed={!wholeTeam} onClick={() => setWholeTeam(false)}>
            Mine
          </button>
          <button type="button" aria-pressed={wholeTeam} onClick={() => setWholeTeam(true)}>
            Whole team
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
        <p className="empty">Opening…</p>
      ) : items.length === 0 ? (
        <p className="empty">
          Nothing to follow up. A missed appointment or a check-in you are given will show here.
        </p>
      ) : (
        <ul className="list" aria-label={isLead && wholeTeam ? "The team's follow-ups" : 'My follow-ups'}>
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
        {overdue && <span className="tag"> Overdue</span>}
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
          {alias ?? 'Open client (not on this device yet)'}
        </a>
      </p>
      {team !== null && (
        <>
          <label htmlFor={`assignee-${followUp.id}`}>Assigned to</label>
          <select
            id={`assignee-${followUp.id}`}
            value={followUp.assigneeId ?? ''}
            onChange={(e) => void reassignFollowUp(followUp.id, e.target.value === '' ? null : e.target.value)}
          >
            <option value="">Nobody yet</option>
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
          Done
        </button>
      </div>
    </li>
  );
}
