/** English: the rights card's frame; its statements are content (features/rights-card/rights-content.ts). */
export const rightsCard = {
  'rightsCard.opening': 'Opening the card…',
  'rightsCard.heading': 'Rights card',
  'rightsCard.language': 'Language',
  'rightsCard.addAlias': 'Add their alias ({alias}) to the card',
  'rightsCard.namesNobody': 'Nothing on the card names them unless you add the alias.',
  'rightsCard.card': 'Card',
  'rightsCard.unreviewed': 'Not yet reviewed by a native speaker.',
  'rightsCard.original': 'Original (UK English)',
  'rightsCard.sources': 'Sources (last reviewed {date})',
  'rightsCard.print': 'Print',
  'rightsCard.back': 'Back',
} as const satisfies Readonly<Record<`rightsCard.${string}`, string>>;
