/** English: the review queue and erasure requests (features/review). */
export const review = {
  // The screen.
  'review.screen.heading': 'Review',
  'review.screen.hint': "Two people changed the same detail without seeing each other's change. Nothing was lost: choose what stays. Your decision syncs to the team like any other change.",
  'review.screen.loading': 'Loading…',
  'review.screen.empty': 'Nothing to review: no two changes have collided.',
  'review.screen.listLabel': 'Review items',

  // One detail written twice: {field} is the detail's name ("Alias"), {alias} the person's or agency's.
  'review.card.unknownAgency': 'An agency',
  'review.card.unknownClient': 'A client',
  'review.card.resolveFailed': 'That did not work.',
  'review.card.heading': '{alias}: {field}',
  'review.card.caption': 'Both values of {field}',
  'review.card.now': 'Now',
  'review.card.overwritten': 'Overwritten',
  'review.card.written': 'written {when}',
  /** {field} in lower case ("merged date of birth"). */
  'review.card.mergedLabel': 'Merged {field}',
  'review.card.resolveGroup': 'Resolve {field} for {alias}',
  'review.card.keep': 'Keep “{value}”',
  'review.card.use': 'Use “{value}”',
  'review.card.writeAnother': 'Write another value',
  'review.card.saveMerged': 'Save merged value',
  'review.card.openDirectory': 'Open the directory',
  'review.card.openPage': 'Open their page',

  // A value as shown in a card.
  'review.value.empty': '(empty)',
  'review.value.yes': 'yes',
  'review.value.no': 'no',
  'review.value.unshowable': 'a value this screen cannot show',

  // Erasure requests waiting for a second team lead.
  'review.erasure.heading': 'Erasure requests',
  'review.erasure.loading': 'Loading…',
  'review.erasure.listLabel': 'Erasure requests',
  'review.erasure.unknownPerson': 'A person not on this device',
  'review.erasure.unknownLead': 'A team lead',
  'review.erasure.itemLabel': 'Erase {alias}',
  /** Follows the person's alias, shown in bold: "Robin: you asked to erase…". */
  'review.erasure.askedByYou': ': you asked to erase everything about them on {when}.',
  'review.erasure.askedBy': ': {asker} asked to erase everything about them on {when}.',
  'review.erasure.needsSecondLead': 'A second team lead must confirm it.',
  'review.erasure.eraseNow': 'Erase {alias} now',
  'review.erasure.withdraw': 'Withdraw the request',
  'review.erasure.keep': 'Keep their records',
} as const satisfies Readonly<Record<`review.${string}`, string>>;
