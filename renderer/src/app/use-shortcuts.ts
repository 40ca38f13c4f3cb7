import { useEffect } from 'react';
import { isMac } from './platform';
import { SCREENS } from './screens';

/** Ctrl/Cmd+K opens search; Ctrl/Cmd+<digit> opens the screen with that key. */
export function useShortcuts(navigate: (to: string) => void, openSearch: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openSearch();
        return;
      }
      const screen = SCREENS.find((s) => s.key === event.key);
      if (screen) {
        event.preventDefault();
        navigate(screen.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, openSearch]);
}
