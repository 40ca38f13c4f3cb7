import type { EvalRunRow } from '../runs-store';
import type { ReviewCard } from './review-deck';
import { answer, next } from './human-store';

const SCORES = ['1', '2', '3', '4', '5'] as const;

function texts(run: EvalRunRow, itemId: string) {
  const item = run.items.find((i) => i.id === itemId);
  const label = (id: string) => run.candidates.find((c) => c.id === id)?.label ?? id;
  const text = (id: string) =>
    run.responses.find((r) => r.itemId === itemId && r.candidateId === id)?.text ?? '';
  return { item, label, text };
}

function Response({ title, body, who }: { title: string; body: string; who: string | null }) {
  return (
    <article className="response" aria-label={title}>
      <h4>
        {title}
        {who ? <span className="revealed">{` — ${who}`}</span> : null}
      </h4>
      <p className="response-text">{body.trim() === '' ? '(empty response)' : body}</p>
    </article>
  );
}

function NextButton({ shown }: { shown: boolean }) {
  return shown ? (
    <button type="button" className="primary" onClick={next}>
      Next (Enter)
    </button>
  ) : null;
}

/** A blind A/B comparison: the names appear only after the learner chose. */
export function AbCard({
  run,
  card,
  given,
}: {
  run: EvalRunRow;
  card: Extract<ReviewCard, { kind: 'ab' }>;
  given: string | null;
}) {
  const { item, label, text } = texts(run, card.itemId);
  const b = card.pair.find((id) => id !== card.shownAsA) ?? card.shownAsA;
  const choices = [
    { value: 'A', label: 'A is better (A)' },
    { value: 'B', label: 'B is better (B)' },
    { value: 'tie', label: 'Tie (=)' },
  ];
  return (
    <div className="review-card">
      <p className="review-prompt">{item?.prompt}</p>
      {item?.referenceResponse ? (
        <p className="hint">{`Reference: ${item.referenceResponse}`}</p>
      ) : null}
      <div className="ab-columns">
        <Response
          title="Response A"
          body={text(card.shownAsA)}
          who={given ? label(card.shownAsA) : null}
        />
        <Response title="Response B" body={text(b)} who={given ? label(b) : null} />
      </div>
      <div className="actions" role="group" aria-label="Your preference">
        {choices.map((c) => (
          <button
            key={c.value}
            type="button"
            aria-pressed={given === c.value}
            disabled={given !== null}
            onClick={() => answer(c.value)}
          >
            {c.label}
          </button>
        ))}
        <NextButton shown={given !== null} />
      </div>
      {given ? (
        <p className="reveal" role="status">
          {`You chose ${given === 'tie' ? 'a tie' : given}. A was ${label(card.shownAsA)}; B was ${label(b)}.`}
        </p>
      ) : null}
    </div>
  );
}

/** One response rated 1-5, blind: the model's name appears after the rating. */
export function RateCard({
  run,
  card,
  given,
}: {
  run: EvalRunRow;
  card: Extract<ReviewCard, { kind: 'rate' }>;
  given: string | null;
}) {
  const { item, label, text } = texts(run, card.itemId);
  return (
    <div className="review-card">
      <p className="review-prompt">{item?.prompt}</p>
      {item?.referenceResponse ? (
        <p className="hint">{`Reference: ${item.referenceResponse}`}</p>
      ) : null}
      <Response
        title="Response"
        body={text(card.candidateId)}
        who={given ? label(card.candidateId) : null}
      />
      <div className="actions" role="group" aria-label="Your rating, 1 (poor) to 5 (excellent)">
        {SCORES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={given === s}
            disabled={given !== null}
            onClick={() => answer(s)}
          >
            {s}
          </button>
        ))}
        <NextButton shown={given !== null} />
      </div>
      {given ? (
        <p
          className="reveal"
          role="status"
        >{`You rated it ${given} of 5. It was ${label(card.candidateId)}.`}</p>
      ) : null}
    </div>
  );
}
