/**
 * Plain-language labels for domain values, shared by every screen that shows them. Each map
 * is read as `labels[value]`, in the interface's active language: the words live in the
 * catalogue (src/app/i18n/locales/<code>/components.ts) and are looked up when read.
 */
import type { NeedDomain, NeedLevel, Role } from '../../shared/domain/common';
import type { ReferralStatus } from '../../shared/domain/referral';
import type { AppointmentStatus } from '../../shared/domain/appointment';
import type { AgencyEditable } from '../../shared/domain/agency';
import type { ClientProfile, SafetyFlag } from '../../shared/domain/client';
import type { FollowUpReason } from '../../shared/domain/follow-up';
import type { ContactKind, contactOutcomeSchema } from '../../shared/domain/contact';
import type { ExploitationKind } from '../../shared/domain/duty-to-notify';
import type { NrmStatus } from '../../shared/domain/nrm';
import type { TraffickingCue } from '../../shared/domain/observation';
import type { ConsentRecord } from '../../shared/domain/consent';
import type { z } from 'zod';
import { translatedLabels } from './translated-labels';

export const needDomainLabels: Readonly<Record<NeedDomain, string>> = translatedLabels({
  gp_physical_health: 'common.needDomain.gpPhysicalHealth',
  mental_health: 'common.needDomain.mentalHealth',
  sexual_health: 'common.needDomain.sexualHealth',
  drugs_alcohol: 'common.needDomain.drugsAlcohol',
  housing: 'common.needDomain.housing',
  domestic_abuse: 'common.needDomain.domesticAbuse',
  exploitation_trafficking: 'common.needDomain.exploitationTrafficking',
  immigration_nhs_entitlement: 'common.needDomain.immigrationNhsEntitlement',
});

export const needLevelLabels: Readonly<Record<NeedLevel, string>> = translatedLabels({
  none: 'common.needLevel.none',
  some: 'common.needLevel.some',
  urgent: 'common.needLevel.urgent',
  not_asked: 'common.needLevel.notAsked',
  prefer_not_to_say: 'common.needLevel.preferNotToSay',
});

export const referralStatusLabels: Readonly<Record<ReferralStatus, string>> = translatedLabels({
  draft: 'common.referralStatus.draft',
  sent: 'common.referralStatus.sent',
  acknowledged: 'common.referralStatus.acknowledged',
  booked: 'common.referralStatus.booked',
  attended: 'common.referralStatus.attended',
  not_attended: 'common.referralStatus.notAttended',
  declined: 'common.referralStatus.declined',
  closed: 'common.referralStatus.closed',
});

export const appointmentStatusLabels: Readonly<Record<AppointmentStatus, string>> = translatedLabels({
  booked: 'common.appointmentStatus.booked',
  attended: 'common.appointmentStatus.attended',
  missed: 'common.appointmentStatus.missed',
  cancelled: 'common.appointmentStatus.cancelled',
  rescheduled: 'common.appointmentStatus.rescheduled',
});

export const outcomeLabels: Readonly<Record<z.infer<typeof contactOutcomeSchema>, string>> = translatedLabels({
  building_trust: 'common.outcome.buildingTrust',
  support_given: 'common.outcome.supportGiven',
  referral_made: 'common.outcome.referralMade',
  appointment_booked: 'common.outcome.appointmentBooked',
  signposted: 'common.outcome.signposted',
  declined_support: 'common.outcome.declinedSupport',
  other: 'common.outcome.other',
});

export const followUpReasonLabels: Readonly<Record<FollowUpReason, string>> = translatedLabels({
  missed_appointment: 'common.followUpReason.missedAppointment',
  check_in: 'common.followUpReason.checkIn',
  referral_chase: 'common.followUpReason.referralChase',
  nrm_decision: 'common.followUpReason.nrmDecision',
  other: 'common.followUpReason.other',
});

/** What a worker may notice, as an observation in plain words (never an accusation). */
export const traffickingCueLabels: Readonly<Record<TraffickingCue, string>> = translatedLabels({
  someone_else_answered: 'common.traffickingCue.someoneElseAnswered',
  not_allowed_to_speak_alone: 'common.traffickingCue.notAllowedToSpeakAlone',
  others_control_money: 'common.traffickingCue.othersControlMoney',
  others_hold_documents: 'common.traffickingCue.othersHoldDocuments',
  debt_to_those_who_brought_them: 'common.traffickingCue.debtToThoseWhoBroughtThem',
  signs_of_physical_control: 'common.traffickingCue.signsOfPhysicalControl',
  does_not_know_address: 'common.traffickingCue.doesNotKnowAddress',
  unpaid_or_overlong_work: 'common.traffickingCue.unpaidOrOverlongWork',
  moved_between_places: 'common.traffickingCue.movedBetweenPlaces',
});

