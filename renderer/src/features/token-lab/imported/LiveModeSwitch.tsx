/**
 * Which kind of real model the live tab uses: a catalog model whose distribution Stratum builds
 * by repeated sampling, or the learner's imported model, whose token probabilities Bedrock
 * returns. Radio buttons: arrow keys move between the two.
 */
import { useId } from 'react';

export type LiveMode = 'catalog' | 'imported';

const MODES: readonly { value: LiveMode; label: string }[] = [
  { value: 'catalog', label: 'A catalog model: count repeated samples' },
  { value: 'imported', label: 'Your imported model: real token probabilities' },
];

export function LiveModeSwitch({
  value,
  onChange,
}: {
  value: LiveMode;
  onChange: (mode: LiveMode) => void;
}) {
  const name = useId();
  return (
    <fieldset className="live-mode">
      <legend>Real model</legend>
      {MODES.map((m) => (
        <label key={m.value}>
          <input
            type="radio"
            name={name}
            value={m.value}
            checked={value === m.value}
            onChange={() => onChange(m.value)}
          />{' '}
          {m.label}
        </label>
      ))}
    </fieldset>
  );
}
