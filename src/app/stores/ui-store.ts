/**
 * UI state that other parts of the app must respect: whether a form holds unsaved input
 * (the update prompt never reloads over it) and whether the screen is hidden by quick exit.
 */
import { create } from 'zustand';

interface UiState {
  /** Names of forms that currently hold unsaved input. */
  dirtyForms: ReadonlySet<string>;
  setFormDirty: (form: string, dirty: boolean) => void;
  /** Quick exit: the screen shows a neutral page until the person comes back. */
  quickExit: boolean;
  setQuickExit: (on: boolean) => void;
}

export const useUiStore = create<UiState>((set) => ({
  dirtyForms: new Set(),
  quickExit: false,
  setQuickExit(on) {
    set({ quickExit: on });
  },
  setFormDirty(form, dirty) {
    set((state) => {
      if (state.dirtyForms.has(form) === dirty) return state;
      const next = new Set(state.dirtyForms);
      if (dirty) next.add(form);
      else next.delete(form);
      return { dirtyForms: next };
    });
  },
}));
