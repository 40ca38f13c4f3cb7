/**
 * A link to Quick practice that hands over what to practise (a task, or exactly some questions):
 * "Practise" on Home and Stats, "Retake the incorrect ones", "Practise the missed ones".
 */
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { setPracticeIntent, type PracticeIntent } from './practice-intent';

export function PracticeLink({
  intent,
  className,
  children,
}: {
  intent: PracticeIntent;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link className={className} href="/practice/practice" onClick={() => setPracticeIntent(intent)}>
      {children}
    </Link>
  );
}
