/**
 * Renders a screen into jsdom for a component test and waits for its live queries.
 * `fake-indexeddb/auto` is needed because Dexie's liveQuery (behind useLiveQuery) only runs
 * where IndexedDB exists, even when the repository it wraps is a test double.
 */
import 'fake-indexeddb/auto';
import { act } from 'preact/test-utils';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Preact's act: the app runs on Preact (decision 011), so its tests flush Preact's work. */
export { act };

export interface Rendered {
  readonly container: HTMLElement;
  /** Lets pending promises and live queries settle. */
  settle: () => Promise<void>;
  /** The button whose accessible name (aria-label, else text) is exactly `name`. */
  button: (name: string) => HTMLButtonElement | undefined;
  /** Clicks a button by name, then settles; throws if there is none. */
  click: (name: string) => Promise<void>;
  /** Types `text` into the input or textarea with this id, as a person would, then settles. */
  type: (id: string, text: string) => Promise<void>;
  /** The element whose aria-label is exactly `label`. */
  labelled: (label: string) => HTMLElement | null;
  unmount: () => void;
}

export async function renderForTest(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const settle = async () => {
    for (let i = 0; i < 4; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
  };
  const button = (name: string) =>
    [...container.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  await act(async () => root.render(ui));
  await settle();
  return {
    container,
    settle,
    button,
    async click(name) {
      const target = button(name);
      if (target === undefined) throw new Error(`No button named "${name}"`);
      await act(async () => target.click());
      await settle();
    },
    async type(id, text) {
      const field = container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`);
      if (field === null) throw new Error(`No field #${id}`);
      const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      await act(async () => {
        Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, text);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await settle();
    },
    labelled: (label) => container.querySelector<HTMLElement>(`[aria-label="${label}"]`),
    unmount() {
      void act(() => root.unmount());
      container.remove();
    },
  };
}
