/** Plain-language labels for domain values, shared by every screen that shows them. */
import type { NeedDomain, NeedLevel, Role } from '../../shared/domain/common';
import type { ReferralStatus } from '../../shared/domain/referral';
import type { AppointmentStatus } from '../../shared/domain/appointment';
import type { AgencyEditable } from '../../shared/domain/agency';
import type { ClientProfile, SafetyFlag } from '../../shared/domain/client';
import type { FollowUpReason } from '../../shared/domain/follow-up';
import type { ContactKind } from '../../shared/domain/contact';
import type { ExploitationKind } from '../../shared/domain/duty-to-notify';
import type { NrmStatus } from '../../shared/domain/nrm';
import type { TraffickingCue } from '../../shared/domain/observation';

export const needDomainLabels: Record<NeedDomain, string> = {
  gp_physical_health: 'GP and physical health (incl. wounds)',
  mental_health: 'Mental health',
  sexual_health: 'Sexual health (testing, contraception, screening, pregnancy)',
  drugs_alcohol: 'Drugs and alcohol (incl. naloxone)',
  housing: 'Housing',
  domestic_abuse: 'Domestic abuse',
  exploitation_trafficking: 'Exploitation and trafficking',
  immigration_nhs_entitlement: 'Immigration and NHS entitlement',
};

export const needLevelLabels: Record<NeedLevel, string> = {
  none: 'No need',
  some: 'Some need',
  urgent: 'Urgent',
  not_asked: 'Not asked',
  prefer_not_to_say: 'Prefer not to say',
};

export const referralStatusLabels: Record<ReferralStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  acknowledged: 'Acknowledged',
  booked: 'Booked',
  attended: 'Attended',
  not_attended: 'Did not attend',
  declined: 'Declined',
  closed: 'Closed',
};

export const appointmentStatusLabels: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  attended: 'Attended',
  missed: 'Missed',
  cancelled: 'Cancelled',
  rescheduled: 'Rescheduled',
};

export const outcomeLabels = {
  building_trust: 'Building trust',
  support_given: 'Support given',
  referral_made: 'Referral made',
  appointment_booked: 'Appointment booked',
  signposted: 'Signposted',
  declined_support: 'Declined support',
  other: 'Other',
} as const;

export const followUpReasonLabels: Record<FollowUpReason, string> = {
  missed_appointment: 'Missed appointment',
  check_in: 'Check in',
  referral_chase: 'Chase a referral',
  nrm_decision: 'Chase an NRM decision',
  other: 'Follow up',
};

/** What a worker may notice, as an observation in plain words (never an accusation). */
export const traffickingCueLabels: Record<TraffickingCue, string> = {
  someone_else_answered: 'Someone else answered or interpreted for them',
  not_allowed_to_speak_alone: 'Accompanied, and not able to speak alone',
  others_control_money: 'Someone else seems to control their money',
  others_hold_documents: 'Someone else holds their ID or documents',
  debt_to_those_who_brought_them: 'Owes a debt to whoever brought them here',
  signs_of_physical_control: 'Signs of physical control or harm',
  does_not_know_address: 'Does not know their address or where they are',
  unpaid_or_overlong_work: 'Unpaid work, or work far too long',
  moved_between_places: 'Moved often between places or cities',
};

/** Where an NRM referral stands, as the client's story and the caseload say it. */
export const nrmStatusLabels: Record<NrmStatus, string> = {
  referred: 'Referred, awaiting reasonable grounds decision',
  rg_positive: 'Positive reasonable grounds: recovery period, awaiting conclusive grounds',
  rg_negative: 'Negative reasonable grounds',
  rg_reconsideration: 'Reconsideration of reasonable grounds requested',
  cg_positive: 'Positive conclusive grounds',
  cg_negative: 'Negative conclusive grounds',
  cg_reconsideration: 'Reconsideration of conclusive grounds requested',
  withdrawn: 'Withdrawn',
};

/** The step that moves an NRM referral to a status, as a button names it. */
export const nrmStepLabels: Record<NrmStatus, string> = {
  referred: 'Referred',
  rg_positive: 'Positive reasonable grounds decision',
  rg_negative: 'Negative reasonable grounds decision',
  rg_reconsideration: 'Reconsideration requested',
  cg_positive: 'Positive conclusive grounds decision',
  cg_negative: 'Negative conclusive grounds decision',
  cg_reconsideration: 'Reconsideration requested',
  withdrawn: 'Withdrawn from the NRM',
};

