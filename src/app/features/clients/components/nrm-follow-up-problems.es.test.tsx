/**
 * The NRM forms and the follow-up form on a person's page: their problems in English and in
 * Spanish. The rules are the shared NRM and follow-up schemas'; every word a person reads
 * comes from the catalogue in the language shown when the check runs.
 */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientRecord } from '../../../../shared/domain/client';
import { noteText } from '../../../../shared/domain/common';
import { nrmReferArgsSchema } from '../../../../shared/domain/nrm';
import { nrmRecordArgsSchema } from '../../../../shared/sync/commands';
import { renderForTest, type Rendered } from '../../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as english } from '../../../i18n/locales/en';
import { messages as spanish } from '../../../i18n/locales/es';
import { AddFollowUp } from './add-follow-up';
import { NrmPanel } from './nrm-panel';

const me = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01';
const robin = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

const { stored, refer, record, add } = vi.hoisted(() => ({
  stored: { referrals: [] as unknown[] },
  refer: vi.fn(async () => undefined),
  record: vi.fn(async () => undefined),
  add: vi.fn(async () => undefined),
}));
vi.mock('../../../stores/runtime', () => ({
  consentsRepository: { forClient: async () => [] },
  teamMembersRepository: { list: async () => [{ id: me, name: 'Sam' }] },
  followUpsRepository: { add },
  nrmRepository: { referralsFor: async () => stored.referrals, observationsFor: async () => [], refer, record },
}));
vi.mock('../../../stores/session-store', () => ({
  useSessionStore: <T,>(select: (s: { user: { id: string } }) => T): T => select({ user: { id: me } }),
}));

const child = { id: robin, alias: 'Robin', mayBeUnder18: true } as unknown as ClientRecord;
const waiting = { id: 'n1', clientId: robin, route: 'child', firstResponder: 'Harbour Police', referredOn: '2026-11-02', reference: null, status: 'referred', decisions: {} };

const useLanguage = (language: 'en' | 'es') => activateCompiled(language, compileCatalogue(language === 'en' ? english : spanish, compileMessage));
const errorOf = (rendered: Rendered, id: string) => rendered.container.querySelector(`#${id}-error`)?.textContent ?? null;

const maxFirstResponder = nrmReferArgsSchema.shape.firstResponder.maxLength ?? 0;
const maxReference = nrmReferArgsSchema.shape.reference.unwrap().maxLength ?? 0;
const maxProvider = nrmRecordArgsSchema.shape.supportProvider.unwrap().maxLength ?? 0;
const maxNote = noteText.maxLength ?? 0;

let view: Rendered | undefined;
beforeEach(() => {
  stored.referrals = [];
});
afterEach(() => {
  view?.unmount();
  useLanguage('en');
  for (const saved of [refer, record, add]) saved.mockClear();
});

/** The referral form with nothing in it but what `fill` types, saved. */
async function referWith([open, save]: readonly [string, string], fill: (rendered: Rendered) => Promise<void>): Promise<Rendered> {
  const rendered = await renderForTest(<NrmPanel client={child} />);
  await rendered.click(open);
  await fill(rendered);
  await rendered.click(save);
  return rendered;
}

describe('the NRM forms’ problems in English', () => {
  it('asks for the First Responder organisation and the day, and names the shared limits', async () => {
    view = await referWith(['Record an NRM referral', 'Save referral'], async (rendered) => {
      await rendered.type('nrm-referred-on', '');
      await rendered.type('nrm-reference', 'x'.repeat(maxReference + 1));
    });
    expect(errorOf(view, 'nrm-first-responder')).toBe('Name the First Responder organisation.');
    expect(errorOf(view, 'nrm-referred-on')).toBe('Choose the day it was referred.');
    expect(errorOf(view, 'nrm-reference')).toBe(`at most ${maxReference} characters`);
    await view.type('nrm-first-responder', 'x'.repeat(maxFirstResponder + 1));
    await view.click('Save referral');
    expect(errorOf(view, 'nrm-first-responder')).toBe(`at most ${maxFirstResponder} characters`);
    expect(refer).not.toHaveBeenCalled();
  });

  it('records a referral the shared rules accept, with no reference when none is typed', async () => {
    view = await referWith(['Record an NRM referral', 'Save referral'], async (rendered) => {
      await rendered.type('nrm-first-responder', ' Night Lantern Outreach ');
      await rendered.type('nrm-referred-on', '2026-11-02');
      await rendered.type('nrm-reference', '  ');
    });
    expect(refer).toHaveBeenCalledWith(expect.objectContaining({ firstResponder: 'Night Lantern Outreach', referredOn: '2026-11-02', reference: null }));
  });

  it('asks for the day of a decision, and names the shared limit on the support provider', async () => {
    stored.referrals = [waiting];
    view = await renderForTest(<NrmPanel client={child} />);
    await view.type('nrm-step-n1-on', '');
    await view.type('nrm-step-n1-provider', 'x'.repeat(maxProvider + 1));
    await view.click('Record');
    expect(errorOf(view, 'nrm-step-n1-on')).toBe('Choose the day it happened.');
    expect(errorOf(view, 'nrm-step-n1-provider')).toBe(`at most ${maxProvider} characters`);
    expect(record).not.toHaveBeenCalled();
    await view.type('nrm-step-n1-on', '2026-11-20');
    await view.type('nrm-step-n1-provider', '');
    await view.click('Record');
    expect(record).toHaveBeenCalledWith('n1', { to: 'rg_positive', on: '2026-11-20' });
  });
});

