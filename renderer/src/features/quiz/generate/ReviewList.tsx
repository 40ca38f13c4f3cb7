/**
 * The generated items waiting for review (kept across restarts): accept one or all, discard with
 * Undo, and what happened, in a status line.
 */
import { useMemo, useState } from 'react';
import { QuestionRejected, useQuestionPool } from '../../../db/questions';
import { plural } from '../../../lib/format';
import { BANK } from '../bank';
import {
  acceptPending,
  discardPending,
  fromEarlierSession,
  messageOf,
  restorePending,
  type PendingItem,
  type PendingStorage,
} from '../generation-store';
import { ReviewItem } from './ReviewItem';
import { StorageNotes } from './StorageNotes';

interface Status {
  text: string;
  undo?: () => void;
  error?: boolean;
}

/** What went wrong when accepting, and what to do next. */
function acceptProblem(error: unknown, pending: readonly PendingItem[], n: number): string {
  if (error instanceof QuestionRejected) {
    const stem = pending.find((p) => p.question.id === error.questionId)?.question.stem;
    const which = stem ? `“${stem.slice(0, 60)}…”` : `Question ${error.questionId}`;
    return `Nothing was added: ${which} was refused (${error.problems.join('; ')}). Edit it to fix this, or discard it.`;
  }
  const what = n === 1 ? 'the question' : 'the questions';
  return `Could not add ${what} to your bank (${messageOf(error)}). Nothing was changed and ${n === 1 ? 'it is' : 'they are'} still waiting here; try again.`;
}

export function ReviewList({
  pending,
  storage,
}: {
  pending: PendingItem[];
  storage: PendingStorage;
}) {
  const pool = useQuestionPool(BANK);
  const [status, setStatus] = useState<Status | null>(null);
  const stems = useMemo(
    () => [...(pool ?? []).map((q) => q.stem), ...pending.map((p) => p.question.stem)],
    [pool, pending],
  );
  const accept = async (ids: string[]) => {
    try {
      const n = await acceptPending(ids);
      setStatus({
        text: `${plural(n, 'question')} added to your bank. Practise them in Quick practice (origin “Generated with Bedrock”).`,
      });
    } catch (error) {
      setStatus({ text: acceptProblem(error, pending, ids.length), error: true });
    }
  };
  const discard = (id: string) => {
    const gone = discardPending(id);
    if (gone)
      setStatus({
        text: `Discarded “${gone.question.stem.slice(0, 60)}…”.`,
        undo: () => restorePending(gone),
      });
  };
  return (
    <section className="card" aria-labelledby="gen-review-heading">
      <h2 id="gen-review-heading">Review ({pending.length})</h2>
      <StorageNotes pending={pending} storage={storage} />
      {status ? <StatusLine status={status} onUndone={() => setStatus(null)} /> : null}
      {pending.length === 0 ? (
        <p className="empty">
          Generated questions wait here, also across restarts, until you accept or discard them.
          Nothing is added to your bank without your say (unless you turn on auto-accept).
        </p>
      ) : (
        <>
          <ReviewIntro pending={pending} />
          {pending.length > 1 ? (
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() => void accept(pending.map((p) => p.question.id))}
              >
                Accept all {pending.length}
              </button>
            </div>
          ) : null}
          <ul className="gen-items">
            {pending.map((p) => (
              <ReviewItem
                key={p.question.id}
                item={p}
                otherStems={stems.filter((s) => s !== p.question.stem)}
                onAccept={() => void accept([p.question.id])}
                onDiscard={() => discard(p.question.id)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ReviewIntro({ pending }: { pending: PendingItem[] }) {
  const kept = pending.filter(fromEarlierSession).length;
  const from =
    kept === pending.length ? (kept === 1 ? 'It was' : 'They were') : `${kept} of them were`;
  return (
    <p className="muted small">
      Every item below passed the schema, the rule checks, the passage check against its note and
      the near-duplicate check. Read each one before accepting it: a checked item can still be
      wrong.
      {kept > 0 ? ` ${from} kept from an earlier session.` : ''}
    </p>
  );
}

function StatusLine({ status, onUndone }: { status: Status; onUndone: () => void }) {
  return (
    <p
      role="status"
      className={status.error ? 'status status-error small' : 'status status-idle small'}
      data-testid="gen-status"
    >
      <span>
        {status.text}{' '}
        {status.undo ? (
          <button
            type="button"
            className="link"
            onClick={() => {
              status.undo?.();
              onUndone();
            }}
          >
            Undo
          </button>
        ) : null}
      </span>
    </p>
  );
}
