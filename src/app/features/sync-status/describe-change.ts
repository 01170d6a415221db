/**
 * A change waiting in the outbox (or refused by the server), in the words of the screen it
 * was made on: "New client: Kestrel", "Contact in Docks — 1 condom". Never raw JSON: a worker
 * checking what has not synced yet reads it at a glance. Pure, so it is tested without a DOM.
 */
import {
  agencyFieldLabels,
  appointmentStatusLabels,
  clientFieldLabels,
  contactKindLabels,
  exploitationKindLabels,
  followUpReasonLabels,
  needDomainLabels,
  needLevelLabels,
  nrmStepLabels,
  outcomeLabels,
  referralStatusLabels,
  traffickingCueLabels,
} from '../../components/labels';
import { describeDay } from '../../components/calendar-day';
import { anySupplies, describeSupplies } from '../../components/supplies';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { MessageId } from '../../i18n/locales/en';
import type { ClientProfile } from '../../../shared/domain/client';
import type { Command } from '../../../shared/sync/commands';

/** Names the device knows for the ids a change holds; undefined when it does not know one. */
export interface ChangeNames {
  readonly client: (id: string) => string | undefined;
  readonly agency: (id: string) => string | undefined;
}

export interface DescribedChange {
  readonly title: string;
  readonly details: readonly string[];
}

const consentAboutIds = {
  store: 'session.change.consentAbout.store',
  share: 'session.change.consentAbout.share',
  nrm: 'session.change.consentAbout.nrm',
  duty_to_notify: 'session.change.consentAbout.dutyToNotify',
  child_safeguarding: 'session.change.consentAbout.childSafeguarding',
} as const satisfies Readonly<Record<string, MessageId>>;

const reviewKeptIds = {
  current: 'session.change.kept.current',
  other: 'session.change.kept.other',
  merged: 'session.change.kept.merged',
} as const satisfies Readonly<Record<string, MessageId>>;

const when = (iso: string): string => formatDateTime(iso, { dateStyle: 'medium', timeStyle: 'short' });

/** "Label: value", in the interface's language. */
const pair = (label: string, value: string): string => t('session.change.pair', { label, value });

function value(field: keyof ClientProfile, v: unknown): string {
  if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return t('session.change.value.cleared');
  if (field === 'keyWorkerId') return t('session.change.value.assigned');
  if (typeof v === 'boolean') return v ? t('session.change.value.yes') : t('session.change.value.no');
  if (Array.isArray(v)) return v.map(String).join(', ');
  return typeof v === 'string' || typeof v === 'number' ? String(v) : t('session.change.value.changed');
}

function profileDetails(profile: Partial<ClientProfile>): string[] {
  return (Object.keys(clientFieldLabels) as (keyof ClientProfile)[])
    .filter((field) => field in profile)
    .map((field) => pair(clientFieldLabels[field], value(field, profile[field])));
}

