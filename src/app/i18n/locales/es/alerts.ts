/** Español: safety alerts (features/alerts). */
import type { alerts as english } from '../en/alerts';

export const alerts: Readonly<Record<keyof typeof english, string>> = {
  // The alerts screen
  'alerts.screen.heading': 'Alertas de seguridad',
  'alerts.screen.activeNow': 'Activas ahora',
  'alerts.screen.opening': 'Abriendo…',
  'alerts.screen.none': 'Tu equipo no tiene alertas de seguridad activas.',
  'alerts.screen.withdraw': 'Retirar: el peligro ha pasado',
  // The banner at the top of every other screen
  'alerts.banner.label': 'Alertas de seguridad',
  'alerts.banner.text':
    '{count, plural, one {# alerta de seguridad activa} many {# alertas de seguridad activas} other {# alertas de seguridad activas}} — toca para leer',
  // How long an alert has left, and when it was raised
  'alerts.timeLeft.expired': 'caducada',
  'alerts.timeLeft.underAMinute': 'queda menos de un minuto',
  'alerts.timeLeft.minutes': 'quedan {minutes} min',
  'alerts.timeLeft.hours': 'quedan {hours} h',
  'alerts.timeLeft.hoursMinutes': 'quedan {hours} h {minutes} min',
  'alerts.raised.justNow': 'Lanzada ahora mismo',
  'alerts.raised.minutesAgo': 'Lanzada hace {minutes} min',
  'alerts.raised.hoursAgo': 'Lanzada hace {hours} h',
  // Raising an alert
  'alerts.raise.heading': 'Lanzar una alerta',
  'alerts.raise.area': 'Zona',
  'alerts.raise.message': '¿Cuál es el peligro?',
  'alerts.raise.messageHint': 'Describe el peligro, no a la persona. Sin nombres.',
  'alerts.raise.expiresIn': 'Caduca en',
  'alerts.raise.expiryChoice': '{hours} h',
  'alerts.raise.submit': 'Lanzar alerta',
  'alerts.raise.submitting': 'Lanzando…',
  'alerts.raise.done':
    'Alerta lanzada para {area} durante {hours, plural, one {# hora} many {# horas} other {# horas}}. Tu equipo la verá cuando este dispositivo se sincronice.',
  'alerts.raise.failed': 'No se ha lanzado la alerta; el formulario la conserva.',
  'alerts.problem.area': 'Añade la zona donde está el peligro.',
  'alerts.problem.message': 'Di cuál es el peligro.',
  'alerts.problem.messageTooLong': 'Escribe menos de {max} caracteres.',
  'alerts.problem.areaTooLong': 'Escribe la zona en menos de {max} caracteres.',
};
