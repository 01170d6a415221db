import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteArgsSchema } from '../../../../shared/domain/note';
import { act, renderForTest, type Rendered } from '../../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as englishMessages } from '../../../i18n/locales/en';
import { messages as spanishMessages } from '../../../i18n/locales/es';
import { useUiStore } from '../../../stores/ui-store';
import { ClientNotes } from './client-notes';

const robin = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

const add = vi.fn(async (_note: { clientId: string; body: string; level: string }) => undefined);
vi.mock('../../../stores/runtime', () => ({
  notesRepository: { add: (note: { clientId: string; body: string; level: string }) => add(note), forClient: async () => [] },
}));
// The hooks beside the form read the session; the form itself does not.
vi.mock('../../../stores/session-store', () => ({
  useSessionStore: <T,>(select: (s: { user: null }) => T): T => select({ user: null }),
}));

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  add.mockReset();
  add.mockImplementation(async () => undefined);
  activateCompiled('en', compileCatalogue(englishMessages, compileMessage));
});

const body = () => view?.container.querySelector<HTMLTextAreaElement>('#note-body');
const restricted = () => view?.container.querySelector<HTMLInputElement>('input[type="checkbox"]');
const bodyError = () => view?.container.querySelector('#note-body-error')?.textContent;
const alerts = () => [...(view?.container.querySelectorAll('[role="alert"]') ?? [])].map((el) => el.textContent);
const dirty = () => useUiStore.getState().dirtyForms.has('client-note');

describe('adding a note', () => {
  it('says to write something first beside the box, and saves nothing', async () => {
    view = await renderForTest(<ClientNotes clientId={robin} />);
    await view.type('note-body', '   ');
    await view.click('Save note');
    expect(add).not.toHaveBeenCalled();
    expect(bodyError()).toBe('Write something first.');
    expect(body()?.getAttribute('aria-invalid')).toBe('true');
    expect(body()?.getAttribute('aria-describedby')).toBe('note-body-error');
    expect(alerts()).toEqual(['Write something first.']);
  });

  it('keeps to the shared schema’s longest note, in the words the catalogue gives', async () => {
    const longest = noteArgsSchema.shape.body.maxLength ?? 0;
    expect(noteArgsSchema.safeParse({ id: robin, clientId: robin, body: 'x'.repeat(longest + 1), level: 'team' }).success).toBe(false);
    view = await renderForTest(<ClientNotes clientId={robin} />);
    await view.type('note-body', 'x'.repeat(longest + 1));
    await view.click('Save note');
    expect(add).not.toHaveBeenCalled();
    expect(bodyError()).toBe('at most 10,000 characters');
    expect(body()?.value).toHaveLength(longest + 1);
  });

  it('saves the trimmed note at the level chosen, then empties the box', async () => {
    view = await renderForTest(<ClientNotes clientId={robin} />);
    await view.type('note-body', '  Prefers evenings  ');
    expect(dirty()).toBe(true);
    await act(async () => restricted()?.click());
    await view.click('Save note');
    expect(add).toHaveBeenCalledTimes(1);
    expect(add).toHaveBeenCalledWith({ clientId: robin, body: 'Prefers evenings', level: 'restricted' });
    expect(body()?.value).toBe('');
    expect(restricted()?.checked).toBe(false);
    expect(dirty()).toBe(false);
    expect(bodyError()).toBeUndefined();

    await view.type('note-body', 'Likes tea');
    await view.click('Save note');
    expect(add).toHaveBeenLastCalledWith({ clientId: robin, body: 'Likes tea', level: 'team' });
  });

  it('clears an earlier check once the note is fine', async () => {
    view = await renderForTest(<ClientNotes clientId={robin} />);
    await view.click('Save note');
    expect(bodyError()).toBe('Write something first.');
    await view.type('note-body', 'Prefers evenings');
    await view.click('Save note');
    expect(add).toHaveBeenCalledWith({ clientId: robin, body: 'Prefers evenings', level: 'team' });
    expect(bodyError()).toBeUndefined();
    expect(body()?.hasAttribute('aria-invalid')).toBe(false);
  });

  it('keeps the note in the box when saving fails, and says why', async () => {
    add.mockImplementation(async () => {
      throw new Error('The device is locked.');
    });
    view = await renderForTest(<ClientNotes clientId={robin} />);
    await view.type('note-body', 'Prefers evenings');
    await view.click('Save note');
    expect(alerts()).toEqual(['The device is locked.']);
    expect(body()?.value).toBe('Prefers evenings');
    expect(dirty()).toBe(true);
  });

  it('words the check in the language shown', async () => {
    activateCompiled('es', compileCatalogue(spanishMessages, compileMessage));
    view = await renderForTest(<ClientNotes clientId={robin} />);
    await view.click('Guardar nota');
    expect(add).not.toHaveBeenCalled();
    expect(bodyError()).toBe('Escribe algo primero.');
  });
});