export const exploitationKindLabels: Record<ExploitationKind, string> = {
  sexual: 'Sexual exploitation',
  labour: 'Labour exploitation',
  criminal: 'Criminal exploitation',
  domestic_servitude: 'Domestic servitude',
  not_known: 'Not known',
};

export const roleLabels: Record<Role, string> = {
  outreach_worker: 'Outreach worker',
  peer_volunteer: 'Peer volunteer',
  team_lead: 'Team lead',
};

/** Client profile fields as a person names them. */
export const clientFieldLabels: Record<keyof ClientProfile, string> = {
  alias: 'Alias',
  legalName: 'Legal name',
  birthYear: 'Birth year',
  ageBand: 'Age band',
  mayBeUnder18: 'May be under 18',
  genderIdentity: 'Gender identity',
  pronouns: 'Pronouns',
  languages: 'Languages',
  preferredLanguage: 'Preferred language',
  interpreterNeeded: 'Interpreter needed',
  interpreterGender: 'Interpreter: woman or man',
  interpreterNotFromTheirCommunity: 'Interpreter not from their community',
  gpRegistered: 'Registered with a GP',
  safeContactMethods: 'Safe ways to contact',
  usualAreas: 'Usual areas',
  keyWorkerId: 'Key worker',
  safetyFlags: 'Safety flags',
  processingRestricted: 'Do not process (restricted)',
};

/** How the team met them, as a worker says it. */
export const contactKindLabels: Record<ContactKind, string> = {
  street: 'On the street',
  drop_in: 'At a drop-in',
  phone: 'By phone',
  online: 'Online',
  van_clinic: 'At the van or clinic',
  accompanied_visit: 'On an accompanied visit',
  other: 'Somewhere else',
};

export const safetyFlagLabels: Record<SafetyFlag, string> = {
  violent_partner: 'Violent partner or pimp',
  being_watched: 'May be watched',
  no_contact_when_not_alone: 'No contact unless alone',
  risk_to_workers: 'Risk to workers',
  self_harm_risk: 'Self-harm risk',
  other: 'Other safety concern',
};

export const agencyFieldLabels: Record<keyof AgencyEditable, string> = {
  name: 'Name',
  services: 'Services',
  openingHours: 'Opening hours',
  outOfHours: 'Out of hours',
  fastTrack: 'Fast-track or referral code',
  womenOnly: 'Women only',
  transInclusive: 'Trans-inclusive',
  howToRefer: 'How to refer',
  phone: 'Phone',
  address: 'Address',
  noIdNeeded: 'No ID or address needed',
  interpretersAvailable: 'Interpreters available',
  acceptsAccompanied: 'Accompanied clients welcome',
};

/** Actions in words; anything else is shown as it is stored. */
export const auditActionLabels: Record<string, string> = {
  login: 'Signed in',
  logout: 'Signed out',
  'password.change': 'Changed their password',
  'client.create': 'Added a client',
  'client.update': 'Changed a profile',
  'contact.record': 'Recorded a contact',
  'assessment.record': 'Recorded an assessment',
  'consent.record': 'Recorded consent',
  'note.add': 'Added a note',
  'safetyAlert.raise': 'Raised a safety alert',
  'safetyAlert.withdraw': 'Withdrew a safety alert',
  'referral.create': 'Made a referral',
  'referral.transition': 'Updated a referral',
  'appointment.book': 'Booked an appointment',
  'appointment.transition': 'Updated an appointment',
  'followUp.create': 'Opened a follow-up',
  'followUp.complete': 'Completed a follow-up',
  'reviewItem.resolve': 'Resolved a review item',
  'agency.create': 'Added an agency',
  'agency.update': 'Changed an agency',
  'agency.archive': 'Archived or restored an agency',
  'users.create': 'Added a person',
  'users.update': 'Changed a person',
  'users.resetPassword': 'Reset a password',
  'users.list': 'Listed the team',
  'devices.list': 'Listed devices',
  'devices.revoke': 'Signed a device out',
  'team.update': 'Changed team settings',
  'audit.view': 'Looked at the audit log',
  'audit.export': 'Exported the audit log',
  'reports.view': 'Looked at a report',
  'clients.erase.request': 'Asked to erase a person',
  'clients.erase': 'Erased a person',
  'clients.erase.cancel': 'Cancelled an erasure',
  'clients.export': 'Exported everything held about a person',
  'retention.purge': 'Removed what is past its retention period',
  'device.export': 'Exported unsynced changes',
  'device.lock': 'Locked a device',
  'device.wipe': 'Erased a device',
};
