/** The exam's heading (it takes the focus where a list would catch the keys) and its clock. */
import type { RefObject } from 'react';
import { formatClock, timeLeftMs } from '../../../lib/mock-exam';
import { useNow } from '../use-now';

export function ExamHeader({
  headingRef,
  title,
  deadline,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  title: string;
  deadline: string;
}) {
  const now = useNow(1000);
  const left = timeLeftMs(deadline, now);
  return (
    <header className="exam-header">
      <h2 ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p
        className={left < 5 * 60_000 ? 'exam-clock exam-clock-low' : 'exam-clock'}
        role="timer"
        aria-live="off"
        aria-label={`Time left ${formatClock(left)}`}
        data-testid="exam-clock"
      >
        <span className="muted small">Time left</span> {formatClock(left)}
      </p>
    </header>
  );
}
