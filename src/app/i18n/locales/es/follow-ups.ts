/** Español: follow-ups (features/follow-ups). */
import type { followUps as english } from '../en/follow-ups';

export const followUps: Readonly<Record<keyof typeof english, string>> = {
  // The screen.
  'followUps.screen.myHeading': 'Mis seguimientos',
  'followUps.screen.teamHeading': 'Seguimientos del equipo',
  'followUps.screen.whose': 'Seguimientos de quién',
  'followUps.screen.mine': 'Míos',
  'followUps.screen.wholeTeam': 'Todo el equipo',
  'followUps.screen.opening': 'Abriendo…',
  'followUps.screen.empty': 'No hay nada pendiente de seguimiento. Aquí aparecerán las citas perdidas y los contactos que te asignen.',
  /** {reason} is the follow-up's reason in lower case ("no acudió a una cita"). */
  'followUps.screen.done': 'Hecho el seguimiento de {alias}: {reason}.',
  'followUps.screen.doneUnknownClient': 'Hecho el seguimiento: {reason}.',
  'followUps.screen.completeFailed': 'Ese seguimiento no se ha marcado como hecho. Inténtalo de nuevo.',

  // One follow-up.
  'followUps.item.overdue': 'Vencido',
  'followUps.item.openClientNotHere': 'Abrir la ficha (aún no está en este dispositivo)',
  'followUps.item.assignedTo': 'Asignado a',
  'followUps.item.nobodyYet': 'Nadie todavía',
  'followUps.item.done': 'Hecho',

  // When it is due, in local time: {time} is "09:30", {date} is "vie, 6 nov".
  'followUps.due.when': '{day, select, today {hoy, {time}} tomorrow {mañana, {time}} yesterday {ayer, {time}} other {el {date}}}',
  'followUps.due.due': 'Vence {when}',
  'followUps.due.overdueSince': 'Vencido desde {when}',
};
