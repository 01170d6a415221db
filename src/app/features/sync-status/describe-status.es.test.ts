/** The sync bar's words and a waiting change, read in Spanish; English comes back afterwards. */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/sync/commands';
import { activateCompiled, compileCatalogue } from '../../i18n/i18n';
import { messages as english } from '../../i18n/locales/en';
import { messages as spanish } from '../../i18n/locales/es';
import type { SyncStatus } from '../../sync/engine';
import { describeChange } from './describe-change';
import { describeSyncStatus, formatAge } from './describe-status';

const now = 1_800_000_000_000;
const idle: SyncStatus = { state: 'idle', pending: 0, rejected: 0, oldestPendingAt: null, lastSyncedAt: now - 120_000, lastError: null, firstSync: null };
const names = { client: () => 'Kestrel', agency: () => 'Clinic 5' };

beforeEach(() => activateCompiled('es', compileCatalogue(spanish, compileMessage)));
afterEach(() => activateCompiled('en', compileCatalogue(english, compileMessage)));

describe('sync status in Spanish', () => {
  it.each([
    [30_000, 'ahora mismo'],
    [5 * 60_000, 'hace 5 min'],
    [3 * 3_600_000, 'hace 3 h'],
    [72 * 3_600_000, 'hace 3 días'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it('says what is waiting, with Spanish plurals', () => {
    expect(describeSyncStatus({ ...idle, pending: 1, oldestPendingAt: now }, now)).toMatchObject({
      headline: '1 cambio pendiente (el más antiguo, ahora mismo)',
      detail: 'Última sincronización: hace 2 min',
    });
    expect(describeSyncStatus({ ...idle, state: 'offline', pending: 3, oldestPendingAt: null }, now).headline).toBe('Sin conexión: 3 cambios pendientes');
    expect(describeSyncStatus(idle, now).headline).toBe('Todos los cambios sincronizados');
  });

  it('words a sync problem in Spanish from its code, not the server’s English', () => {
    const problem = (code: string) => describeSyncStatus({ ...idle, state: 'error', lastError: { code, message: 'Sign in again to sync.', at: now } }, now).headline;
    expect(problem('unauthorized')).toBe('Problema al sincronizar: vuelve a iniciar sesión para sincronizar');
    expect(problem('unavailable')).toBe('Problema al sincronizar: el servidor no está disponible; se volverá a intentar');
    expect(problem('teapot')).toBe('Problema al sincronizar: el servidor rechazó la sincronización; se volverá a intentar');
  });

  it('follows a switch back to English', () => {
    activateCompiled('en', compileCatalogue(english, compileMessage));
    expect(describeSyncStatus(idle, now).headline).toBe('All changes synced');
  });
});

describe('a waiting change in Spanish', () => {
  it('words the title and details in Spanish', () => {
    const consent: Command = {
      name: 'consent.record',
      args: { id: 'x', clientId: 'c', kind: 'share', decision: 'given', method: 'verbal', decidedAt: '2026-11-22T12:00:00.000Z', agencyId: 'a' },
    };
    const described = describeChange(consent, names);
    expect(described.title).toBe('Consentimiento: Kestrel');
    expect(described.details[0]).toBe('Dado para compartir con Clinic 5');
    expect(described.details[1]).toMatch(/nov/);
    expect(describeChange({ name: 'followUp.reassign', args: { id: 'x', assigneeId: null } }, names)).toEqual({
      title: 'Seguimiento reasignado',
      details: ['Sin asignar todavía'],
    });
  });
});