/** Where an NRM referral stands, as the client's story and the caseload say it. */
export const nrmStatusLabels: Readonly<Record<NrmStatus, string>> = translatedLabels({
  referred: 'common.nrmStatus.referred',
  rg_positive: 'common.nrmStatus.rgPositive',
  rg_negative: 'common.nrmStatus.rgNegative',
  rg_reconsideration: 'common.nrmStatus.rgReconsideration',
  cg_positive: 'common.nrmStatus.cgPositive',
  cg_negative: 'common.nrmStatus.cgNegative',
  cg_reconsideration: 'common.nrmStatus.cgReconsideration',
  withdrawn: 'common.nrmStatus.withdrawn',
});

/** The step that moves an NRM referral to a status, as a button names it. */
export const nrmStepLabels: Readonly<Record<NrmStatus, string>> = translatedLabels({
  referred: 'common.nrmStep.referred',
  rg_positive: 'common.nrmStep.rgPositive',
  rg_negative: 'common.nrmStep.rgNegative',
  rg_reconsideration: 'common.nrmStep.reconsideration',
  cg_positive: 'common.nrmStep.cgPositive',
  cg_negative: 'common.nrmStep.cgNegative',
  cg_reconsideration: 'common.nrmStep.reconsideration',
  withdrawn: 'common.nrmStep.withdrawn',
});

export const exploitationKindLabels: Readonly<Record<ExploitationKind, string>> = translatedLabels({
  sexual: 'common.exploitationKind.sexual',
  labour: 'common.exploitationKind.labour',
  criminal: 'common.exploitationKind.criminal',
  domestic_servitude: 'common.exploitationKind.domesticServitude',
  not_known: 'common.exploitationKind.notKnown',
});

export const consentKindLabels: Readonly<Record<ConsentRecord['kind'], string>> = translatedLabels({
  store: 'clientStory.consentKind.store',
  share: 'clientStory.consentKind.share',
  nrm: 'clientStory.consentKind.nrm',
  duty_to_notify: 'clientStory.consentKind.dutyToNotify',
  child_safeguarding: 'clientStory.consentKind.childSafeguarding',
});

/** How a person agreed, as the encounter's consent step asks it. */
export const consentMethodLabels: Readonly<Record<ConsentRecord['method'], string>> = translatedLabels({
  verbal: 'encounter.consent.methodVerbal',
  written: 'encounter.consent.methodWritten',
  via_interpreter: 'encounter.consent.methodInterpreter',
});

export const roleLabels: Readonly<Record<Role, string>> = translatedLabels({
  outreach_worker: 'common.role.outreachWorker',
  peer_volunteer: 'common.role.peerVolunteer',
  team_lead: 'common.role.teamLead',
});

/** Client profile fields as a person names them. */
export const clientFieldLabels: Readonly<Record<keyof ClientProfile, string>> = translatedLabels({
  alias: 'common.clientField.alias',
  legalName: 'common.clientField.legalName',
  birthYear: 'common.clientField.birthYear',
  ageBand: 'common.clientField.ageBand',
  mayBeUnder18: 'common.clientField.mayBeUnder18',
  genderIdentity: 'common.clientField.genderIdentity',
  pronouns: 'common.clientField.pronouns',
  languages: 'common.clientField.languages',
  preferredLanguage: 'common.clientField.preferredLanguage',
  interpreterNeeded: 'common.clientField.interpreterNeeded',
  interpreterGender: 'common.clientField.interpreterGender',
  interpreterNotFromTheirCommunity: 'common.clientField.interpreterNotFromTheirCommunity',
  gpRegistered: 'common.clientField.gpRegistered',
  safeContactMethods: 'common.clientField.safeContactMethods',
  usualAreas: 'common.clientField.usualAreas',
  keyWorkerId: 'common.clientField.keyWorkerId',
  safetyFlags: 'common.clientField.safetyFlags',
  processingRestricted: 'common.clientField.processingRestricted',
});

