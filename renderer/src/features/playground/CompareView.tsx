/**
 * The Playground's Compare view: one prompt sent to two or three models (or to one model at
 * several temperatures) at the same time, each answer streamed into its own column with its time
 * to first token, total time, tokens, cost and stop reason. "Run 5 times" repeats every column
 * five times (one after another within a column, columns in parallel) to show how much the
 * answers vary.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link } from 'wouter';
import type { StreamInput } from '../../../../shared/contract';
import {
  estimateTokenCost,
  findModel,
  invocableModelId,
  modelDisplayName,
  textModels,
} from '../../../../shared/models';
import type { AppError } from '../../../../shared/result';
import { openStream, type StreamHandle } from '../../api';
import { useSettings } from '../../app/settings-context';
import { IntegerField, RangeField } from '../../components/fields';
import { ErrorPanel } from '../../components/ConnectionStatus';
import {
  estimateCompareCost,
  formatMs,
  formatUsd,
  replyDiversity,
  roughTokenCount,
  sumCosts,
} from '../../lib/metrics';
import { StreamingOutput } from './ModelOutput';
import { applyPreset, PRESETS } from './presets';

type Mode = 'models' | 'temperatures';

/** One column: which model, at which temperature. */
interface ColumnSpec {
  modelId: string;
  temperature: number;
}

type RunStatus = 'waiting' | 'streaming' | 'done' | 'failed' | 'cancelled';

/** One call's outcome, as it streams in. Times are measured in this window, from send. */
interface RunResult {
  text: string;
  status: RunStatus;
  firstTokenMs: number | null;
  totalMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  stopReason: string | null;
  error: AppError | null;
}

interface Batch {
  id: string;
  mode: Mode;
  columns: ColumnSpec[];
  runsPerColumn: number;
  results: RunResult[][];
  /** From pressing Run to the last column finishing; null while running. */
  wallMs: number | null;
}

/** How many times "Run 5 times" calls each column. */
const REPEATS = 5;
const DEFAULT_TEMPERATURES = [0, 0.5, 1];
const DEFAULT_MODELS = [
  'amazon.nova-micro-v1:0',
  'amazon.nova-lite-v1:0',
  'anthropic.claude-haiku-4-5-20251001-v1:0',
];

const emptyRun = (): RunResult => ({
  text: '',
  status: 'waiting',
  firstTokenMs: null,
  totalMs: null,
  inputTokens: null,
  outputTokens: null,
  costUsd: null,
  stopReason: null,
  error: null,
});

/**
 * The current batch, kept outside the view's state: a delta (up to hundreds a second) re-renders
 * only the results below, not the settings form above them.
 */
interface BatchStore {
  get: () => Batch | null;
  update: (change: (b: Batch | null) => Batch | null) => void;
  subscribe: (listener: () => void) => () => void;
}

