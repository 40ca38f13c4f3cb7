/**
 * Where results appear after the learner asks for them (a run, a draw, an import check). When
 * `revealKey` changes to a new non-null value, the region scrolls itself into view (smoothly unless
 * reduced motion is asked for; see results-reveal.ts: a tall region shows its top, and growth
 * right after it appears is followed) and `announce` is read out by screen readers through a
 * polite live region. Pass a key that changes only on the learner's action (a run id, a
 * counter), not on every streamed delta.
 *
 * Focus: the button that started the action is often disabled while busy, or unmounts, and the
 * browser then drops the focus to <body>. When the region reveals and nothing has the focus (or a
 * disabled control still holds it), the region takes it (tabIndex -1), so Tab continues from the
 * results. When the learner has focused something else, the focus stays where it is.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { revealRegion } from './results-reveal';
import './results-region.css';

export function ResultsRegion({
  label,
  revealKey,
  announce,
  className,
  children,
}: {
  /** The region's accessible name: "Compare results". */
  label: string;
  /** Changes when new results arrive after a user action; null while there are none. */
  revealKey: string | number | null;
  /** A short sentence for screen readers when results arrive: "3 columns finished." */
  announce?: string | null;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const shown = useRef<string | number | null>(null);
  useEffect(() => {
    const region = ref.current;
    if (revealKey === null || revealKey === shown.current || !region) return;
    shown.current = revealKey;
    if (focusWasDropped()) region.focus({ preventScroll: true });
    return revealRegion(region);
  }, [revealKey]);
  return (
    <section
      ref={ref}
      aria-label={label}
      tabIndex={-1}
      className={className ? `results-region ${className}` : 'results-region'}
    >
      <p className="sr-only" aria-live="polite">
        {announce ?? ''}
      </p>
      {children}
    </section>
  );
}

/**
 * True when no control holds the focus after the learner acted: it fell to <body>, or sits on a
 * control that is now disabled.
 */
function focusWasDropped(): boolean {
  // A page just loaded with results restored: the learner has not acted yet, leave the focus be.
  if (navigator.userActivation && !navigator.userActivation.hasBeenActive) return false;
  const active = document.activeElement;
  if (!active || active === document.body || active === document.documentElement) return true;
  return active.matches(':disabled');
}
