/** English: follow-ups (features/follow-ups). */
export const followUps = {
  // The screen.
  'followUps.screen.myHeading': 'My follow-ups',
  'followUps.screen.teamHeading': "The team's follow-ups",
  'followUps.screen.whose': 'Whose follow-ups',
  'followUps.screen.mine': 'Mine',
  'followUps.screen.wholeTeam': 'Whole team',
  'followUps.screen.opening': 'Opening…',
  'followUps.screen.empty': 'Nothing to follow up. A missed appointment or a check-in you are given will show here.',
  /** {reason} is the follow-up's reason in lower case ("missed appointment"). */
  'followUps.screen.done': 'Done: {reason} for {alias}.',
  'followUps.screen.doneUnknownClient': 'Done: {reason} for the client.',
  'followUps.screen.completeFailed': 'That follow-up was not marked done. Try again.',

  // One follow-up.
  'followUps.item.overdue': 'Overdue',
  'followUps.item.openClientNotHere': 'Open client (not on this device yet)',
  'followUps.item.assignedTo': 'Assigned to',
  'followUps.item.nobodyYet': 'Nobody yet',
  'followUps.item.done': 'Done',

  // When it is due, in local time: {time} is "09:30", {date} is "Fri 6 Nov".
  'followUps.due.when': '{day, select, today {today {time}} tomorrow {tomorrow {time}} yesterday {yesterday {time}} other {{date}}}',
  'followUps.due.due': 'Due {when}',
  'followUps.due.overdueSince': 'Overdue since {when}',
} as const satisfies Readonly<Record<`followUps.${string}`, string>>;
