/**
 * The live experiment: ask a Bedrock model for the next word of a prompt N times and plot the
 * words it chose. Bedrock's Converse API returns no token probabilities, so repeated sampling is
 * how a real model's distribution becomes visible. Runs are saved in IndexedDB.
 */
import { IntegerField, RangeField } from '../../components/fields';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import {
  estimateTokenCost,
  invocableModelId,
  modelDisplayName,
  textModels,
} from '../../../../shared/models';
import type { AppError } from '../../../../shared/result';
import { openStream, type StreamHandle } from '../../api';
import { useSettings } from '../../app/settings-context';
import { ErrorPanel } from '../../components/ConnectionStatus';
import type { TokenExperiment } from '../../db/schema';
import { deleteExperiment, listExperiments, saveExperiment } from '../../db/experiments';
import { tally } from '../../lib/next-word';
import { Histogram } from './RepeatedSampling';

/** Rough token estimate for the cost preview: about 4 characters per token, plus overhead. */
const estimateTokens = (text: string) => Math.ceil(text.length / 4) + 8;
const SYSTEM_PROMPT_TOKENS = 40;
const usd = (x: number | null) =>
  x === null
    ? 'unknown (no price in the catalog)'
    : x < 0.01
      ? `$${x.toFixed(5)}`
      : `$${x.toFixed(3)}`;

