/**
 * Repeated sampling: N seeded draws at the current settings, observed frequency against the
 * expected probability with a 95% Wilson interval, plus entropy and perplexity. A second
 * setting can run side by side on the same candidates.
 */
import { memo, useMemo, useState } from 'react';
import { IntegerField } from '../../components/fields';
import { ResultsRegion } from '../../components/ResultsRegion';
import { formatCount, plural } from '../../lib/format';
import { drawMany, entropyBits, perplexity, pipeline, type Candidate } from '../../lib/sampling';
import { createRng } from '../../../../shared/random';
import { Controls } from './Controls';
import { Histogram } from './Histogram';
import type { LabSettings } from './settings';

interface Run {
  counts: number[];
  n: number;
  settings: LabSettings;
  final: number[];
}

/** A finished run does not change with the sliders: it skips their re-renders. */
const RunSummary = memo(function RunSummary({
  run,
  labels,
  title,
}: {
  run: Run;
  labels: readonly string[];
  title: string;
}) {
  const h = entropyBits(run.final);
  return (
    <div className="run">
      <Histogram labels={labels} expected={run.final} counts={run.counts} n={run.n} title={title} />
      <p className="muted small">
        {formatCount(run.n)} draws · entropy {h.toFixed(3)} bits · perplexity{' '}
        {perplexity(run.final).toFixed(2)} · T {run.settings.temperature.toFixed(2)}, top-k{' '}
        {run.settings.topK ?? 'off'}, top-p {run.settings.topP.toFixed(2)}, seed {run.settings.seed}
      </p>
    </div>
  );
});

export function RepeatedSampling({
  candidates,
  settings,
}: {
  candidates: readonly Candidate[];
  settings: LabSettings;
}) {
  const [n, setN] = useState(1000);
  const [compare, setCompare] = useState(false);
  const [other, setOther] = useState<LabSettings>({ ...settings, temperature: 1.2 });
  const [runs, setRuns] = useState<{ a: Run; b: Run | null; at: number } | null>(null);
  const labels = useMemo(() => candidates.map((c) => c.token), [candidates]);

  const runOne = (s: LabSettings): Run => {
    const final = pipeline(candidates, s).final;
    return { counts: drawMany(final, n, createRng(s.seed)), n, settings: s, final };
  };
  const draw = () =>
    setRuns((previous) => ({
      a: runOne(settings),
      b: compare ? runOne({ ...other, seed: settings.seed }) : null,
      at: (previous?.at ?? 0) + 1,
    }));

  return (
    <section className="card" aria-labelledby="repeat-heading">
      <h2 id="repeat-heading">Repeated sampling</h2>
      <p className="muted">
        Draw the next token many times with the same seed and settings. Observed counts (solid) meet
        the expected probabilities (light) as N grows; the thin line is a 95% confidence interval.
      </p>
      <div className="toolbar">
        <IntegerField inline label="Draws (N)" value={n} min={1} max={10000} onChange={setN} />
        <label className="check">
          <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />
          Compare with a second setting
        </label>
        <button type="button" className="primary" onClick={draw}>
          Draw {plural(n, 'time')}
        </button>
      </div>
      {compare ? (
        <div className="compare-settings">
          <p className="small muted">Second setting (same seed and candidates):</p>
          <Controls value={other} onChange={setOther} showSeed={false} />
        </div>
      ) : null}
      <ResultsRegion
        label="Draws"
        revealKey={runs?.at ?? null}
        announce={runs ? `${plural(runs.a.n, 'draw')} done.` : null}
      >
        {runs ? (
          <div className={runs.b ? 'runs two' : 'runs'} data-testid="sampling-runs">
            <RunSummary run={runs.a} labels={labels} title="Current setting" />
            {runs.b ? <RunSummary run={runs.b} labels={labels} title="Second setting" /> : null}
          </div>
        ) : (
          <p className="empty">No draws yet. Choose N and press Draw.</p>
        )}
      </ResultsRegion>
    </section>
  );
}
