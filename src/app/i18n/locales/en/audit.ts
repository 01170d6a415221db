/** English: the audit log (features/audit). */
export const audit = {
  // The screen.
  'audit.screen.heading': 'Audit log',
  'audit.screen.hint': 'Who did what, and when. Names are looked up on this screen; the log itself holds ids only. Looking is recorded too.',
  'audit.screen.loading': 'Loading…',
  'audit.screen.empty': 'Nothing in the log for these filters.',
  'audit.screen.loadOlder': 'Load older entries',
  'audit.screen.exportCsv': 'Export CSV',
  'audit.screen.backToTeam': 'Back to Team',
  'audit.failure.offline': 'No connection: the audit log needs signal.',
  'audit.failure.other': 'The audit log could not be read.',
  'audit.formerMember': 'A former team member',

  // The filters.
  'audit.filter.legend': 'Filter',
  'audit.filter.person': 'Person',
  'audit.filter.everyone': 'Everyone',
  'audit.filter.client': 'Client',
  'audit.filter.anyClient': 'Any client',
  'audit.filter.clientPlaceholder': 'Type an alias',
  'audit.filter.matches': 'Matching clients',
  'audit.filter.action': 'Action',
  'audit.filter.anyAction': 'Any action',
  'audit.filter.from': 'From',
  'audit.filter.to': 'To',

  // The table, and the CSV export's headings.
  'audit.table.label': 'Audit log entries',
  'audit.table.caption': 'Audit log entries, newest first',
  'audit.column.when': 'When',
  'audit.column.person': 'Person',
  'audit.column.what': 'What',
  'audit.column.record': 'Record',
  'audit.column.outcome': 'Outcome',
  /** The record an entry is about: its kind, then the client's alias ("Client: Robin"). */
  'audit.record.withAlias': '{kind}: {alias}',

  // The kind of record an entry is about.
  'audit.kind.client': 'Client',
  'audit.kind.agency': 'Agency',
  'audit.kind.contact': 'Contact',
  'audit.kind.assessment': 'Assessment',
  'audit.kind.consent': 'Consent',
  'audit.kind.note': 'Note',
  'audit.kind.referral': 'Referral',
  'audit.kind.appointment': 'Appointment',
  'audit.kind.followUp': 'Follow-up',
  'audit.kind.safetyAlert': 'Safety alert',
  'audit.kind.reviewItem': 'Review item',
  'audit.kind.person': 'Person',
  'audit.kind.device': 'Device',
  'audit.kind.team': 'Team',

  // How it went, as the server records it.
  'audit.outcome.ok': 'ok',
  'audit.outcome.denied': 'denied',
  'audit.outcome.failed': 'failed',
} as const satisfies Readonly<Record<`audit.${string}`, string>>;
