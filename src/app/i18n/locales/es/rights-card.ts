/** Español: the rights card's frame; its statements are content (features/rights-card/rights-content.ts). */
import type { rightsCard as english } from '../en/rights-card';

export const rightsCard: Readonly<Record<keyof typeof english, string>> = {
  'rightsCard.opening': 'Abriendo la tarjeta…',
  'rightsCard.heading': 'Tarjeta de derechos',
  'rightsCard.language': 'Idioma',
  'rightsCard.addAlias': 'Añadir su alias ({alias}) a la tarjeta',
  'rightsCard.namesNobody': 'Nada en la tarjeta identifica a la persona salvo que añadas el alias.',
  'rightsCard.card': 'Tarjeta',
  'rightsCard.unreviewed': 'Aún no lo ha revisado una persona hablante nativa.',
  'rightsCard.original': 'Original (inglés británico)',
  'rightsCard.sources': 'Fuentes (última revisión: {date})',
  'rightsCard.print': 'Imprimir',
  'rightsCard.back': 'Volver',
};
