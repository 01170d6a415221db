/** Español: the frame: header, navigation, sign-in, lock, sync bar, app update. */
import type { shell as english } from '../en/shell';

export const shell: Readonly<Record<keyof typeof english, string>> = {
  'shell.brand': 'Lantern',
  'shell.lock': 'Bloquear',
  'shell.opening': 'Abriendo…',
  'shell.openingLantern': 'Abriendo Lantern…',
  'shell.language.label': 'Idioma de Lantern',
  'shell.language.failed': 'No se ha podido cargar ese idioma. Vuelve a intentarlo cuando tengas cobertura.',
  'shell.nav.label': 'Principal',
  'shell.nav.clients': 'Personas',
  'shell.nav.logContact': 'Registrar contacto',
  'shell.nav.alerts': 'Alertas',
  'shell.nav.followUps': 'Seguimientos',
  'shell.nav.agencies': 'Entidades',
  'shell.nav.caseload': 'Casos',
  'shell.nav.review': '{count, plural, =0 {Revisar} other {Revisar (#)}}',
  'shell.nav.reports': 'Informes',
  'shell.nav.team': 'Equipo',
} as const;