describe('the NRM forms’ problems in Spanish', () => {
  it('words every problem of the referral in Spanish', async () => {
    useLanguage('es');
    view = await referWith(['Registrar una derivación al NRM', 'Guardar derivación'], async (rendered) => {
      await rendered.type('nrm-referred-on', '');
      await rendered.type('nrm-reference', 'x'.repeat(maxReference + 1));
    });
    expect(errorOf(view, 'nrm-first-responder')).toBe('Indica la organización First Responder que hizo la derivación.');
    expect(errorOf(view, 'nrm-referred-on')).toBe('Elige el día de la derivación.');
    expect(errorOf(view, 'nrm-reference')).toBe(`como máximo ${maxReference} caracteres`);
    await view.type('nrm-first-responder', 'x'.repeat(maxFirstResponder + 1));
    await view.click('Guardar derivación');
    expect(errorOf(view, 'nrm-first-responder')).toBe(`como máximo ${maxFirstResponder} caracteres`);
    expect(refer).not.toHaveBeenCalled();
  });

  it('words every problem of a decision in Spanish', async () => {
    useLanguage('es');
    stored.referrals = [waiting];
    view = await renderForTest(<NrmPanel client={child} />);
    await view.type('nrm-step-n1-on', '');
    await view.type('nrm-step-n1-provider', 'x'.repeat(maxProvider + 1));
    await view.click('Registrar');
    expect(errorOf(view, 'nrm-step-n1-on')).toBe('Elige el día en que pasó.');
    expect(errorOf(view, 'nrm-step-n1-provider')).toBe(`como máximo ${maxProvider} caracteres`);
    expect(record).not.toHaveBeenCalled();
  });
});

describe('the follow-up form’s problems', () => {
  /** The follow-up form with `due` and `notes` typed, saved. */
  async function addFollowUp([open, save]: readonly [string, string], due: string, notes: string): Promise<Rendered> {
    const rendered = await renderForTest(<AddFollowUp clientId={robin} keyWorkerId={null} />);
    await rendered.click(open);
    await rendered.type('follow-up-due', due);
    await rendered.type('follow-up-notes', notes);
    await rendered.click(save);
    return rendered;
  }

  it('asks for the day as before, and names the shared limit on the note, in English', async () => {
    view = await addFollowUp(['Add a follow-up', 'Save follow-up'], '', 'x'.repeat(maxNote + 1));
    expect(errorOf(view, 'follow-up-due')).toBe('Choose the day it is due.');
    expect(errorOf(view, 'follow-up-notes')).toBe(`at most ${maxNote.toLocaleString('en-GB')} characters`);
    expect(add).not.toHaveBeenCalled();
  });

  it('words both in Spanish', async () => {
    useLanguage('es');
    view = await addFollowUp(['Añadir un seguimiento', 'Guardar seguimiento'], '', 'x'.repeat(maxNote + 1));
    expect(errorOf(view, 'follow-up-due')).toBe('Elige para qué día es.');
    expect(errorOf(view, 'follow-up-notes')).toBe(`como máximo ${maxNote.toLocaleString('es-ES')} caracteres`);
    expect(add).not.toHaveBeenCalled();
  });

  it('opens the follow-up due at the start of the chosen day on this phone', async () => {
    view = await addFollowUp(['Add a follow-up', 'Save follow-up'], '2026-11-20', ' Bring socks ');
    expect(add).toHaveBeenCalledWith({ clientId: robin, reason: 'check_in', dueAt: new Date('2026-11-20T00:00').toISOString(), assigneeId: me, notes: 'Bring socks' });
  });
});
