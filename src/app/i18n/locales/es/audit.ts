/** Español: the audit log (features/audit). */
import type { audit as english } from '../en/audit';

export const audit: Readonly<Record<keyof typeof english, string>> = {
  // The screen.
  'audit.screen.heading': 'Registro de auditoría',
  'audit.screen.hint': 'Quién hizo qué y cuándo. Los nombres se buscan en esta pantalla; el registro solo guarda identificadores. Consultarlo también queda registrado.',
  'audit.screen.loading': 'Cargando…',
  'audit.screen.empty': 'No hay nada en el registro con estos filtros.',
  'audit.screen.loadOlder': 'Cargar entradas anteriores',
  'audit.screen.exportCsv': 'Exportar CSV',
  'audit.screen.backToTeam': 'Volver a Equipo',
  'audit.failure.offline': 'Sin conexión: el registro de auditoría necesita cobertura.',
  'audit.failure.other': 'No se ha podido leer el registro de auditoría.',
  'audit.formerMember': 'Una persona que ya no está en el equipo',

  // The filters.
  'audit.filter.legend': 'Filtro',
  'audit.filter.person': 'Persona',
  'audit.filter.everyone': 'Todo el mundo',
  'audit.filter.client': 'Persona atendida',
  'audit.filter.anyClient': 'Cualquier persona atendida',
  'audit.filter.clientPlaceholder': 'Escribe un alias',
  'audit.filter.matches': 'Personas que coinciden',
  'audit.filter.action': 'Acción',
  'audit.filter.anyAction': 'Cualquier acción',
  'audit.filter.from': 'Desde',
  'audit.filter.to': 'Hasta',

  // The table, and the CSV export's headings.
  'audit.table.label': 'Entradas del registro de auditoría',
  'audit.table.caption': 'Entradas del registro de auditoría, de la más reciente a la más antigua',
  'audit.column.when': 'Cuándo',
  'audit.column.person': 'Persona',
  'audit.column.what': 'Qué',
  'audit.column.record': 'Registro',
  'audit.column.outcome': 'Resultado',
  /** The record an entry is about: its kind, then the client's alias ("Persona: Robin"). */
  'audit.record.withAlias': '{kind}: {alias}',

  // The kind of record an entry is about.
  'audit.kind.client': 'Persona',
  'audit.kind.agency': 'Entidad',
  'audit.kind.contact': 'Contacto',
  'audit.kind.assessment': 'Valoración',
  'audit.kind.consent': 'Consentimiento',
  'audit.kind.note': 'Nota',
  'audit.kind.referral': 'Derivación',
  'audit.kind.appointment': 'Cita',
  'audit.kind.followUp': 'Seguimiento',
  'audit.kind.safetyAlert': 'Alerta de seguridad',
  'audit.kind.reviewItem': 'Elemento para revisar',
  'audit.kind.person': 'Miembro del equipo',
  'audit.kind.device': 'Dispositivo',
  'audit.kind.team': 'Equipo',

  // How it went, as the server records it.
  'audit.outcome.ok': 'correcto',
  'audit.outcome.denied': 'denegado',
  'audit.outcome.failed': 'fallido',
};
