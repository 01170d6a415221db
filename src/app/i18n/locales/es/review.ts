/** Español: the review queue and erasure requests (features/review). */
import type { review as english } from '../en/review';

export const review: Readonly<Record<keyof typeof english, string>> = {
  // The screen.
  'review.screen.heading': 'Revisión',
  'review.screen.hint': 'Dos personas cambiaron el mismo dato sin ver el cambio de la otra. No se ha perdido nada: elige qué se queda. Tu decisión se sincroniza con el equipo como cualquier otro cambio.',
  'review.screen.loading': 'Cargando…',
  'review.screen.empty': 'Nada que revisar: no hay cambios en conflicto.',
  'review.screen.listLabel': 'Elementos para revisar',

  // One detail written twice: {field} is the detail's name ("Alias"), {alias} the person's or agency's.
  'review.card.unknownAgency': 'Una entidad',
  'review.card.unknownClient': 'Una persona',
  'review.card.resolveFailed': 'No ha funcionado.',
  'review.card.heading': '{alias}: {field}',
  'review.card.caption': 'Los dos valores de {field}',
  'review.card.now': 'Ahora',
  'review.card.overwritten': 'Sobrescrito',
  'review.card.written': 'escrito el {when}',
  /** {field} in lower case ("fecha de nacimiento"). */
  'review.card.mergedLabel': 'Valor combinado de {field}',
  'review.card.resolveGroup': 'Resolver {field} de {alias}',
  'review.card.keep': 'Mantener «{value}»',
  'review.card.use': 'Usar «{value}»',
  'review.card.writeAnother': 'Escribir otro valor',
  'review.card.saveMerged': 'Guardar el valor combinado',
  'review.card.openDirectory': 'Abrir el directorio',
  'review.card.openPage': 'Abrir su ficha',

  // A value as shown in a card.
  'review.value.empty': '(vacío)',
  'review.value.yes': 'sí',
  'review.value.no': 'no',
  'review.value.unshowable': 'un valor que esta pantalla no puede mostrar',

  // Erasure requests waiting for a second team lead.
  'review.erasure.heading': 'Solicitudes de borrado',
  'review.erasure.loading': 'Cargando…',
  'review.erasure.listLabel': 'Solicitudes de borrado',
  'review.erasure.unknownPerson': 'Una persona que no está en este dispositivo',
  'review.erasure.unknownLead': 'Un/a coordinador/a',
  'review.erasure.itemLabel': 'Borrar a {alias}',
  /** Follows the person's alias, shown in bold: "Robin: pediste borrar…". */
  'review.erasure.askedByYou': ': pediste borrar todo lo que hay sobre esta persona el {when}.',
  'review.erasure.askedBy': ': {asker} pidió borrar todo lo que hay sobre esta persona el {when}.',
  'review.erasure.needsSecondLead': 'Tiene que confirmarlo otro/a coordinador/a.',
  'review.erasure.eraseNow': 'Borrar a {alias} ahora',
  'review.erasure.withdraw': 'Retirar la solicitud',
  'review.erasure.keep': 'Conservar sus datos',
};
