/** English: the frame: header, navigation, sign-in, lock, sync bar, app update. */
export const shell = {
  'shell.brand': 'Lantern',
  'shell.lock': 'Lock',
  'shell.opening': 'Opening…',
  'shell.openingLantern': 'Opening Lantern…',
  'shell.language.label': 'Language of Lantern',
  'shell.language.failed': 'That language could not be loaded. Try again when you have signal.',
  'shell.nav.label': 'Main',
  'shell.nav.clients': 'Clients',
  'shell.nav.logContact': 'Log contact',
  'shell.nav.alerts': 'Alerts',
  'shell.nav.followUps': 'Follow-ups',
  'shell.nav.agencies': 'Agencies',
  'shell.nav.caseload': 'Caseload',
  'shell.nav.review': '{count, plural, =0 {Review} other {Review (#)}}',
  'shell.nav.reports': 'Reports',
  'shell.nav.team': 'Team',
} as const satisfies Readonly<Record<`shell.${string}`, string>>;
