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

const consentKindWords = {
  store: 'to keep a record',
  share: 'to share',
  nrm: 'to an NRM referral',
  duty_to_notify: 'Duty to Notify',
  child_safeguarding: 'child safeguarding route',
} as const;

const when = (iso: string): string => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function value(field: keyof ClientProfile, v: unknown): string {
  if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return 'cleared';
  if (field === 'keyWorkerId') return 'assigned';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map(String).join(', ');
  return typeof v === 'string' || typeof v === 'number' ? String(v) : 'changed';
}

function profileDetails(profile: Partial<ClientProfile>): string[] {
  return (Object.keys(clientFieldLabels) as (keyof ClientProfile)[])
    .filter((field) => field in profile)
    .map((field) => `${clientFieldLabels[field]}: ${value(field, profile[field])}`);
}

/** The change in words: a title and a few lines of what it holds. */
export function describeChange(command: Command, names: ChangeNames): DescribedChange {
  const client = (id: string) => names.client(id) ?? 'a client';
  const agency = (id: string | null | undefined) => (id == null ? 'no agency' : (names.agency(id) ?? 'an agency'));
  switch (command.name) {
    case 'client.create':
      return { title: `New client: ${command.args.profile.alias}`, details: profileDetails(command.args.profile).slice(1) };
    case 'client.update':
      return { title: `Profile change: ${client(command.args.id)}`, details: profileDetails(command.args.set) };
    case 'contact.record': {
      const a = command.args;
      const who = a.clientId == null ? 'anonymous' : client(a.clientId);
      const details = [`${when(a.at)}, ${who}`, contactKindLabels[a.kind], outcomeLabels[a.outcome]];
      if (anySupplies(a.supplies)) details.push(describeSupplies(a.supplies));
      if (a.summary?.trim()) details.push(`For the next worker: ${a.summary.trim()}`);
      return { title: `Contact in ${a.area}`, details };
    }
    case 'assessment.record': {
      const needs = Object.entries(command.args.domains)
        .filter(([, answer]) => answer.need !== 'not_asked')
        .map(([domain, answer]) => `${needDomainLabels[domain as keyof typeof needDomainLabels]}: ${needLevelLabels[answer.need]}`);
      return { title: `Assessment: ${client(command.args.clientId)}`, details: needs };
    }
    case 'consent.record': {
      const a = command.args;
      const about = a.kind === 'share' ? `${consentKindWords.share} with ${agency(a.agencyId)}` : consentKindWords[a.kind];
      return { title: `Consent: ${client(a.clientId)}`, details: [`${a.decision[0]?.toUpperCase() ?? ''}${a.decision.slice(1)} ${about}`, when(a.decidedAt)] };
    }
    case 'note.add':
      return { title: `Note: ${client(command.args.clientId)}`, details: [command.args.body] };
    case 'safetyAlert.raise':
      return { title: `Safety alert in ${command.args.area}`, details: [command.args.message] };
    case 'referral.create':
      return { title: `Referral to ${agency(command.args.agencyId)}`, details: [`${client(command.args.clientId)}: ${needDomainLabels[command.args.need]}`] };
    case 'referral.transition':
      return { title: 'Referral update', details: [`Now ${referralStatusLabels[command.args.to].toLowerCase()}`, when(command.args.at)] };
    case 'appointment.book':
      return { title: `Appointment: ${client(command.args.clientId)}`, details: [`${when(command.args.at)}, ${agency(command.args.agencyId)}, ${command.args.place}`] };
    case 'appointment.undoMissed':
      return { title: 'Appointment booked again', details: ['Missed was undone', when(command.args.at)] };
    case 'appointment.transition':
      return { title: 'Appointment update', details: [`Now ${appointmentStatusLabels[command.args.to].toLowerCase()}`, when(command.args.at)] };
    case 'followUp.create':
      return { title: `Follow-up: ${client(command.args.clientId)}`, details: [followUpReasonLabels[command.args.reason], `Due ${when(command.args.dueAt)}`] };
    case 'followUp.reassign':
      return { title: 'Follow-up reassigned', details: [command.args.assigneeId === null ? 'To nobody yet' : 'To a colleague'] };
    case 'followUp.complete':
      return { title: 'Follow-up done', details: [when(command.args.at)] };
    case 'safetyAlert.withdraw':
      return { title: 'Safety alert withdrawn', details: [when(command.args.at)] };
    case 'reviewItem.resolve': {
      const kept = { current: 'Kept the current value', other: 'Used the other value', merged: 'Wrote a merged value' }[command.args.keep];
      return { title: 'Review resolved', details: [kept, when(command.args.at)] };
    }
    case 'agency.create':
      return { title: `New agency: ${command.args.profile.name}`, details: command.args.profile.services.map((s) => needDomainLabels[s]) };
    case 'agency.update':
      return { title: `Agency change: ${agency(command.args.id)}`, details: Object.keys(command.args.set).map((field) => agencyFieldLabels[field as keyof typeof agencyFieldLabels]) };
    case 'agency.archive':
      return { title: `${command.args.archived ? 'Agency archived' : 'Agency restored'}: ${agency(command.args.id)}`, details: [] };
    case 'observation.record':
      return { title: `What you noticed: ${client(command.args.clientId)}`, details: command.args.cues.map((cue) => traffickingCueLabels[cue]) };
    case 'nrm.refer':
      return { title: `NRM referral: ${client(command.args.clientId)}`, details: [`By ${command.args.firstResponder}`, `Referred ${describeDay(command.args.referredOn)}`] };
    case 'nrm.record':
      return { title: 'NRM update', details: [nrmStepLabels[command.args.to], describeDay(command.args.on)] };
    case 'dutyToNotify.record':
      return { title: 'Duty to Notify (anonymous)', details: [exploitationKindLabels[command.args.exploitation], describeDay(command.args.notifiedOn)] };
  }
}
