import { useEffect } from 'react';
import { useScreenKeys } from '../../../components/keys-help-store';
import { answer, next } from './human-store';
import type { ReviewMode } from './review-deck';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The review keys (A/B/= or 1-5, Enter next) while a round is on, listed in the "?" overlay. */
export function useReviewKeys(mode: ReviewMode, active: boolean): void {
  useScreenKeys({
    title: 'Human review',
    keys:
      mode === 'ab'
        ? [
            { keys: 'A / B', does: 'Prefer response A or B' },
            { keys: '=', does: 'A tie' },
            { keys: 'Enter', does: 'Next comparison' },
          ]
        : [
            { keys: '1–5', does: 'Rate the response' },
            { keys: 'Enter', does: 'Next response' },
          ],
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const k = e.key.toLowerCase();
      let handled = true;
      if (e.key === 'Enter') {
        if (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement) return;
        next();
      } else if (mode === 'ab' && (k === 'a' || k === 'b')) answer(k.toUpperCase());
      else if (mode === 'ab' && e.key === '=') answer('tie');
      else if (mode === 'rate' && /^[1-5]$/.test(e.key)) answer(e.key);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, active]);
}
