/**
 * Locks the device after a period without interaction (the team's setting, default five
 * minutes). Time spent hidden counts: a phone left in a pocket locks even if timers were
 * paused, because the check also runs when the page becomes visible again.
 */

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/** The part of `window`/`document` this needs (injectable for tests). */
export interface EventSource {
  addEventListener(name: string, listener: () => void, options?: AddEventListenerOptions): void;
  removeEventListener(name: string, listener: () => void): void;
}

export interface IdleLockOptions {
  readonly idleMs: number;
  readonly onIdle: () => void;
  readonly now?: () => number;
  readonly target?: EventSource;
  readonly doc?: EventSource & { readonly visibilityState: DocumentVisibilityState };
}

/** Starts watching for idleness; returns a function that stops watching. */
export function watchIdle(options: IdleLockOptions): () => void {
  const now = options.now ?? Date.now;
  const target = options.target ?? window;
  const doc = options.doc ?? document;
  let lastActivity = now();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = (): void => {
    const idleFor = now() - lastActivity;
    if (idleFor >= options.idleMs) {
      options.onIdle();
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(check, options.idleMs - idleFor);
  };
  const onActivity = (): void => {
    lastActivity = now();
  };
  const onVisibility = (): void => {
    if (doc.visibilityState === 'visible') check();
  };

  ACTIVITY_EVENTS.forEach((name) => target.addEventListener(name, onActivity, { passive: true }));
  doc.addEventListener('visibilitychange', onVisibility);
  timer = setTimeout(check, options.idleMs);
  return () => {
    clearTimeout(timer);
    ACTIVITY_EVENTS.forEach((name) => target.removeEventListener(name, onActivity));
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
