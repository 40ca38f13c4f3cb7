/**
 * Repeated sampling: N seeded draws at the current settings, observed frequency against the
 * expected probability with a 95% Wilson interval, plus entropy and perplexity. A second
 * setting can run side by side on the same candidates.
 */
import { useId, useMemo, useState } from 'react';
import { drawMany, entropyBits, perplexity, pipeline, type Candidate } from '../../lib/sampling';
import { createRng } from '../../../../shared/random';
import { wilsonInterval } from '../../../../shared/statistics';
import { Controls } from './Controls';
import type { LabSettings } from './settings';

interface Run {
  counts: number[];
  n: number;
  settings: LabSettings;
  final: number[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function Histogram({
  labels,
  expected,
  counts,
  n,
  title,
  rows = 10,
}: {
  labels: readonly string[];
  expected: readonly number[] | null;
  counts: readonly number[];
  n: number;
  title: string;
  rows?: number;
}) {
  const order = labels
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (counts[b] ?? 0) - (counts[a] ?? 0) || (expected?.[b] ?? 0) - (expected?.[a] ?? 0) || a - b,
    );
  const top = order
    .slice(0, rows)
    .filter((i) => (counts[i] ?? 0) > 0 || (expected?.[i] ?? 0) > 0.0005);
  const otherCount = order.slice(rows).reduce((s, i) => s + (counts[i] ?? 0), 0);
  return (
    <figure className="histogram" aria-label={title}>
      <figcaption>
        {title}
        <span className="muted small"> count · observed{expected ? ' / expected' : ''}</span>
      </figcaption>
      <ul>
        {top.map((i) => {
          const observed = n ? (counts[i] ?? 0) / n : 0;
          const { low: lo, high: hi } = wilsonInterval(counts[i] ?? 0, n);
          return (
            <li key={i} data-testid="histogram-row" data-count={counts[i] ?? 0}>
              <span className="h-label">
                <code>{labels[i]}</code>
              </span>
              <span className="h-track" title={`95% interval ${pct(lo)}–${pct(hi)}`}>
                {expected ? (
                  <span className="h-expected" style={{ width: `${(expected[i] ?? 0) * 100}%` }} />
                ) : null}
                <span className="h-observed" style={{ width: `${observed * 100}%` }} />
                <span
                  className="h-ci"
                  style={{ left: `${lo * 100}%`, width: `${(hi - lo) * 100}%` }}
                />
              </span>
              <span className="h-value">
                <strong>{counts[i] ?? 0}</strong>{' '}
                <span className="muted">
                  {pct(observed)}
                  {expected ? ` / ${pct(expected[i] ?? 0)}` : ''}
                </span>
              </span>
            </li>
          );
        })}
        {otherCount > 0 ? (
          <li className="muted small">
            {otherCount} draws landed on {order.length - rows} other tokens
          </li>
        ) : null}
      </ul>
    </figure>
  );
}

function RunSummary({
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
        {run.n.toLocaleString()} draws · entropy {h.toFixed(3)} bits · perplexity{' '}
        {perplexity(run.final).toFixed(2)} · T {run.settings.temperature.toFixed(2)}, top-k{' '}
        {run.settings.topK ?? 'off'}, top-p {run.settings.topP.toFixed(2)}, seed {run.settings.seed}
      </p>
    </div>
  );
}

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
  const [runs, setRuns] = useState<{ a: Run; b: Run | null } | null>(null);
  const nId = useId();
  const labels = useMemo(() => candidates.map((c) => c.token), [candidates]);

  const runOne = (s: LabSettings): Run => {
    const final = pipeline(candidates, s).final;
    return { counts: drawMany(final, n, createRng(s.seed)), n, settings: s, final };
  };

  return (
    <section className="card" aria-labelledby="repeat-heading">
      <h2 id="repeat-heading">Repeated sampling</h2>
      <p className="muted">
        Draw the next token many times with the same seed and settings. Observed counts (solid) meet
        the expected probabilities (light) as N grows; the thin line is a 95% confidence interval.
      </p>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={nId}>Draws (N)</label>
          <input
            id={nId}
            type="number"
            min={1}
            max={10000}
            value={n}
            onChange={(e) =>
              setN(Math.min(10000, Math.max(1, Math.trunc(Number(e.target.value)) || 1)))
            }
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />
          Compare with a second setting
        </label>
        <button
          type="button"
          className="primary"
          onClick={() =>
            setRuns({
              a: runOne(settings),
              b: compare ? runOne({ ...other, seed: settings.seed }) : null,
            })
          }
        >
          Draw {n.toLocaleString()} times
        </button>
      </div>
      {compare ? (
        <div className="compare-settings">
          <p className="small muted">Second setting (same seed and candidates):</p>
          <Controls value={other} onChange={setOther} showSeed={false} idPrefix="b" />
        </div>
      ) : null}
      {runs ? (
        <div className={runs.b ? 'runs two' : 'runs'} data-testid="sampling-runs">
          <RunSummary run={runs.a} labels={labels} title="Current setting" />
          {runs.b ? <RunSummary run={runs.b} labels={labels} title="Second setting" /> : null}
        </div>
      ) : (
        <p className="empty">No draws yet. Choose N and press Draw.</p>
      )}
    </section>
  );
}
