/**
 * The grid of question numbers: answered (filled, with a check mark), unanswered (a dashed
 * outline), flagged (a flag and a corner), current (a ring); shape and glyph tell them apart in
 * both themes, not colour alone, and each cell's name says its state. Arrow keys move, Enter jumps.
 */
import { useRef, useState } from 'react';
import { useScreenKeys } from '../../../components/keys-help-store';
import type { ExamSession } from '../../../db/schema';

const GRID_COLUMNS = 13;

const EXAM_KEYS = {
  title: 'Mock exam',
  keys: [
    { keys: 'N', does: 'Next question' },
    { keys: 'P', does: 'Previous question' },
    { keys: 'F', does: 'Flag or unflag the question for review' },
    { keys: 'R', does: 'Review screen (answered, unanswered, flagged; submit)' },
    { keys: 'Esc', does: 'From the review screen, back to the question' },
    { keys: '← → ↑ ↓, Home, End', does: 'Move in the question grid' },
    { keys: 'Enter', does: 'In the grid: go to that question' },
  ],
};

const STEP: Record<string, number> = {
  ArrowRight: 1,
  ArrowLeft: -1,
  ArrowDown: GRID_COLUMNS,
  ArrowUp: -GRID_COLUMNS,
};

export function Navigator({
  session,
  current,
  answered,
  onGo,
}: {
  session: ExamSession;
  current: number;
  answered: (id: string) => boolean;
  onGo: (i: number) => void;
}) {
  useScreenKeys(EXAM_KEYS);
  const [focus, setFocus] = useState(current);
  const grid = useRef<HTMLDivElement>(null);
  const total = session.questionIds.length;
  const flagged = new Set(session.flagged);
  const move = (i: number) => {
    const j = Math.max(0, Math.min(total - 1, i));
    setFocus(j);
    grid.current?.querySelectorAll<HTMLButtonElement>('button')[j]?.focus();
  };
  const tabStop = focus >= 0 && focus < total ? focus : current;
  return (
    <div>
      <div
        ref={grid}
        className="exam-grid"
        role="group"
        aria-label="Question navigator"
        style={{ gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))` }}
        onKeyDown={(e) => {
          if (e.key in STEP) move(focus + STEP[e.key]!);
          else if (e.key === 'Home') move(0);
          else if (e.key === 'End') move(total - 1);
          else return;
          e.preventDefault();
        }}
      >
        {session.questionIds.map((qid, i) => {
          const a = answered(qid);
          const f = flagged.has(qid);
          const cls = [
            'cell',
            a ? 'answered' : 'unanswered',
            f ? 'flagged' : '',
            i === current ? 'current' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <button
              key={qid}
              type="button"
              className={cls}
              tabIndex={i === tabStop ? 0 : -1}
              aria-current={i === current ? 'step' : undefined}
              aria-label={`Question ${i + 1}, ${a ? 'answered' : 'unanswered'}${f ? ', flagged' : ''}`}
              onFocus={() => setFocus(i)}
              onClick={() => onGo(i)}
            >
              <span aria-hidden="true" className="cell-mark">
                {a ? '✓' : ''}
              </span>
              {i + 1}
              {f ? (
                <span aria-hidden="true" className="cell-flag">
                  ⚑
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <ul className="muted small exam-legend" aria-label="Legend">
        <li>
          <span className="key answered" aria-hidden="true">
            ✓
          </span>{' '}
          Answered
        </li>
        <li>
          <span className="key unanswered" aria-hidden="true" /> Unanswered
        </li>
        <li>
          <span className="key flagged" aria-hidden="true">
            ⚑
          </span>{' '}
          Flagged for review
        </li>
        <li>
          <span className="key current" aria-hidden="true" /> Current question
        </li>
      </ul>
    </div>
  );
}
