import { useEffect } from 'react';
import type { KeyGroup } from '../components/keys-help-store';
import { openKeysHelp } from '../components/keys-help-store';
import { isMac, modKey } from './platform';
import { SCREENS } from './screens';

/** The keys that work on every screen, as the "?" overlay lists them. */
export const EVERYWHERE_KEYS: KeyGroup = {
  title: 'Everywhere',
  keys: [
    ...SCREENS.map((s) => ({ keys: `${modKey}+${s.key}`, does: `Open ${s.label}` })),
    { keys: `${modKey}+K`, does: 'Search notes and glossary' },
    { keys: '?', does: 'Show these keys' },
    { keys: 'Tab, Shift+Tab', does: 'Move between controls' },
  ],
};

/** Where "?" is a character to type, not the key for the shortcuts list. */
function typing(t: EventTarget | null): boolean {
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement)
    return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range'].includes(t.type);
  return t instanceof HTMLElement && t.isContentEditable;
}

/**
 * Ctrl/Cmd+K opens search; Ctrl/Cmd+<digit> opens the screen with that key; "?" (outside text
 * fields) lists the keys of the screen on show.
 */
export function useShortcuts(navigate: (to: string) => void, openSearch: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (typing(event.target) || event.defaultPrevented) return;
        event.preventDefault();
        openKeysHelp();
        return;
      }
      if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openSearch();
        return;
      }
      // Letter keys are listed in capitals (Ctrl+E) but arrive as typed (e) without Shift.
      const screen = SCREENS.find((s) => s.key.toLowerCase() === event.key.toLowerCase());
      if (screen) {
        event.preventDefault();
        navigate(screen.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, openSearch]);
}
