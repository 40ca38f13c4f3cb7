/**
 * Where results appear after the learner asks for them (a run, a draw, an import check). When
 * `revealKey` changes to a new non-null value, the region scrolls itself into view (only as far as
 * needed, smoothly unless reduced motion is asked for) and `announce` is read out by screen
 * readers through a polite live region. Pass a key that changes only on the learner's action (a
 * run id, a counter), not on every streamed delta.
 */
import { useEffect, useRef, type ReactNode } from 'react';
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
    if (revealKey === null || revealKey === shown.current) return;
    shown.current = revealKey;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    ref.current?.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }, [revealKey]);
  return (
    <section
      ref={ref}
      aria-label={label}
      className={className ? `results-region ${className}` : 'results-region'}
    >
      <p className="sr-only" aria-live="polite">
        {announce ?? ''}
      </p>
      {children}
    </section>
  );
}
