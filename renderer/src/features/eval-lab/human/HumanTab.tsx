import { useEffect, useRef } from 'react';
import { plural } from '../../../lib/format';
import { RunChooser } from '../RunChooser';
import { useCurrentRun } from '../runs-store';
import { AbCard, RateCard } from './ReviewCards';
import { currentCard, startRound, useReview } from './human-store';
import type { ReviewMode } from './review-deck';
import { useReviewKeys } from './use-review-keys';
import './human.css';

const MODES: { id: ReviewMode; label: string; explains: string }[] = [
  {
    id: 'ab',
    label: 'Start blind A/B comparison',
    explains: 'Two responses to the same prompt, models hidden: pick the better one.',
  },
  {
    id: 'rate',
    label: 'Start 1-5 ratings',
    explains: 'One response at a time, model hidden: rate it from 1 (poor) to 5 (excellent).',
  },
];

/** Human review: the learner as the judge, blind, keyboard driven; names revealed after rating. */
export function HumanTab() {
  const run = useCurrentRun();
  const review = useReview();
  const onRun = run !== null && review.runId === run.id && review.deck.length > 0;
  const card = onRun ? currentCard(review) : null;
  useReviewKeys(review.mode, card !== null);
  // A new round takes the focus to the card, so Enter goes to the next card, not back to Start.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (review.round > 0) heading.current?.focus();
  }, [review.round]);
  const twoCandidates = (run?.candidates.length ?? 0) >= 2;
  return (
    <div className="human-tab">
      <section className="card" aria-labelledby="human-heading">
        <h2 id="human-heading">Human review</h2>
        <p className="hint">
          Bedrock&apos;s human evaluation jobs send work like this to a team of reviewers. Here you
          are the reviewer; your answers are saved and the Model as judge tab compares them with the
          judge (Cohen&apos;s kappa).
        </p>
        <RunChooser purpose="review its responses" />
        {run ? (
          <div className="actions">
            {MODES.map((m) => (
              <button
                key={m.id}
                type="button"
                className={m.id === 'ab' ? 'primary' : undefined}
                disabled={m.id === 'ab' && !twoCandidates}
                title={m.explains}
                onClick={() => startRound(run, m.id)}
              >
                {m.label}
              </button>
            ))}
          </div>
        ) : null}
        {run && !twoCandidates ? (
          <p className="hint">A/B needs a run with two or more candidates.</p>
        ) : null}
      </section>
      {onRun && run ? (
        <section className="card" aria-labelledby="round-heading">
          <h3 id="round-heading" ref={heading} tabIndex={-1}>
            {card
              ? `${review.mode === 'ab' ? 'Comparison' : 'Response'} ${review.index + 1} of ${review.deck.length}`
              : 'Round finished'}
          </h3>
          {card?.kind === 'ab' ? <AbCard run={run} card={card} given={review.answer} /> : null}
          {card?.kind === 'rate' ? <RateCard run={run} card={card} given={review.answer} /> : null}
          {!card ? (
            <p role="status">{`You answered ${plural(review.deck.length, 'card')}. Start another round to go again in a new order.`}</p>
          ) : null}
          {review.saveError ? (
            <p className="error" role="alert">
              {review.saveError}
            </p>
          ) : null}
          <p className="hint">
            Keys: {review.mode === 'ab' ? 'A, B or = (tie)' : '1 to 5'}, then Enter for the next.
            Press ? for all keys.
          </p>
        </section>
      ) : null}
    </div>
  );
}
