import { useEffect } from 'react';

/**
 * Once the app is idle: load the search palette and build the notes index, so Ctrl/Cmd+K opens at
 * once, answers the first keystroke, and no typed character is lost; then read the review cards
 * into memory, so the first due queue does not wait for them.
 */
export function useIdleWarmup(loadSearchPalette: () => Promise<unknown>) {
  useEffect(() => {
    const id = requestIdleCallback(
      () =>
        void loadSearchPalette()
          .then(() => import('../content/corpus'))
          .then((m) => m.notesIndex())
          .then(() => import('../db/review'))
          .then((m) => m.warmReviewCards()),
    );
    return () => cancelIdleCallback(id);
  }, [loadSearchPalette]);
}
