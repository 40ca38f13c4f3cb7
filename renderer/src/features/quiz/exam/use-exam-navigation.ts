/**
 * Where the learner is in an exam: the question on screen, the review screen, and the submit
 * confirmation; plus the focus that goes with each (a question's first control, or its heading
 * when that control is a list where N, P, F and R would pick an option; the confirm button when
 * it appears, the submit button when it goes).
 */
import { useEffect, useRef, useState } from 'react';
import type { ExamSession } from '../../../db/schema';

export function useExamNavigation(initial: ExamSession) {
  const total = initial.questionIds.length;
  const [index, setIndex] = useState(() => {
    const i = initial.questionIds.findIndex((id) => !(id in initial.responses));
    return i < 0 ? 0 : i;
  });
  const [reviewing, setReviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    const first = card.current?.querySelector<HTMLElement>(
      'input:not(:disabled), select, button:not(:disabled)',
    );
    if (reviewing || first instanceof HTMLSelectElement) heading.current?.focus();
    else first?.focus();
  }, [index, reviewing]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) submitButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return {
    index,
    reviewing,
    confirming,
    refs: { card, heading, confirmButton, submitButton },
    go: (i: number) => {
      setReviewing(false);
      setConfirming(false);
      setIndex(Math.max(0, Math.min(total - 1, i)));
    },
    review: () => setReviewing(true),
    setConfirming,
  };
}
