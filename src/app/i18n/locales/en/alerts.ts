/** English: safety alerts (features/alerts). */
export const alerts = {
  // The alerts screen
  'alerts.screen.heading': 'Safety alerts',
  'alerts.screen.activeNow': 'Active now',
  'alerts.screen.opening': 'Opening…',
  'alerts.screen.none': 'No active safety alerts for your team.',
  'alerts.screen.withdraw': 'Withdraw: the danger has passed',
  // The banner at the top of every other screen
  'alerts.banner.label': 'Safety alerts',
  'alerts.banner.text': '{count, plural, one {# active safety alert} other {# active safety alerts}} — tap to read',
  // How long an alert has left, and when it was raised
  'alerts.timeLeft.expired': 'expired',
  'alerts.timeLeft.underAMinute': 'under a minute left',
  'alerts.timeLeft.minutes': '{minutes} min left',
  'alerts.timeLeft.hours': '{hours} h left',
  'alerts.timeLeft.hoursMinutes': '{hours} h {minutes} min left',
  'alerts.raised.justNow': 'Raised just now',
  'alerts.raised.minutesAgo': 'Raised {minutes} min ago',
  'alerts.raised.hoursAgo': 'Raised {hours} h ago',
  // Raising an alert
  'alerts.raise.heading': 'Raise an alert',
  'alerts.raise.area': 'Area',
  'alerts.raise.message': 'What is the danger?',
  'alerts.raise.messageHint': 'Describe the danger, not the person. No names.',
  'alerts.raise.expiresIn': 'Expires in',
  'alerts.raise.expiryChoice': '{hours} h',
  'alerts.raise.submit': 'Raise alert',
  'alerts.raise.submitting': 'Raising…',
  'alerts.raise.done': 'Alert raised for {area} for {hours, plural, one {# hour} other {# hours}}. Your team sees it when this device syncs.',
  'alerts.raise.failed': 'The alert was not raised; the form still holds it.',
  'alerts.problem.area': 'Add the area where the danger is.',
  'alerts.problem.message': 'Say what the danger is.',
  'alerts.problem.messageTooLong': 'Keep it under {max} characters.',
  'alerts.problem.areaTooLong': 'Keep the area under {max} characters.',
} as const satisfies Readonly<Record<`alerts.${string}`, string>>;