/** How the team met them, as a worker says it. */
export const contactKindLabels: Readonly<Record<ContactKind, string>> = translatedLabels({
  street: 'common.contactKind.street',
  drop_in: 'common.contactKind.dropIn',
  phone: 'common.contactKind.phone',
  online: 'common.contactKind.online',
  van_clinic: 'common.contactKind.vanClinic',
  accompanied_visit: 'common.contactKind.accompaniedVisit',
  other: 'common.contactKind.other',
});

export const safetyFlagLabels: Readonly<Record<SafetyFlag, string>> = translatedLabels({
  violent_partner: 'common.safetyFlag.violentPartner',
  being_watched: 'common.safetyFlag.beingWatched',
  no_contact_when_not_alone: 'common.safetyFlag.noContactWhenNotAlone',
  risk_to_workers: 'common.safetyFlag.riskToWorkers',
  self_harm_risk: 'common.safetyFlag.selfHarmRisk',
  other: 'common.safetyFlag.other',
});

export const agencyFieldLabels: Readonly<Record<keyof AgencyEditable, string>> = translatedLabels({
  name: 'common.agencyField.name',
  services: 'common.agencyField.services',
  openingHours: 'common.agencyField.openingHours',
  outOfHours: 'common.agencyField.outOfHours',
  fastTrack: 'common.agencyField.fastTrack',
  womenOnly: 'common.agencyField.womenOnly',
  transInclusive: 'common.agencyField.transInclusive',
  howToRefer: 'common.agencyField.howToRefer',
  phone: 'common.agencyField.phone',
  address: 'common.agencyField.address',
  noIdNeeded: 'common.agencyField.noIdNeeded',
  interpretersAvailable: 'common.agencyField.interpretersAvailable',
  acceptsAccompanied: 'common.agencyField.acceptsAccompanied',
});

/** Actions in words; anything else is shown as it is stored. */
export const auditActionLabels: Readonly<Record<string, string>> = translatedLabels({
  login: 'common.auditAction.login',
  logout: 'common.auditAction.logout',
  'password.change': 'common.auditAction.passwordChange',
  'client.create': 'common.auditAction.clientCreate',
  'client.update': 'common.auditAction.clientUpdate',
  'contact.record': 'common.auditAction.contactRecord',
  'assessment.record': 'common.auditAction.assessmentRecord',
  'consent.record': 'common.auditAction.consentRecord',
  'note.add': 'common.auditAction.noteAdd',
  'safetyAlert.raise': 'common.auditAction.safetyAlertRaise',
  'safetyAlert.withdraw': 'common.auditAction.safetyAlertWithdraw',
  'referral.create': 'common.auditAction.referralCreate',
  'referral.transition': 'common.auditAction.referralTransition',
  'appointment.book': 'common.auditAction.appointmentBook',
  'appointment.transition': 'common.auditAction.appointmentTransition',
  'followUp.create': 'common.auditAction.followUpCreate',
  'followUp.complete': 'common.auditAction.followUpComplete',
  'reviewItem.resolve': 'common.auditAction.reviewItemResolve',
  'agency.create': 'common.auditAction.agencyCreate',
  'agency.update': 'common.auditAction.agencyUpdate',
  'agency.archive': 'common.auditAction.agencyArchive',
  'users.create': 'common.auditAction.usersCreate',
  'users.update': 'common.auditAction.usersUpdate',
  'users.resetPassword': 'common.auditAction.usersResetPassword',
  'users.list': 'common.auditAction.usersList',
  'devices.list': 'common.auditAction.devicesList',
  'devices.revoke': 'common.auditAction.devicesRevoke',
  'team.update': 'common.auditAction.teamUpdate',
  'audit.view': 'common.auditAction.auditView',
  'audit.export': 'common.auditAction.auditExport',
  'reports.view': 'common.auditAction.reportsView',
  'clients.erase.request': 'common.auditAction.clientsEraseRequest',
  'clients.erase': 'common.auditAction.clientsErase',
  'clients.erase.cancel': 'common.auditAction.clientsEraseCancel',
  'clients.export': 'common.auditAction.clientsExport',
  'retention.purge': 'common.auditAction.retentionPurge',
  'device.export': 'common.auditAction.deviceExport',
  'device.lock': 'common.auditAction.deviceLock',
  'device.wipe': 'common.auditAction.deviceWipe',
});
