/** Español: the quick contact log (features/contacts). */
import type { contacts as english } from '../en/contacts';

export const contacts: Readonly<Record<keyof typeof english, string>> = {
  // The quick contact screen
  'contacts.screen.heading': 'Registrar un contacto',
  'contacts.screen.opening': 'Abriendo…',
  'contacts.form.area': 'Zona',
  'contacts.form.areaHint': '(una calle o un lugar, nunca una dirección)',
  'contacts.form.suppliesGiven': 'Material entregado',
  'contacts.form.resetSupplies': 'Poner el material a cero',
  'contacts.form.outcome': 'Resultado',
  'contacts.form.who': 'Quién',
  'contacts.form.submit': 'Guardar contacto',
  'contacts.form.submitting': 'Guardando…',
  'contacts.form.saved':
    'Contacto guardado — {area}, {who, select, anonymous {anónimo} other {con una persona identificada}}, {supplies}. Listo para la siguiente persona.',
  'contacts.form.failed': 'No se ha guardado el contacto; el formulario lo conserva.',
  'contacts.problem.area': 'Añade la zona (una calle o un lugar, no una dirección).',
  'contacts.problem.areaTooLong': 'como máximo {max, plural, one {# carácter} other {# caracteres}}',
  // Picking the client, or staying anonymous
  'contacts.picker.with': 'Con',
  'contacts.picker.aClient': 'una persona',
  'contacts.picker.makeAnonymous': 'Dejar en anónimo',
  'contacts.picker.anonymous': 'Anónimo',
  'contacts.picker.orFind': '— o busca a una persona por su alias',
  'contacts.picker.search': 'Buscar persona (opcional)',
  'contacts.picker.searchPlaceholder': 'Alias',
  'contacts.picker.noMatch': 'Ninguna persona coincide — el contacto sigue siendo anónimo.',
  'contacts.picker.matchesLabel': 'Personas que coinciden',
};