function Results({ experiment }: { experiment: TokenExperiment }) {
  const replies = experiment.replies.filter((r): r is string => r !== null);
  const t = tally(replies);
  const labels = [...t.words.map((w) => w.word)];
  const counts = [...t.words.map((w) => w.count)];
  if (t.multiple.length > 0) {
    labels.push('(more than one word)');
    counts.push(t.multiple.length);
  }
  if (t.empty > 0) {
    labels.push('(empty reply)');
    counts.push(t.empty);
  }
  return (
    <div data-testid="live-results">
      <Histogram
        labels={labels}
        expected={null}
        counts={counts}
        n={t.total}
        rows={15}
        title={`First word of ${t.total} replies from ${experiment.modelId}`}
      />
      <p className="muted small">
        {t.words.length} distinct single words · {t.multiple.length} replies with more than one word
        · {t.empty} empty · 95% Wilson intervals shown as thin lines. Temperature{' '}
        {experiment.settings.temperature}, top-p {experiment.settings.topP}. Tokens used:{' '}
        {experiment.usage.inputTokens.toLocaleString()} in,{' '}
        {experiment.usage.outputTokens.toLocaleString()} out; cost about {usd(experiment.costUsd)}.
      </p>
      {t.multiple.length > 0 ? (
        <details className="small">
          <summary>Replies with more than one word ({t.multiple.length})</summary>
          <ul>
            {t.multiple.slice(0, 50).map((r, i) => (
              <li key={i}>
                <code>{r}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

export function LiveExperiment() {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(
    () =>
      textModels()
        .filter(
          (m) =>
            m.lifecycle !== 'end-of-life' &&
            m.features.systemPrompt &&
            !m.outputModalities.includes('embedding'),
        )
        .map((m) => ({ id: invocableModelId(m, region), label: modelDisplayName(m) })),
    [region],
  );
  const [modelId, setModelId] = useState(
    state?.settings.aws.defaultTextModel ?? 'amazon.nova-micro-v1:0',
  );
  const [prompt, setPrompt] = useState('After the rain, the streets were');
  const [n, setN] = useState(20);
  const [temperature, setTemperature] = useState(1);
  const [topP, setTopP] = useState(1);
  const [concurrency, setConcurrency] = useState(4);
  const maxTokens = 5;
  const [running, setRunning] = useState<{ handle: StreamHandle; done: number } | null>(null);
  const [current, setCurrent] = useState<TokenExperiment | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [undo, setUndo] = useState<TokenExperiment | null>(null);
  const saved = useLiveQuery(listExperiments, []);
  const ids = { model: useId(), prompt: useId() };
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  const inputPerCall = estimateTokens(prompt) + SYSTEM_PROMPT_TOKENS;
  const estimate = estimateTokenCost(modelId, inputPerCall * n, maxTokens * n);

  const start = () => {
    setError(null);
    setUndo(null);
    const replies: (string | null)[] = Array.from({ length: n }, () => null);
    const usage = { inputTokens: 0, outputTokens: 0 };
    const base = {
      id: crypto.randomUUID(),
      kind: 'next-word' as const,
      createdAt: new Date().toISOString(),
      modelId,
      region,
      prompt,
      settings: { n, temperature, topP, maxTokens, concurrency },
    };
    let done = 0;
    const handle = openStream(
      'sampleNextWord',
      { modelId, prompt, n, temperature, topP, concurrency, maxTokens },
      (event) => {
        replies[event.index] = event.reply;
        usage.inputTokens += event.inputTokens ?? 0;
        usage.outputTokens += event.outputTokens ?? 0;
        done++;
        if (!mounted.current) return;
        setRunning((r) => (r ? { ...r, done } : r));
        setCurrent({
          ...base,
          replies: [...replies],
          status: 'complete',
          error: null,
          usage: { ...usage },
          costUsd: null,
        });
      },
    );
    setRunning({ handle, done: 0 });
    setCurrent(null);
    void handle.done.then(async (end) => {
      const experiment: TokenExperiment = {
        ...base,
        replies,
        status: end === null ? 'complete' : end.code === 'cancelled' ? 'cancelled' : 'failed',
        error: end && end.code !== 'cancelled' ? { code: end.code, message: end.message } : null,
        usage,
        costUsd: estimateTokenCost(modelId, usage.inputTokens, usage.outputTokens),
      };
      // Whatever completed is kept, even when the run stopped early.
      if (done > 0) await saveExperiment(experiment);
      if (!mounted.current) return;
      setRunning(null);
      setCurrent(done > 0 ? experiment : null);
      if (end && end.code !== 'cancelled') setError(end);
    });
  };

  const remove = async (id: string) => {
    const removed = await deleteExperiment(id);
    setUndo(removed);
    if (current?.id === id) setCurrent(null);
  };

  return (
    <div className="lab-grid">
      <aside className="card lab-side" aria-label="Live experiment settings">
        <h2>Live experiment</h2>
        <p className="muted small">
          Bedrock does not return token probabilities, so Stratum asks the model for one next word,{' '}
          {n} times, and counts the answers. Uses your AWS account (
          <Link href="/settings">Settings</Link>).
        </p>
        <div className="field">
          <label htmlFor={ids.model}>Model</label>
          <select id={ids.model} value={modelId} onChange={(e) => setModelId(e.target.value)}>
            {!models.some((m) => m.id === modelId) ? (
              <option value={modelId}>{modelId}</option>
            ) : null}
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.prompt}>Prompt</label>
          <input
            id={ids.prompt}
            value={prompt}
            maxLength={2000}
            onChange={(e) => setPrompt(e.target.value)}
          />
        </div>
        <IntegerField label="Samples (N)" value={n} min={1} max={500} onChange={setN} />
        <RangeField
          label="Temperature"
          value={temperature}
          min={0}
          max={1}
          step={0.05}
          display={temperature.toFixed(2)}
          onChange={setTemperature}
        />
        <RangeField
          label="Top-p"
          value={topP}
          min={0.05}
          max={1}
          step={0.05}
          display={topP.toFixed(2)}
          onChange={setTopP}
        />
        <IntegerField
          label="Calls at once"
          value={concurrency}
          min={1}
          max={8}
          onChange={setConcurrency}
        />
        <p className="small" data-testid="estimate">
          Estimate: about {(inputPerCall * n).toLocaleString()} input and at most{' '}
          {(maxTokens * n).toLocaleString()} output tokens, {usd(estimate)} at on-demand list
          prices.
        </p>
        <div className="actions">
          {running ? (
            <button type="button" onClick={() => running.handle.cancel()}>
              Cancel
            </button>
          ) : (
            <button type="button" className="primary" onClick={start} disabled={!prompt.trim()}>
              Run {n} samples
            </button>
          )}
        </div>
        {running ? (
          <div role="status" aria-live="polite">
            <progress max={n} value={running.done} /> {running.done} of {n}
          </div>
        ) : null}
      </aside>
      <div className="lab-main">
        {error ? (
          <ErrorPanel
            error={error}
            footer={
              current
                ? `The ${current.replies.filter((r) => r !== null).length} samples that completed are kept.`
                : undefined
            }
          />
        ) : null}
        <section className="card">
          {current ? (
            <Results experiment={current} />
          ) : (
            <p className="empty">No run yet. Set a prompt and press Run.</p>
          )}
        </section>
        <section className="card" aria-labelledby="saved-heading">
          <h2 id="saved-heading">Saved experiments</h2>
          {undo ? (
            <p role="status" className="status status-idle">
              Deleted the run of {undo.createdAt.slice(0, 16).replace('T', ' ')}.{' '}
              <button
                type="button"
                className="link"
                onClick={() => void saveExperiment(undo).then(() => setUndo(null))}
              >
                Undo
              </button>
            </p>
          ) : null}
          {saved && saved.length > 0 ? (
            <ul className="saved" data-testid="saved-experiments">
              {saved.map((e) => (
                <li key={e.id}>
                  <button type="button" className="link" onClick={() => setCurrent(e)}>
                    “{e.prompt}” · {e.modelId} · {e.replies.filter((r) => r !== null).length}/
                    {e.settings.n} · T {e.settings.temperature}
                  </button>
                  <span className="muted small">
                    {new Date(e.createdAt).toLocaleString()} · {e.status}
                  </span>
                  <button
                    type="button"
                    className="link"
                    aria-label={`Delete the run of ${e.createdAt}`}
                    onClick={() => void remove(e.id)}
                  >
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">Runs you make are saved here on this computer.</p>
          )}
        </section>
      </div>
    </div>
  );
}
