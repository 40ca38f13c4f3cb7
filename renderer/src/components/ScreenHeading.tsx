import { useEffect, useRef, type ReactNode } from 'react';
import { claimHeadingFocus } from './focus';

/** The h1 of a screen; takes focus when the screen was opened by navigation. */
export function ScreenHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => claimHeadingFocus(ref.current), []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1}>
      {children}
    </h1>
  );
}