function createBatchStore(): BatchStore {
  let batch: Batch | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => batch,
    update: (change) => {
      const next = change(batch);
      if (next === batch) return;
      batch = next;
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function modelLabel(id: string): string {
  const model = findModel(id);
  return model ? modelDisplayName(model) : id;
}

/** Text models that stream and can still be called. */
function useModelOptions(region: string) {
  return useMemo(
    () =>
      textModels()
        .filter(
          (m) =>
            m.lifecycle !== 'end-of-life' &&
            m.features.streaming &&
            !m.outputModalities.includes('embedding'),
        )
        .map((m) => ({ id: invocableModelId(m, region), label: modelDisplayName(m) })),
    [region],
  );
}

function ModelSelect({
  label,
  value,
  onChange,
  options,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  options: { id: string; label: string }[];
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {!options.some((o) => o.id === value) ? (
          <option value={value}>
            {findModel(value) ? `${modelLabel(value)} (${value})` : value}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function RunMetrics({ run }: { run: RunResult }) {
  return (
    <dl className="compare-metrics">
      <div>
        <dt>First token</dt>
        <dd data-metric="first-token">{formatMs(run.firstTokenMs)}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd data-metric="total">{formatMs(run.totalMs)}</dd>
      </div>
      <div>
        <dt>Tokens in / out</dt>
        <dd data-metric="tokens">
          {run.inputTokens ?? '–'} / {run.outputTokens ?? '–'}
        </dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd data-metric="cost">
          {run.costUsd !== null
            ? formatUsd(run.costUsd)
            : run.outputTokens !== null
              ? 'no price'
              : '–'}
        </dd>
      </div>
      <div>
        <dt>Stop reason</dt>
        <dd data-metric="stop">{run.stopReason ?? '–'}</dd>
      </div>
    </dl>
  );
}

const STATUS_TEXT: Record<RunStatus, string> = {
  waiting: 'Waiting',
  streaming: 'Streaming…',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Stopped',
};

/** Memoised: a delta re-renders only the run it belongs to, not its neighbours or the other columns. */
const RunView = memo(function RunView({
  run,
  index,
  of,
}: {
  run: RunResult;
  index: number;
  of: number;
}) {
  return (
    <article className="compare-run" data-testid="compare-run" data-status={run.status}>
      <p className="compare-run-head small">
        {of > 1 ? <strong>Run {index + 1}</strong> : null}
        <span className={`compare-state compare-state-${run.status}`}>
          {STATUS_TEXT[run.status]}
        </span>
      </p>
      <RunMetrics run={run} />
      {run.text ? (
        <div className="prose compare-text">
          <StreamingOutput text={run.text} streaming={run.status === 'streaming'} />
        </div>
      ) : run.status === 'streaming' || run.status === 'waiting' ? (
        <p className="muted small">No text yet.</p>
      ) : null}
      {run.error ? (
        <ErrorPanel
          error={run.error}
          footer={run.text ? 'The text that arrived before the error is kept above.' : undefined}
        />
      ) : null}
    </article>
  );
});

const ColumnView = memo(function ColumnView({
  spec,
  runs,
  mode,
}: {
  spec: ColumnSpec;
  runs: RunResult[];
  mode: Mode;
}) {
  const finished = runs.filter((r) => r.status === 'done');
  const diversity =
    runs.length > 1 && finished.length > 1 ? replyDiversity(finished.map((r) => r.text)) : null;
  const cost = sumCosts(runs.filter((r) => r.outputTokens !== null).map((r) => r.costUsd));
  const title = mode === 'models' ? modelLabel(spec.modelId) : `Temperature ${spec.temperature}`;
  return (
    <section className="card compare-column" data-testid="compare-column" aria-label={title}>
      <h3 className="compare-column-title">{title}</h3>
      <p className="muted small compare-column-sub">
        <code>{spec.modelId}</code> · temperature {spec.temperature}
      </p>
      {runs.length > 1 ? (
        <p className="small compare-summary" data-testid="compare-summary">
          {finished.length} of {runs.length} runs finished
          {diversity
            ? ` · ${diversity.distinct} distinct ${diversity.distinct === 1 ? 'reply' : 'replies'} · mean word difference ${diversity.meanDistance?.toFixed(2) ?? '–'}`
            : ''}
          {cost.usd > 0 ? ` · ${formatUsd(cost.usd)} in all` : ''}
        </p>
      ) : null}
      {runs.map((run, i) => (
        <RunView key={i} run={run} index={i} of={runs.length} />
      ))}
    </section>
  );
});

export function CompareView() {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const options = useModelOptions(region);
  const defaults = useMemo(
    () =>
      DEFAULT_MODELS.map((id) => (findModel(id) ? invocableModelId(findModel(id)!, region) : id)),
    [region],
  );
  const [mode, setMode] = useState<Mode>('models');
  const [count, setCount] = useState(2);
  const [models, setModels] = useState<string[]>(defaults);
  const [singleModel, setSingleModel] = useState(
    state?.settings.aws.defaultTextModel ?? DEFAULT_MODELS[0]!,
  );
  const [temperature, setTemperature] = useState(0.7);
  const [temperatures, setTemperatures] = useState<number[]>(DEFAULT_TEMPERATURES);
  const [maxTokens, setMaxTokens] = useState(400);
  const [system, setSystem] = useState('');
  const [prompt, setPrompt] = useState(
    'Explain in two sentences what a foundation model is, for a beginner.',
  );
  const [store] = useState(createBatchStore);
  const [running, setRunning] = useState(false);
  const handles = useRef(new Set<StreamHandle>());
  const stopped = useRef(false);
  const mounted = useRef(true);
  const [presetId, setPresetId] = useState('');
  const ids = { system: useId(), prompt: useId(), count: useId(), preset: useId() };

  useEffect(
    () => () => {
      mounted.current = false;
      for (const h of handles.current) h.cancel();
    },
    [],
  );

  const columns: ColumnSpec[] = useMemo(
    () =>
      mode === 'models'
        ? models.slice(0, count).map((modelId) => ({ modelId, temperature }))
        : temperatures.slice(0, count).map((t) => ({ modelId: singleModel, temperature: t })),
    [mode, models, count, temperature, temperatures, singleModel],
  );

  const inputTokens = roughTokenCount(system) + roughTokenCount(prompt);
  const once = estimateCompareCost(
    columns.map((c) => c.modelId),
    inputTokens,
    maxTokens,
    1,
  );
  const noSystem = system.trim()
    ? columns
        .map((c) => findModel(c.modelId))
        .filter((m) => m !== undefined && !m.features.systemPrompt)
    : [];
  const problem = !prompt.trim()
    ? 'Write a prompt first.'
    : noSystem.length > 0
      ? `${noSystem[0]!.name} does not accept a system prompt: clear the system prompt or pick another model.`
      : null;

  const run = (runsPerColumn: number) => {
    if (problem || running) return;
    const id = crypto.randomUUID();
    const specs = columns.map((c) => ({ ...c }));
    const system_ = system.trim();
    const text = prompt.trim();
    stopped.current = false;
    setRunning(true);
    store.update(() => ({
      id,
      mode,
      columns: specs,
      runsPerColumn,
      results: specs.map(() => Array.from({ length: runsPerColumn }, emptyRun)),
      wallMs: null,
    }));
    const patch = (c: number, r: number, change: (run: RunResult) => Partial<RunResult>) => {
      if (!mounted.current) return;
      store.update((b) =>
        b && b.id === id
          ? {
              ...b,
              results: b.results.map((col, ci) =>
                ci !== c ? col : col.map((x, ri) => (ri !== r ? x : { ...x, ...change(x) })),
              ),
            }
          : b,
      );
    };

    const runOnce = async (c: number, r: number): Promise<void> => {
      const spec = specs[c]!;
      const input: StreamInput<'converseStream'> = {
        modelId: spec.modelId,
        feature: 'compare',
        messages: [{ role: 'user', content: [{ text }] }],
        // Capped at the model's own output limit, which some models set below this field's.
        inferenceConfig: {
          maxTokens: Math.min(maxTokens, findModel(spec.modelId)?.maxOutputTokens ?? maxTokens),
          temperature: spec.temperature,
        },
        ...(system_ ? { system: system_ } : {}),
      };
      const sent = performance.now();
      let first: number | null = null;
      patch(c, r, () => ({ status: 'streaming' }));
      const handle = openStream('converseStream', input, (event) => {
        if (event.type === 'delta') {
          if (first === null) {
            first = performance.now() - sent;
            const firstMs = first;
            patch(c, r, (x) => ({ text: x.text + event.text, firstTokenMs: firstMs }));
          } else patch(c, r, (x) => ({ text: x.text + event.text }));
        } else if (event.type === 'stop') {
          patch(c, r, () => ({ stopReason: event.stopReason }));
        } else if (event.type === 'metadata') {
          const usage = event.usage;
          patch(c, r, () => ({
            inputTokens: usage?.inputTokens ?? null,
            outputTokens: usage?.outputTokens ?? null,
            costUsd:
              event.costUsd ??
              (usage
                ? estimateTokenCost(spec.modelId, usage.inputTokens, usage.outputTokens)
                : null),
          }));
        }
      });
      handles.current.add(handle);
      const end = await handle.done;
      handles.current.delete(handle);
      const totalMs = performance.now() - sent;
      patch(c, r, () =>
        end === null
          ? { status: 'done', totalMs }
          : end.code === 'cancelled'
            ? { status: 'cancelled', totalMs }
            : { status: 'failed', totalMs, error: end },
      );
    };

    const runColumn = async (c: number) => {
      for (let r = 0; r < runsPerColumn; r++) {
        if (stopped.current) {
          patch(c, r, () => ({ status: 'cancelled' }));
          continue;
        }
        await runOnce(c, r);
      }
    };

    const started = performance.now();
    void Promise.all(specs.map((_, c) => runColumn(c))).then(() => {
      if (!mounted.current) return;
      const wallMs = performance.now() - started;
      store.update((b) => (b && b.id === id ? { ...b, wallMs } : b));
      setRunning(false);
    });
  };

  const stopAll = () => {
    stopped.current = true;
    for (const h of handles.current) h.cancel();
  };

  /** Loads a prompt-technique preset (its default values) into the form. */
  const loadPreset = (id: string) => {
    setPresetId(id);
    const preset = PRESETS.find((p) => p.id === id);
    if (!preset) return;
    const filled = applyPreset(preset);
    setSystem(filled.system);
    setPrompt(filled.prompt);
    setMaxTokens(preset.maxTokens);
    if (mode === 'models') setTemperature(preset.temperature);
  };

  const setColumnModel = (i: number, id: string) =>
    setModels((ms) => ms.map((m, j) => (j === i ? id : m)));
  const setColumnTemperature = (i: number, t: number) =>
    setTemperatures((ts) => ts.map((x, j) => (j === i ? t : x)));

  return (
    <div className="compare">
      <section className="card compare-setup" aria-label="Compare settings">
        <p className="muted small">
          One prompt, sent to every column at the same time through ConverseStream. Each call uses
          your AWS account and costs a little (<Link href="/settings">Settings</Link>); every call
          is recorded in the <Link href="/playground/log">invocation log</Link>.
        </p>
        <div className="compare-options">
          <fieldset className="segmented" disabled={running}>
            <legend>Compare</legend>
            <label>
              <input
                type="radio"
                name="compare-mode"
                checked={mode === 'models'}
                onChange={() => setMode('models')}
              />
              Different models
            </label>
            <label>
              <input
                type="radio"
                name="compare-mode"
                checked={mode === 'temperatures'}
                onChange={() => setMode('temperatures')}
              />
              One model, different temperatures
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor={ids.count}>Columns</label>
            <select
              id={ids.count}
              value={count}
              disabled={running}
              onChange={(e) => setCount(Number(e.target.value))}
            >
              <option value={2}>2</option>
              <option value={3}>3</option>
            </select>
          </div>
          <IntegerField
            label="Max output tokens"
            value={maxTokens}
            min={1}
            max={4096}
            onChange={setMaxTokens}
          />
        </div>
        {mode === 'models' ? (
          <div className="compare-columns-setup">
            {Array.from({ length: count }, (_, i) => (
              <ModelSelect
                key={i}
                label={`Column ${i + 1} model`}
                value={models[i] ?? options[0]?.id ?? ''}
                options={options}
                disabled={running}
                onChange={(id) => setColumnModel(i, id)}
              />
            ))}
            <RangeField
              label="Temperature (all columns)"
              value={temperature}
              min={0}
              max={1}
              step={0.05}
              display={temperature.toFixed(2)}
              disabled={running}
              onChange={setTemperature}
            />
          </div>
        ) : (
          <div className="compare-columns-setup">
            <ModelSelect
              label="Model"
              value={singleModel}
              options={options}
              disabled={running}
              onChange={setSingleModel}
            />
            {Array.from({ length: count }, (_, i) => (
              <RangeField
                key={i}
                label={`Column ${i + 1} temperature`}
                value={temperatures[i] ?? 1}
                min={0}
                max={1}
                step={0.05}
                display={(temperatures[i] ?? 1).toFixed(2)}
                disabled={running}
                onChange={(t) => setColumnTemperature(i, t)}
              />
            ))}
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.preset}>Prompt-technique preset</label>
          <select
            id={ids.preset}
            value={presetId}
            disabled={running}
            onChange={(e) => loadPreset(e.target.value)}
          >
            <option value="">None: write your own</option>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          {presetId ? (
            <p className="hint">{PRESETS.find((p) => p.id === presetId)?.explanation}</p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={ids.system}>
            System prompt <span className="muted small">(optional)</span>
          </label>
          <textarea
            id={ids.system}
            rows={2}
            value={system}
            maxLength={100_000}
            placeholder="For example: You are a patient tutor. Answer in plain English."
            onChange={(e) => setSystem(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.prompt}>Prompt</label>
          <textarea
            id={ids.prompt}
            rows={3}
            value={prompt}
            maxLength={200_000}
            onChange={(e) => setPrompt(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                run(1);
              }
            }}
          />
          <p className="hint">Ctrl+Enter (⌘+Enter) runs once.</p>
        </div>
        <p className="small" data-testid="compare-estimate">
          Estimate: about {inputTokens.toLocaleString()} input tokens and at most{' '}
          {maxTokens.toLocaleString()} output tokens per call, so at most{' '}
          <strong>{formatUsd(once.maxUsd)}</strong> for one run of {columns.length} columns and{' '}
          <strong>{formatUsd(once.maxUsd * REPEATS)}</strong> for {REPEATS} runs, at on-demand list
          prices.
          {once.unpriced.length > 0
            ? ` No price in the catalog for ${once.unpriced.join(', ')}.`
            : ''}
        </p>
        {problem ? <p className="field-error">{problem}</p> : null}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={running || problem !== null}
            onClick={() => run(1)}
          >
            Run
          </button>
          <button type="button" disabled={running || problem !== null} onClick={() => run(REPEATS)}>
            Run {REPEATS} times
          </button>
          <button type="button" disabled={!running} onClick={stopAll}>
            Stop all
          </button>
        </div>
      </section>

      <CompareResults store={store} />
    </div>
  );
}

/** The running or last batch: the wall-clock summary and the columns. */
function CompareResults({ store }: { store: BatchStore }) {
  const batch = useSyncExternalStore(store.subscribe, store.get);
  if (!batch) {
    return (
      <p className="empty">No comparison yet. Pick the columns, write a prompt and press Run.</p>
    );
  }
  const columnMs = batch.results.map((col) => col.reduce((s, r) => s + (r.totalMs ?? 0), 0));
  const sequentialMs = columnMs.reduce((sum, ms) => sum + ms, 0);
  const slowestMs = Math.max(0, ...columnMs);
  return (
    <>
      <p role="status" aria-live="polite" className="small compare-wall" data-testid="compare-wall">
        {batch.wallMs === null
          ? `Running ${batch.columns.length} columns at the same time${batch.runsPerColumn > 1 ? `, ${batch.runsPerColumn} runs each` : ''}…`
          : `All columns finished in ${formatMs(batch.wallMs)}. They ran at the same time: the slowest column took ${formatMs(slowestMs)}, and one after another they would have taken about ${formatMs(sequentialMs)}.`}
      </p>
      <div className={`compare-grid compare-grid-${batch.columns.length}`}>
        {batch.columns.map((spec, c) => (
          <ColumnView key={c} spec={spec} runs={batch.results[c] ?? []} mode={batch.mode} />
        ))}
      </div>
      {batch.runsPerColumn > 1 && batch.wallMs !== null ? (
        <p className="muted small">
          Why do the runs differ? With a temperature above 0 the model samples each next token from
          its probability distribution, so the same prompt can give different answers. Even at
          temperature 0 the answers can occasionally differ. Distinct replies are counted ignoring
          case and spacing; the mean word difference compares every pair of replies (0: the same
          words, 1: no word in common). The <Link href="/token-lab">Token lab</Link> shows the
          sampling step by step.
        </p>
      ) : null}
    </>
  );
}
