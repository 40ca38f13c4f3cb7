/**
 * The invocation log dashboard: every Bedrock call the app made (chat, compare, token lab,
 * images, quiz generation, connection tests), as the main process recorded it, summed up the way
 * Amazon CloudWatch shows Bedrock's own metrics: invocations, latency percentiles, tokens, cost
 * per day and per model, errors by type, and a monthly budget warning the learner sets.
 */
import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { InvocationList } from '../../../../shared/contract';
import type { InvocationFeature, InvocationRecord } from '../../../../shared/invocations';
import { findModel } from '../../../../shared/models';
import { MonthlyBudgetUsd } from '../../../../shared/settings';
import type { AppError, Result } from '../../../../shared/result';
import { call } from '../../api';
import { useSettings } from '../../app/settings-context';
import { ErrorPanel, errorTitle } from '../../components/ConnectionStatus';
import {
  aggregate,
  budgetStatus,
  byModel,
  dailySeries,
  errorsByCode,
  formatMs,
  formatUsd,
  localDay,
  monthToDateCost,
  type Aggregate,
} from '../../lib/metrics';

const FEATURE_LABELS: Record<InvocationFeature, string> = {
  chat: 'Chat',
  compare: 'Compare',
  'token-lab': 'Token lab',
  images: 'Images',
  quiz: 'Quiz generation',
  connection: 'Connection test',
};

const PERIODS = [
  { id: '7', label: 'Last 7 days', days: 7 },
  { id: '30', label: 'Last 30 days', days: 30 },
  { id: 'all', label: 'Everything in the log', days: null },
] as const;
type PeriodId = (typeof PERIODS)[number]['id'];

/** Rows of the recent-calls table shown at first; "Show more" adds this many again. */
const PAGE = 50;

const tokens = (n: number) => n.toLocaleString('en-US');
const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });

