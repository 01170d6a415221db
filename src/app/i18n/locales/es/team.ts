/** Español: the team screen (features/team). */
import type { team as english } from '../en/team';

export const team: Readonly<Record<keyof typeof english, string>> = {
  // La pantalla (components/team-screen.tsx)
  'team.screen.heading': 'Equipo',
  'team.screen.auditLog': 'Registro de auditoría',
  'team.screen.unknownUser': 'Usuario desconocido',
  // El bloqueo por inactividad
  'team.idleLock.label': 'Bloquear los dispositivos tras estos minutos de inactividad',
  'team.idleLock.range': '(de 1 a 60)',
  'team.idleLock.invalid': 'Un número entero del 1 al 60.',
  'team.idleLock.save': 'Guardar',
  'team.idleLock.saved': 'Guardado. Los dispositivos lo aplicarán la próxima vez que se desbloqueen con conexión.',
  // Los dispositivos
  'team.devices.heading': 'Dispositivos',
  'team.devices.list': 'Dispositivos',
  'team.devices.loading': 'Cargando…',
  'team.devices.none': 'Aún no hay dispositivos.',
  'team.devices.signedIn': '{device}, sesión iniciada el {date} por {name}',
  'team.devices.lastSeen': 'Última conexión: {when}',
  'team.devices.signedOutRemotely': 'Sesión cerrada a distancia',
  'team.devices.signOutAndErase': 'Cerrar sesión y borrar este dispositivo',
  // Lo que un dispositivo aún guardaba en su última sincronización (device-report.ts)
  'team.deviceReport.nothingLeft': 'No quedaba nada pendiente en su última sincronización.',
  'team.deviceReport.atLastSync': 'En su última sincronización: {parts}.',
  'team.deviceReport.waiting': '{count, plural, one {# cambio pendiente de sincronizar} other {# cambios pendientes de sincronizar}}',
  'team.deviceReport.attention': '{count, plural, one {# cambio rechazado que necesita atención} other {# cambios rechazados que necesitan atención}}',
  // Las personas del equipo (components/people.tsx)
  'team.people.heading': 'Personas',
  'team.people.list': 'Personas',
  'team.people.deactivatingHint': 'Al desactivar a alguien se cierra la sesión en todos sus dispositivos a la vez; no se pierde nada de lo que haya registrado.',
  'team.handOver.give': 'Dale a {name} esta contraseña temporal. Solo se muestra ahora; elegirá la suya la primera vez que inicie sesión.',
  'team.handOver.password': 'Contraseña temporal',
  'team.handOver.done': 'Hecho, ya se la he dado',
  'team.addPerson.heading': 'Añadir una persona',
  'team.addPerson.name': 'Nombre',
  'team.addPerson.nameHint': '(como la conoce el equipo)',
  'team.addPerson.username': 'Nombre de usuario',
  'team.addPerson.usernameHint': '(en minúsculas, para iniciar sesión)',
  'team.addPerson.role': 'Rol',
  'team.addPerson.adding': 'Añadiendo…',
  'team.addPerson.submit': 'Añadir y crear una contraseña temporal',
  'team.addPerson.failed': 'No se ha podido añadir. Inténtalo de nuevo.',
  'team.person.admin': 'admin',
  'team.person.deactivated': 'desactivada',
  'team.person.manage': 'Gestionar a {name}',
  'team.person.roleOf': 'Rol de {name}',
  'team.person.resetPassword': 'Restablecer contraseña',
  'team.person.deactivate': 'Desactivar',
  'team.person.reactivate': 'Reactivar',
  'team.person.failed': 'No ha funcionado.',
};
