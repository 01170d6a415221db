/** English: the quick contact log (features/contacts). */
export const contacts = {
  // The quick contact screen
  'contacts.screen.heading': 'Log a contact',
  'contacts.screen.opening': 'Opening…',
  'contacts.form.area': 'Area',
  'contacts.form.areaHint': '(a street or place, never an address)',
  'contacts.form.suppliesGiven': 'Supplies given',
  'contacts.form.resetSupplies': 'Reset supplies',
  'contacts.form.outcome': 'Outcome',
  'contacts.form.who': 'Who',
  'contacts.form.submit': 'Save contact',
  'contacts.form.submitting': 'Saving…',
  'contacts.form.saved': 'Contact saved — {area}, {who, select, anonymous {anonymous} other {with client}}, {supplies}. Ready for the next person.',
  'contacts.form.failed': 'The contact was not saved; the form still holds it.',
  'contacts.problem.area': 'Add the area (a street or place, not an address).',
  'contacts.problem.areaTooLong': 'at most {max, plural, one {# character} other {# characters}}',
  // Picking the client, or staying anonymous
  'contacts.picker.with': 'With',
  'contacts.picker.aClient': 'a client',
  'contacts.picker.makeAnonymous': 'Make anonymous',
  'contacts.picker.anonymous': 'Anonymous',
  'contacts.picker.orFind': '— or find a client by alias',
  'contacts.picker.search': 'Find client (optional)',
  'contacts.picker.searchPlaceholder': 'Alias',
  'contacts.picker.noMatch': 'No client matches — the contact stays anonymous.',
  'contacts.picker.matchesLabel': 'Matching clients',
} as const satisfies Readonly<Record<`contacts.${string}`, string>>;