/** The change in words: a title and a few lines of what it holds. */
export function describeChange(command: Command, names: ChangeNames): DescribedChange {
  const client = (id: string) => names.client(id) ?? t('session.change.someClient');
  const agency = (id: string | null | undefined) => (id == null ? t('session.change.noAgency') : (names.agency(id) ?? t('session.change.someAgency')));
  switch (command.name) {
    case 'client.create':
      return { title: t('session.change.newClient', { alias: command.args.profile.alias }), details: profileDetails(command.args.profile).slice(1) };
    case 'client.update':
      return { title: t('session.change.profileChange', { client: client(command.args.id) }), details: profileDetails(command.args.set) };
    case 'contact.record': {
      const a = command.args;
      const who = a.clientId == null ? t('session.change.anonymous') : client(a.clientId);
      const details = [t('session.change.contactWhen', { when: when(a.at), who }), contactKindLabels[a.kind], outcomeLabels[a.outcome]];
      if (anySupplies(a.supplies)) details.push(describeSupplies(a.supplies));
      if (a.summary?.trim()) details.push(t('session.change.nextWorker', { summary: a.summary.trim() }));
      return { title: t('session.change.contact', { area: a.area }), details };
    }
    case 'assessment.record': {
      const needs = Object.entries(command.args.domains)
        .filter(([, answer]) => answer.need !== 'not_asked')
        .map(([domain, answer]) => pair(needDomainLabels[domain as keyof typeof needDomainLabels], needLevelLabels[answer.need]));
      return { title: t('session.change.assessment', { client: client(command.args.clientId) }), details: needs };
    }
    case 'consent.record': {
      const a = command.args;
      const about = t(consentAboutIds[a.kind], a.kind === 'share' ? { agency: agency(a.agencyId) } : undefined);
      return { title: t('session.change.consent', { client: client(a.clientId) }), details: [t('session.change.consentDetail', { decision: a.decision, about }), when(a.decidedAt)] };
    }
    case 'note.add':
      return { title: t('session.change.note', { client: client(command.args.clientId) }), details: [command.args.body] };
    case 'safetyAlert.raise':
      return { title: t('session.change.safetyAlert', { area: command.args.area }), details: [command.args.message] };
    case 'referral.create':
      return { title: t('session.change.referral', { agency: agency(command.args.agencyId) }), details: [pair(client(command.args.clientId), needDomainLabels[command.args.need])] };
    case 'referral.transition':
      return { title: t('session.change.referralUpdate'), details: [t('session.change.now', { status: referralStatusLabels[command.args.to].toLowerCase() }), when(command.args.at)] };
    case 'appointment.book':
      return {
        title: t('session.change.appointment', { client: client(command.args.clientId) }),
        details: [t('session.change.appointmentDetail', { when: when(command.args.at), agency: agency(command.args.agencyId), place: command.args.place })],
      };
    case 'appointment.undoMissed':
      return { title: t('session.change.appointmentBookedAgain'), details: [t('session.change.missedUndone'), when(command.args.at)] };
    case 'appointment.transition':
      return { title: t('session.change.appointmentUpdate'), details: [t('session.change.now', { status: appointmentStatusLabels[command.args.to].toLowerCase() }), when(command.args.at)] };
    case 'followUp.create':
      return {
        title: t('session.change.followUp', { client: client(command.args.clientId) }),
        details: [followUpReasonLabels[command.args.reason], t('session.change.due', { when: when(command.args.dueAt) })],
      };
    case 'followUp.reassign':
      return { title: t('session.change.followUpReassigned'), details: [command.args.assigneeId === null ? t('session.change.toNobody') : t('session.change.toColleague')] };
    case 'followUp.complete':
      return { title: t('session.change.followUpDone'), details: [when(command.args.at)] };
    case 'safetyAlert.withdraw':
      return { title: t('session.change.safetyAlertWithdrawn'), details: [when(command.args.at)] };
    case 'reviewItem.resolve':
      return { title: t('session.change.reviewResolved'), details: [t(reviewKeptIds[command.args.keep]), when(command.args.at)] };
    case 'agency.create':
      return { title: t('session.change.newAgency', { name: command.args.profile.name }), details: command.args.profile.services.map((s) => needDomainLabels[s]) };
    case 'agency.update':
      return {
        title: t('session.change.agencyChange', { agency: agency(command.args.id) }),
        details: Object.keys(command.args.set).map((field) => agencyFieldLabels[field as keyof typeof agencyFieldLabels]),
      };
    case 'agency.archive':
      return { title: t(command.args.archived ? 'session.change.agencyArchived' : 'session.change.agencyRestored', { agency: agency(command.args.id) }), details: [] };
    case 'observation.record':
      return { title: t('session.change.observation', { client: client(command.args.clientId) }), details: command.args.cues.map((cue) => traffickingCueLabels[cue]) };
    case 'nrm.refer':
      return {
        title: t('session.change.nrmReferral', { client: client(command.args.clientId) }),
        details: [t('session.change.nrmBy', { firstResponder: command.args.firstResponder }), t('session.change.nrmReferred', { day: describeDay(command.args.referredOn) })],
      };
    case 'nrm.record':
      return { title: t('session.change.nrmUpdate'), details: [nrmStepLabels[command.args.to], describeDay(command.args.on)] };
    case 'dutyToNotify.record':
      return { title: t('session.change.dutyToNotify'), details: [exploitationKindLabels[command.args.exploitation], describeDay(command.args.notifiedOn)] };
  }
}