function Kpi({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

function Summary({ stats }: { stats: Aggregate }) {
  return (
    <dl className="kpis" data-testid="log-summary">
      <Kpi label="Invocations" value={tokens(stats.invocations)} testId="kpi-invocations" />
      <Kpi label="Errors" value={tokens(stats.errors)} testId="kpi-errors" />
      <Kpi
        label="Tokens in / out"
        value={`${tokens(stats.inputTokens)} / ${tokens(stats.outputTokens)}`}
        testId="kpi-tokens"
      />
      <Kpi label="Estimated cost" value={formatUsd(stats.costUsd)} testId="kpi-cost" />
      <Kpi
        label="Latency p50 / p95"
        value={`${formatMs(stats.p50LatencyMs)} / ${formatMs(stats.p95LatencyMs)}`}
        testId="kpi-latency"
      />
      <Kpi
        label="First token p50 / p95"
        value={`${formatMs(stats.p50FirstTokenMs)} / ${formatMs(stats.p95FirstTokenMs)}`}
        testId="kpi-first-token"
      />
    </dl>
  );
}

/** A small vertical bar chart of one number per day; the table below carries the exact values. */
function DailyBars({
  series,
  value,
  format,
  label,
}: {
  series: { day: string; stats: Aggregate }[];
  value: (s: Aggregate) => number;
  format: (n: number) => string;
  label: string;
}) {
  const max = Math.max(0, ...series.map((d) => value(d.stats)));
  return (
    <figure className="day-bars">
      <figcaption className="small muted">{label}</figcaption>
      <ol aria-label={label}>
        {series.map((d) => {
          const v = value(d.stats);
          return (
            <li key={d.day} title={`${d.day}: ${format(v)}`}>
              <span className="day-bar-track">
                <span
                  className="day-bar"
                  style={{ height: `${max > 0 ? Math.max(v > 0 ? 4 : 0, (v / max) * 100) : 0}%` }}
                />
              </span>
              <span className="day-bar-label">{d.day.slice(8)}</span>
              <span className="sr-only">
                {d.day}: {format(v)}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

function StatsTable({
  rows,
  first,
  testId,
}: {
  rows: { key: string; label: ReactNode; stats: Aggregate }[];
  first: string;
  testId: string;
}) {
  const maxCost = Math.max(0, ...rows.map((r) => r.stats.costUsd));
  return (
    <div className="table-wrap">
      <table className="log-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="num">
              Calls
            </th>
            <th scope="col" className="num">
              Errors
            </th>
            <th scope="col" className="num">
              Tokens in
            </th>
            <th scope="col" className="num">
              Tokens out
            </th>
            <th scope="col" className="num">
              p50
            </th>
            <th scope="col" className="num">
              p95
            </th>
            <th scope="col">Estimated cost</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{tokens(r.stats.invocations)}</td>
              <td className="num">{tokens(r.stats.errors)}</td>
              <td className="num">{tokens(r.stats.inputTokens)}</td>
              <td className="num">{tokens(r.stats.outputTokens)}</td>
              <td className="num">{formatMs(r.stats.p50LatencyMs)}</td>
              <td className="num">{formatMs(r.stats.p95LatencyMs)}</td>
              <td>
                <span className="cost-cell">
                  <span className="bar-cell" aria-hidden="true">
                    <span
                      className="bar-fill"
                      style={{ width: `${maxCost > 0 ? (r.stats.costUsd / maxCost) * 100 : 0}%` }}
                    />
                  </span>
                  {formatUsd(r.stats.costUsd)}
                  {r.stats.unpriced > 0 ? (
                    <span className="muted small"> + {r.stats.unpriced} unpriced</span>
                  ) : null}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BudgetCard({ records, now }: { records: readonly InvocationRecord[]; now: Date }) {
  const { state, save } = useSettings();
  const budget = state?.settings.monthlyBudgetUsd ?? null;
  const [draft, setDraft] = useState(budget === null ? '' : String(budget));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const id = useId();
  // When the saved budget changes (loaded, saved here), the field follows it.
  const [shownBudget, setShownBudget] = useState(budget);
  if (shownBudget !== budget) {
    setShownBudget(budget);
    setDraft(budget === null ? '' : String(budget));
  }
  const spent = monthToDateCost(records, now);

  const store = async (value: number | null) => {
    setProblem(null);
    const error = await save({ monthlyBudgetUsd: value });
    if (error) setProblem(`${error.message}${error.remedy ? ` ${error.remedy}` : ''}`);
    else
      setSaved(value === null ? 'Budget removed.' : `Budget saved: ${formatUsd(value)} a month.`);
  };

  const submit = async () => {
    setSaved(null);
    const text = draft.trim().replace(/^\$/, '');
    if (text === '') return store(null);
    if (!/^\d+(\.\d+)?$/.test(text)) {
      setProblem('Enter an amount in US dollars, such as 5 or 2.50.');
      return;
    }
    const parsed = MonthlyBudgetUsd.safeParse(Number(text));
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Enter an amount in US dollars.');
      return;
    }
    await store(parsed.data);
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Monthly budget</h2>
      <p className="small">
        This month so far (your local calendar month):{' '}
        <strong data-testid="month-to-date">{formatUsd(spent)}</strong> estimated.{' '}
        {budget !== null ? `Budget: ${formatUsd(budget)}.` : 'No budget set.'} Stratum warns at 80%
        and at 100%; it does not stop calls. For alerts on your actual AWS bill, use AWS Budgets in
        the AWS console.
      </p>
      <form
        className="budget-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={id}>Budget in USD per month</label>
          <input
            id={id}
            inputMode="decimal"
            value={draft}
            placeholder="no budget"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <button type="submit">Save budget</button>
        {budget !== null ? (
          <button type="button" className="link" onClick={() => void store(null)}>
            Remove the budget
          </button>
        ) : null}
      </form>
      {problem ? (
        <p className="field-error" id={`${id}-error`}>
          {problem}
        </p>
      ) : null}
      {saved ? (
        <p className="small muted" role="status">
          {saved}
        </p>
      ) : null}
    </section>
  );
}

function BudgetBanner({ records, now }: { records: readonly InvocationRecord[]; now: Date }) {
  const { state } = useSettings();
  const status = budgetStatus(
    monthToDateCost(records, now),
    state?.settings.monthlyBudgetUsd ?? null,
  );
  if (!status || status.level === 'under') return null;
  const percent = Math.floor(status.share * 100);
  return (
    <div
      className={`status ${status.level === 'exceeded' ? 'status-error' : 'status-warn'}`}
      role="alert"
      data-testid="budget-warning"
    >
      <div>
        <strong>
          {status.level === 'exceeded' ? 'Monthly budget reached' : 'Close to your monthly budget'}
        </strong>
        <p>
          The estimated cost of this month’s Bedrock calls from Stratum is{' '}
          {formatUsd(status.spentUsd)}, {percent}% of your {formatUsd(status.budgetUsd)} budget.
        </p>
        <p className="muted">
          Estimates use the catalog’s on-demand list prices; your AWS bill is the authority.
        </p>
      </div>
    </div>
  );
}

function CloudWatchNote() {
  return (
    <section className="card" aria-labelledby="cloudwatch-h">
      <h2 id="cloudwatch-h">How this compares with Amazon CloudWatch</h2>
      <p className="small">
        Amazon Bedrock publishes runtime metrics to Amazon CloudWatch in the{' '}
        <code>AWS/Bedrock</code> namespace, which you can view per model id:{' '}
        <code>Invocations</code>, <code>InvocationLatency</code>, <code>InputTokenCount</code>,{' '}
        <code>OutputTokenCount</code>, <code>InvocationThrottles</code>,{' '}
        <code>InvocationClientErrors</code> and <code>InvocationServerErrors</code> (and{' '}
        <code>OutputImageCount</code> for image models). This page is the same idea, on this
        computer: calls, latency, tokens and errors per model and per day.
      </p>
      <ul className="small">
        <li>
          CloudWatch counts every caller in your account and region; this page counts only the calls
          Stratum made, measured in the app (so its latency includes the network between you and
          AWS).
        </li>
        <li>
          Error codes here are the app’s own: <code>throttled</code> corresponds to a throttle,
          codes such as <code>validation</code> or <code>access_denied</code> to client errors, and{' '}
          <code>service_unavailable</code> or <code>model_error</code> to server errors.
        </li>
        <li>
          Costs here are estimates from list prices. Your bill and AWS Cost Explorer show what you
          were actually charged, and AWS Budgets can alert you on those figures.
        </li>
        <li>
          <strong>Model invocation logging</strong> is a separate, opt-in Bedrock setting for your
          account and region (Bedrock console, Settings). When you turn it on, Bedrock writes the
          requests and responses themselves to CloudWatch Logs and/or Amazon S3. Stratum’s log never
          keeps prompts, replies or credentials: only the figures above.
        </li>
      </ul>
    </section>
  );
}

export function LogView() {
  const [list, setList] = useState<InvocationList | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const [period, setPeriod] = useState<PeriodId>('30');
  const [feature, setFeature] = useState<'' | InvocationFeature>('');
  const [model, setModel] = useState('');
  const [status, setStatus] = useState<'' | InvocationRecord['status']>('');
  const [shown, setShown] = useState(PAGE);
  const [undo, setUndo] = useState<{ token: string; removed: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ids = { period: useId(), feature: useId(), model: useId(), status: useId() };

  const apply = useCallback((result: Result<InvocationList>) => {
    setNow(new Date());
    if (result.ok) {
      setList(result.value);
      setError(null);
    } else setError(result.error);
  }, []);

  const load = useCallback(async () => {
    setLoading(true);
    apply(await call('listInvocations', {}));
    setLoading(false);
  }, [apply]);

  // Read the log on opening, and again whenever the window regains focus.
  useEffect(() => {
    let live = true;
    const read = () =>
      void call('listInvocations', {}).then((result) => {
        if (live) apply(result);
      });
    read();
    window.addEventListener('focus', read);
    return () => {
      live = false;
      window.removeEventListener('focus', read);
    };
  }, [apply]);

  const records = useMemo(() => list?.records ?? [], [list]);
  const periodDays = PERIODS.find((p) => p.id === period)?.days ?? null;
  const inPeriod = useMemo(() => {
    if (periodDays === null) return records;
    const from = localDay(new Date(now.getTime() - (periodDays - 1) * 86_400_000));
    return records.filter((r) => localDay(r.at) >= from);
  }, [records, periodDays, now]);
  const stats = useMemo(() => aggregate(inPeriod), [inPeriod]);
  const series = useMemo(
    () => dailySeries(records, periodDays ?? 30, now),
    [records, periodDays, now],
  );
  const models = useMemo(() => byModel(inPeriod), [inPeriod]);
  const errors = useMemo(() => errorsByCode(inPeriod), [inPeriod]);
  const modelIds = useMemo(() => [...new Set(records.map((r) => r.modelId))].sort(), [records]);
  const filtered = useMemo(
    () =>
      records.filter(
        (r) =>
          (feature === '' || r.feature === feature) &&
          (model === '' || r.modelId === model) &&
          (status === '' || r.status === status),
      ),
    [records, feature, model, status],
  );

  const clear = async () => {
    setNotice(null);
    const result = await call('clearInvocations');
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setUndo(
      result.value.undoToken
        ? { token: result.value.undoToken, removed: result.value.removed }
        : null,
    );
    await load();
  };

  const restore = async () => {
    if (!undo) return;
    const result = await call('restoreInvocations', { undoToken: undo.token });
    setUndo(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setNotice(`Restored ${result.value.restored.toLocaleString('en-US')} calls.`);
    await load();
  };

  const empty = list !== null && records.length === 0;

  return (
    <div className="log-view">
      <BudgetBanner records={records} now={now} />
      {error ? <ErrorPanel error={error} /> : null}
      {undo ? (
        <p role="status" className="status status-idle">
          Cleared {undo.removed.toLocaleString('en-US')} calls from the log.{' '}
          <button type="button" className="link" onClick={() => void restore()}>
            Undo
          </button>
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="status status-idle">
          {notice}
        </p>
      ) : null}

      <section className="card" aria-labelledby="log-summary-h">
        <div className="log-head">
          <h2 id="log-summary-h">Bedrock calls from this app</h2>
          <div className="log-head-tools">
            <div className="field inline">
              <label htmlFor={ids.period}>Period</label>
              <select
                id={ids.period}
                value={period}
                onChange={(e) => setPeriod(e.target.value as PeriodId)}
              >
                {PERIODS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" onClick={() => void load()} disabled={loading}>
              {loading ? 'Loading…' : 'Refresh'}
            </button>
          </div>
        </div>
        {list === null ? (
          <p className="loading">{error ? 'The log could not be read.' : 'Reading the log…'}</p>
        ) : empty ? (
          <div className="empty" data-testid="log-empty">
            <p>
              No Bedrock calls in the log yet. Every call Stratum makes (chat, compare, the token
              lab’s live experiment, image generation, quiz generation, the connection test) is
              recorded here with its time, model, tokens, latency, status and estimated cost.
            </p>
            <p>
              Try the <Link href="/playground/compare">Compare</Link> view, or{' '}
              <Link href="/settings">test your connection</Link>.
            </p>
          </div>
        ) : (
          <>
            <Summary stats={stats} />
            <p className="muted small">
              Latency is from sending a request to its last byte, measured in Stratum’s main
              process; p50 and p95 are nearest-rank percentiles over successful calls.
              {stats.unpriced > 0
                ? ` ${stats.unpriced} calls used models without a price in the catalog and are not in the cost.`
                : ''}
              {list.skippedLines > 0
                ? ` ${list.skippedLines} damaged lines of the log file were skipped.`
                : ''}
            </p>
          </>
        )}
      </section>

      {list !== null && !empty ? (
        <>
          <section className="card" aria-labelledby="log-days-h">
            <h2 id="log-days-h">Per day</h2>
            <div className="day-charts">
              <DailyBars
                series={series}
                value={(s) => s.invocations}
                format={(n) => `${n} calls`}
                label="Invocations per day"
              />
              <DailyBars
                series={series}
                value={(s) => s.costUsd}
                format={formatUsd}
                label="Estimated cost per day"
              />
            </div>
            <StatsTable
              first="Day"
              testId="log-days"
              rows={[...series]
                .reverse()
                .filter((d) => d.stats.invocations > 0)
                .map((d) => ({ key: d.day, label: d.day, stats: d.stats }))}
            />
          </section>

          <section className="card" aria-labelledby="log-models-h">
            <h2 id="log-models-h">Per model</h2>
            <StatsTable
              first="Model"
              testId="log-models"
              rows={models.map((m) => ({
                key: m.modelId,
                label: (
                  <>
                    <code>{m.modelId}</code>{' '}
                    <span className="muted small">{findModel(m.modelId)?.name ?? ''}</span>
                  </>
                ),
                stats: m.stats,
              }))}
            />
          </section>
          <section className="card" aria-labelledby="log-errors-h">
            <h2 id="log-errors-h">Errors by type</h2>
            {errors.length === 0 ? (
              <p className="empty">No errors in this period.</p>
            ) : (
              <ul className="error-counts" data-testid="log-errors">
                {errors.map((e) => (
                  <li key={e.code}>
                    <span>
                      <code>{e.code}</code> <span className="muted">{errorTitle(e.code)}</span>
                    </span>
                    <strong>{e.count}</strong>
                  </li>
                ))}
              </ul>
            )}
            {stats.cancelled > 0 ? (
              <p className="muted small">
                {stats.cancelled === 1 ? '1 call was' : `${stats.cancelled} calls were`} stopped by
                you; stopped calls are not counted as errors.
              </p>
            ) : null}
          </section>

          <section className="card" aria-labelledby="log-recent-h">
            <h2 id="log-recent-h">Recent calls</h2>
            <div className="toolbar">
              <div className="field inline">
                <label htmlFor={ids.feature}>Feature</label>
                <select
                  id={ids.feature}
                  value={feature}
                  onChange={(e) => setFeature(e.target.value as '' | InvocationFeature)}
                >
                  <option value="">All features</option>
                  {Object.entries(FEATURE_LABELS).map(([id, label]) => (
                    <option key={id} value={id}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field inline">
                <label htmlFor={ids.model}>Model</label>
                <select id={ids.model} value={model} onChange={(e) => setModel(e.target.value)}>
                  <option value="">All models</option>
                  {modelIds.map((id) => (
                    <option key={id} value={id}>
                      {id}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field inline">
                <label htmlFor={ids.status}>Status</label>
                <select
                  id={ids.status}
                  value={status}
                  onChange={(e) => setStatus(e.target.value as '' | InvocationRecord['status'])}
                >
                  <option value="">Any status</option>
                  <option value="ok">ok</option>
                  <option value="error">error</option>
                  <option value="cancelled">cancelled</option>
                </select>
              </div>
              <p className="small muted" data-testid="log-count">
                {filtered.length.toLocaleString('en-US')} of{' '}
                {records.length.toLocaleString('en-US')} calls
              </p>
            </div>
            {filtered.length === 0 ? (
              <p className="empty">No calls match these filters.</p>
            ) : (
              <div className="table-wrap">
                <table className="log-table" data-testid="log-calls">
                  <thead>
                    <tr>
                      <th scope="col">Time</th>
                      <th scope="col">Feature</th>
                      <th scope="col">Model</th>
                      <th scope="col" className="num">
                        Tokens in / out
                      </th>
                      <th scope="col" className="num">
                        Latency
                      </th>
                      <th scope="col">Status</th>
                      <th scope="col" className="num">
                        Cost
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {filtered.slice(0, shown).map((r) => (
                      <tr key={r.id} data-status={r.status}>
                        <td>{when(r.at)}</td>
                        <td>{FEATURE_LABELS[r.feature]}</td>
                        <td>
                          <code>{r.modelId}</code>
                        </td>
                        <td className="num">
                          {r.images !== null
                            ? `${r.images} image${r.images === 1 ? '' : 's'}`
                            : `${r.inputTokens ?? '–'} / ${r.outputTokens ?? '–'}`}
                        </td>
                        <td className="num">{formatMs(r.latencyMs)}</td>
                        <td>
                          <span className={`log-status log-status-${r.status}`}>
                            {r.status === 'error' ? `error: ${r.errorCode ?? 'unknown'}` : r.status}
                          </span>
                          {r.guardrail ? (
                            <span className="small muted log-guardrail">
                              {r.stopReason === 'guardrail_intervened'
                                ? 'guardrail intervened'
                                : 'guardrail applied'}{' '}
                              (<code>{r.guardrail.id}</code>, version {r.guardrail.version})
                            </span>
                          ) : null}
                        </td>
                        <td className="num">{r.costUsd === null ? '–' : formatUsd(r.costUsd)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {filtered.length > shown ? (
              <button type="button" onClick={() => setShown((n) => n + PAGE)}>
                Show {Math.min(PAGE, filtered.length - shown)} more
              </button>
            ) : null}
            <div className="actions">
              <button type="button" onClick={() => void clear()}>
                Clear the log
              </button>
              <span className="muted small">
                The log is kept on this computer: <code>{list.path}</code>
              </span>
            </div>
          </section>
        </>
      ) : null}

      <BudgetCard records={records} now={now} />
      <CloudWatchNote />
    </div>
  );
}
