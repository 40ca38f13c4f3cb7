/**
 * Every generated token in order, coloured by its real probability (with a legend); the number
 * shows on hover and keyboard focus and is in each token's accessible name. Arrow keys move
 * along the strip; Enter, Space or a click picks a token to see its alternatives.
 */
import type { KeyboardEvent } from 'react';
import type { GeneratedToken } from '../../../../../shared/imported-models-contract';
import { formatPercent } from '../../../lib/format';
import { BANDS, bandOf, bandRange, visibleToken } from './confidence';

function Legend() {
  return (
    <ul className="confidence-legend" aria-label="Colour legend">
      {BANDS.map((b, i) => (
        <li key={b.band}>
          <span className={`swatch band-${b.band}`} aria-hidden="true" />
          {b.label}: {bandRange(i)}
        </li>
      ))}
    </ul>
  );
}

/** Moves focus (and the choice) to the previous or next token with the arrow keys. */
function onArrow(e: KeyboardEvent<HTMLDivElement>, onSelect: (index: number) => void): void {
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End')
    return;
  const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button.tok'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const last = buttons.length - 1;
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? last
        : Math.min(last, Math.max(0, at + (e.key === 'ArrowRight' ? 1 : -1)));
  e.preventDefault();
  buttons[next]?.focus();
  onSelect(next);
}

export function ConfidenceStrip({
  tokens,
  selected,
  onSelect,
}: {
  tokens: readonly GeneratedToken[];
  selected: number;
  onSelect: (index: number) => void;
}) {
  return (
    <div className="confidence">
      <Legend />
      <div
        className="confidence-strip"
        role="group"
        aria-label="Generated tokens with their probabilities"
        data-testid="confidence-strip"
        onKeyDown={(e) => onArrow(e, onSelect)}
      >
        {tokens.map((t, i) => (
          <button
            key={i}
            type="button"
            className={`tok band-${bandOf(t.probability)}`}
            aria-pressed={i === selected}
            aria-label={`Token ${i + 1}: “${t.token}”, ${formatPercent(t.probability)}`}
            data-probability={t.probability}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => onSelect(i)}
          >
            {visibleToken(t.token)}
            <span className="tok-tip" aria-hidden="true">
              {formatPercent(t.probability)}
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
