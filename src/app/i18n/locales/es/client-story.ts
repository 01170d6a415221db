/** Español: a person's page: their story, notes, NRM panel, referral pack, follow-ups opened by hand (features/clients). */
import type { clientStory as english } from '../en/client-story';

export const clientStory: Readonly<Record<keyof typeof english, string>> = {
  // Shared by the page's parts
  'clientStory.quoted': '«{text}»',
  'clientStory.formerMember': 'Alguien que ya no está en el equipo',
  'clientStory.noAgency': 'Sin entidad',
  'clientStory.thatDidNotWork': 'No ha funcionado.',
  'clientStory.savingFailed': 'No se ha podido guardar; inténtalo de nuevo.',
  'clientStory.cancel': 'Cancelar',
  'clientStory.atMostCharacters': 'como máximo {max, plural, one {# carácter} other {# caracteres}}',
  'clientStory.referralStatus':
    '{status, select, draft {borrador} sent {enviada} acknowledged {recibida} booked {con cita} attended {acudió} not_attended {no acudió} declined {rechazada} closed {cerrada} other {{status}}}',
  'clientStory.appointmentStatus':
    '{status, select, booked {programada} attended {acudió} missed {no acudió} cancelled {cancelada} rescheduled {reprogramada} other {{status}}}',
  'clientStory.consentDecision': '{decision, select, given {dado} declined {denegado} withdrawn {retirado} other {{decision}}}',

  // What a consent is for
  'clientStory.consentKind.store': 'Guardar su ficha',
  'clientStory.consentKind.share': 'Compartir',
  'clientStory.consentKind.nrm': 'Derivación al NRM',
  'clientStory.consentKind.dutyToNotify': 'Deber de Notificar anónimo',
  'clientStory.consentKind.childSafeguarding': 'Vía de protección de menores',

  // An appointment in the story
  'clientStory.appointment.where': '{agency}, {place} ({status})',
  'clientStory.appointment.accompanied': 'con acompañamiento',
  'clientStory.appointment.didTheyGo': '¿Acudió?',
  'clientStory.appointment.attended': 'Acudió',
  'clientStory.appointment.missed': 'No acudió',
  'clientStory.appointment.cancelled': 'Cancelada',
  'clientStory.appointment.undoMissed': 'Deshacer: al final sí acudió',
  'clientStory.appointment.notYet': 'Esta cita todavía no ha tenido lugar. ¿Marcar igualmente que no acudió?',
  'clientStory.appointment.keepBooked': 'No, mantener la cita',
  'clientStory.appointment.markMissed': 'Sí, marcar que no acudió',
  'clientStory.appointment.changeOfPlan': 'Cambio de planes',
  'clientStory.appointment.missedAsk': 'No acudió…',

  // Follow-ups on the page
  'clientStory.followUps.heading': 'Seguimientos',
  'clientStory.followUps.doneList': 'Seguimientos hechos',
  'clientStory.followUps.done': '{reason}: hecho',
  'clientStory.followUps.doneBy': '{reason}: hecho por {name}',
  'clientStory.followUps.doneAt': '{reason}: hecho, {at}',
  'clientStory.followUps.doneByAt': '{reason}: hecho por {name}, {at}',
  'clientStory.followUps.none': 'No hay seguimientos abiertos.',
  'clientStory.followUps.due': '{reason}: para el {at} — {assignee}',
  'clientStory.followUps.nobodyAssigned': 'sin asignar',

  // Timeline and contacts
  'clientStory.contact.summary': '{kind}, {area}: {outcome}',
  'clientStory.timeline.heading': 'Cronología',
  'clientStory.timeline.label': 'Cronología, lo más reciente primero',
  'clientStory.timeline.empty': 'Aún no hay nada registrado con esta persona.',
  'clientStory.timeline.assessment': 'Valoración registrada',
  'clientStory.timeline.referral': 'Derivación a {agency}: {status}',
  'clientStory.timeline.appointment': 'Cita con {agency}: {status}',
  'clientStory.timeline.note': 'Nota: {body}',
  'clientStory.timeline.consent': 'Consentimiento — {kind}: {decision}',
  'clientStory.lastContacts.heading': 'Últimos contactos',
  'clientStory.lastContacts.empty': 'Aún no hay contactos.',

  // Key worker
  'clientStory.keyWorker.heading': 'Profesional de referencia',
  'clientStory.keyWorker.none': 'Aún no tiene profesional de referencia.',
  'clientStory.keyWorker.makeMe': 'Hacerme su profesional de referencia',

  // Referrals
  'clientStory.referrals.updateStatus': 'Actualizar el estado de la derivación',
  'clientStory.referrals.heading': 'Derivaciones abiertas',
  'clientStory.referrals.none': 'No hay derivaciones abiertas.',
  'clientStory.referrals.shareWithdrawn': 'Consentimiento para compartir retirado: avisa a {agency}.',
  'clientStory.referrals.pack': 'Dossier de derivación',

  // Withdrawing consent to share
  'clientStory.withdrawShare.button': 'Dejar de compartir con {agency}',
  'clientStory.withdrawShare.ask': '¿Dejar de compartir con {agency}?',
  'clientStory.withdrawShare.explain':
    'Ya no está de acuerdo en que compartamos sus datos con {agency}. Las nuevas derivaciones a {agency} se rechazarán; las abiertas se mantienen, marcadas, para que puedas avisar a {agency}.',
  'clientStory.withdrawShare.stop': 'Dejar de compartir',
  'clientStory.withdrawShare.keep': 'Seguir compartiendo',

  // The story's other sections
  'clientStory.nextWorker.heading': 'Para quien le atienda después',
  'clientStory.needs.heading': 'Necesidades actuales',
  'clientStory.needs.none': 'No hay necesidades actuales registradas.',
  'clientStory.needs.assessed': 'Valoración: {at}',
  'clientStory.awaitingOutcome.heading': '¿Acudió?',
  'clientStory.upcoming.heading': 'Próximas citas',
  'clientStory.upcoming.none': 'No hay nada programado.',
  'clientStory.missed.heading': 'Citas a las que no acudió',
  'clientStory.consent.heading': 'Consentimiento',
  'clientStory.consent.none': 'Aún no hay consentimiento registrado: pregunta antes de guardar nada.',
  'clientStory.consent.withAgency': '{kind} con {agency}',

  // NRM panel
  'clientStory.nrm.colleague': 'alguien del equipo',
  'clientStory.nrm.nothingNoted': 'Nada anotado.',
  'clientStory.nrm.noticed': 'Lo que observó el equipo',
  'clientStory.nrm.noticedBy': 'Lo observó {name}, {at}',
  'clientStory.nrm.fact.referred': 'Derivación del {day}, por {firstResponder}{route, select, child { (vía de menores)} other {}}',
  'clientStory.nrm.fact.reference': 'Referencia: {reference}',
  'clientStory.nrm.fact.reasonableGrounds': 'Decisión sobre motivos razonables: {day}',
  'clientStory.nrm.fact.supportProvider': 'Apoyo en el periodo de recuperación: {provider}',
  'clientStory.nrm.fact.reconsideration': 'Revisión solicitada: {day}',
  'clientStory.nrm.fact.conclusiveGrounds': 'Decisión sobre motivos concluyentes: {day}',
  'clientStory.nrm.fact.withdrawn': 'Retirada: {day}',
  'clientStory.nrm.step.form': 'Registrar lo que ha pasado',
  'clientStory.nrm.step.what': 'Qué ha pasado',
  'clientStory.nrm.step.on': 'Fecha',
  'clientStory.nrm.step.provider': 'Entidad de apoyo en el periodo de recuperación',
  'clientStory.nrm.step.ifKnown': '(si se sabe)',
  'clientStory.nrm.step.record': 'Registrar',
  'clientStory.nrm.chaseFollowUp':
    'Hay un seguimiento abierto para reclamar la decisión si no ha llegado {days, plural, one {# día} other {# días}} después de empezar la espera.',
  'clientStory.nrm.blocked.noConsent': 'A una persona adulta solo se la deriva con su consentimiento. Primero explícale el NRM en un encuentro.',
  'clientStory.nrm.blocked.declined':
    'No aceptó la derivación al NRM, o retiró su consentimiento. En su lugar, puedes hacer un Deber de Notificar anónimo desde un encuentro.',
  'clientStory.nrm.refer.open': 'Registrar una derivación al NRM',
  'clientStory.nrm.refer.childRoute': 'Vía de menores: no hace falta consentimiento. Avisa a tu responsable de protección de menores.',
  'clientStory.nrm.refer.consented': 'Dio su consentimiento después de la explicación.',
  'clientStory.nrm.refer.firstResponder': 'First Responder (organización de primera respuesta)',
  'clientStory.nrm.refer.referredOn': 'Fecha de derivación',
  'clientStory.nrm.refer.reference': 'Referencia',
  'clientStory.nrm.refer.ifAny': '(si ya la hay)',
  'clientStory.nrm.refer.save': 'Guardar derivación',
  'clientStory.nrm.problem.firstResponder': 'Indica la organización First Responder que hizo la derivación.',
  'clientStory.nrm.problem.referredOn': 'Elige el día de la derivación.',
  'clientStory.nrm.problem.on': 'Elige el día en que pasó.',
  'clientStory.nrm.problem.notAsItIs': 'Esto no se puede guardar tal como está.',
  'clientStory.nrm.heading': 'Mecanismo Nacional de Derivación (NRM)',
  'clientStory.nrm.none': 'No hay derivación al NRM.',

  // Referral pack
  'clientStory.pack.opening': 'Abriendo…',
  'clientStory.pack.notHere': 'Esta derivación no está en este dispositivo.',
  'clientStory.pack.heading': 'Derivación a {agency}',
  'clientStory.pack.someAgency': 'la entidad',
  'clientStory.pack.need': 'Necesidad',
  'clientStory.pack.urgency': 'Urgencia',
  'clientStory.pack.urgencyValue': '{urgency, select, routine {ordinaria} soon {pronto} urgent {urgente} other {{urgency}}}',
  'clientStory.pack.status': 'Estado',
  'clientStory.pack.referred': 'Fecha de derivación',
  'clientStory.pack.agreedToShare': 'Lo que aceptó compartir',
  'clientStory.pack.howToRefer': 'Cómo derivar',
  'clientStory.pack.doNotPassOn': 'Compartido con consentimiento, solo para esta derivación. No lo pases a nadie más.',
  'clientStory.pack.print': 'Imprimir',
  'clientStory.pack.back': 'Volver',

  // Notes
  'clientStory.notes.writeFirst': 'Escribe algo primero.',
  'clientStory.notes.notSaved': 'La nota no se ha guardado; sigue en el cuadro de texto.',
  'clientStory.notes.heading': 'Notas',
  'clientStory.notes.add': 'Añadir una nota',
  'clientStory.notes.restrictedCheck': 'Restringida (solo profesional de referencia y coordinador/a)',
  'clientStory.notes.save': 'Guardar nota',
  'clientStory.notes.none': 'Aún no hay notas.',
  'clientStory.notes.restrictedTag': 'restringida',

  // A follow-up opened by hand
  'clientStory.addFollowUp.chooseDay': 'Elige para qué día es.',
  'clientStory.addFollowUp.notAsItIs': 'Esto no se puede guardar tal como está.',
  'clientStory.addFollowUp.added': 'Seguimiento añadido: {reason}.',
  'clientStory.addFollowUp.open': 'Añadir un seguimiento',
  'clientStory.addFollowUp.what': 'Qué hacer',
  'clientStory.addFollowUp.due': 'Para el día',
  'clientStory.addFollowUp.whose': 'De quién',
  'clientStory.addFollowUp.mine': 'Mío',
  'clientStory.addFollowUp.keyWorkers': 'De su profesional de referencia',
  'clientStory.addFollowUp.nobodys': 'De nadie todavía (lo asigna un/a coordinador/a)',
  'clientStory.addFollowUp.note': 'Nota',
  'clientStory.addFollowUp.optional': '(opcional)',
  'clientStory.addFollowUp.save': 'Guardar seguimiento',
};
