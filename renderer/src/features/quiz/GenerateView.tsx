/**
 * Generate with Bedrock: practice questions grounded in the notes the learner picks (or every note
 * of a task statement). The main process writes, checks and streams the items; this view shows
 * progress (n of N), calls, tokens and cost as they arrive, lists each rejected item with its
 * reasons, and holds the accepted items for review (preview, edit, accept, discard) unless
 * auto-accept stores them straight away. Review state lives in ./generation-store, so it survives
 * switching tabs, and the items waiting for review are kept on this computer until accepted or
 * discarded, so they survive a reload or restart too.
 */
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import {
  estimateTokenCost,
  findModel,
  invocableModelId,
  modelDisplayName,
  textModels,
} from '../../../../shared/models';
import type { Note } from '../../../../shared/notes';
import { markdownToPlainText } from '../../../../shared/question-checks';
import {
  QuestionType,
  type GenerateQuestionsInput,
  type GenerationSource,
} from '../../../../shared/question-generation';
import type { Question } from '../../../../shared/questions';
import { useSettings } from '../../app/settings-context';
import { ErrorPanel } from '../../components/ConnectionStatus';
import { QuestionRejected, useQuestionPool } from '../../db/questions';
import { CORPUS } from '../../content/corpus';
import { BANK } from './bank';
import {
  acceptPending,
  cancelGeneration,
  clearRun,
  discardPending,
  dismissStorageError,
  editPending,
  fromEarlierSession,
  messageOf,
  restorePending,
  retrySaving,
  startGeneration,
  useGeneration,
  type PendingItem,
  type PendingStorage,
  type RunState,
} from './generation-store';
import { correctResponse } from './question-rules';
import { QuestionEditor } from './QuestionEditor';
import { QuestionView } from './QuestionView';
import { TYPE_LABEL } from './filters';

const MAX_SOURCES = 8;
const MAX_SOURCE_CHARS = 80_000;
/** Items per generation call (the main process's batch size). */
const ITEMS_PER_CALL = 5;
/** Rough token counts for the estimate: rules and tool schema, avoid-list, output per item. */
const PROMPT_TOKENS = 1_500;
const AVOID_TOKENS = 1_200;
const OUTPUT_TOKENS_PER_ITEM = 500;
const BLIND_INPUT_TOKENS = 250;
const BLIND_OUTPUT_TOKENS = 60;

const usd = (x: number | null) =>
  x === null
    ? 'unknown (no price in the catalog)'
    : x < 0.01
      ? `$${x.toFixed(4)}`
      : `$${x.toFixed(3)}`;

/** "Anthropic Claude 3 Haiku", but "Amazon Nova Micro" (not "Amazon Amazon Nova Micro"). */
const modelLabel = (m: { provider: string; name: string }) => modelDisplayName(m);

function sourceOf(note: Note): GenerationSource {
  return {
    noteId: note.id,
    title: note.title,
    domain: note.domain,
    tasks: note.tasks.slice(0, 14),
    text: markdownToPlainText(note.body).slice(0, MAX_SOURCE_CHARS),
  };
}

/** A rough, clearly labelled estimate: tokens ~ characters / 4, one call per five items. */
export function estimateRun(
  sources: readonly GenerationSource[],
  count: number,
  blindCheck: boolean,
): { calls: number; inputTokens: number; outputTokens: number } {
  const batches = Math.ceil(count / ITEMS_PER_CALL);
  const sourceTokens = Math.ceil(sources.reduce((n, s) => n + s.text.length, 0) / 4);
  let inputTokens = batches * (PROMPT_TOKENS + AVOID_TOKENS + sourceTokens);
  let outputTokens = count * OUTPUT_TOKENS_PER_ITEM;
  let calls = batches;
  if (blindCheck) {
    calls += count;
    inputTokens += count * BLIND_INPUT_TOKENS;
    outputTokens += count * BLIND_OUTPUT_TOKENS;
  }
  return { calls, inputTokens, outputTokens };
}

function NotePicker({
  picked,
  setPicked,
}: {
  picked: readonly string[];
  setPicked: (ids: string[]) => void;
}) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const matches = (n: Note) =>
    !q ||
    n.title.toLowerCase().includes(q) ||
    n.summary.toLowerCase().includes(q) ||
    n.keyTerms.some((t) => t.toLowerCase().includes(q)) ||
    n.tasks.some((t) => t.startsWith(q));
  const toggle = (id: string) =>
    setPicked(picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id]);
  const groups = EXAM_GUIDE.domains.flatMap((d) =>
    d.tasks.map((t) => ({
      domain: d,
      task: t,
      notes: CORPUS.notes.filter((n) => n.tasks[0] === t.id && matches(n)),
    })),
  );
  const shown = groups.filter((g) => g.notes.length > 0);
  return (
    <fieldset className="gen-sources">
      <legend>Notes to generate from</legend>
      <input
        type="search"
        aria-label="Search notes"
        placeholder="Search notes by title, term or task (e.g. 3.1)"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="gen-note-list" role="group" aria-label="Notes">
        {shown.length === 0 ? <p className="empty">No note matches “{query}”.</p> : null}
        {shown.map((g) => (
          <div key={g.task.id}>
            <p className="gen-task">
              <span>
                {g.task.id} {g.task.title}
              </span>
              <button
                type="button"
                className="link small"
                onClick={() => {
                  const ids = CORPUS.notes
                    .filter((n) => n.tasks.includes(g.task.id))
                    .map((n) => n.id);
                  setPicked(ids.slice(0, MAX_SOURCES));
                }}
                aria-label={`Use the notes of task ${g.task.id}`}
              >
                Use this task
              </button>
            </p>
            <ul>
              {g.notes.map((n) => (
                <li key={n.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={picked.includes(n.id)}
                      disabled={!picked.includes(n.id) && picked.length >= MAX_SOURCES}
                      onChange={() => toggle(n.id)}
                    />
                    {n.title}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <p className="muted small">
        {picked.length === 0
          ? 'Pick up to 8 notes, or “Use this task” for every note of a task statement.'
          : `${picked.length} of at most ${MAX_SOURCES} picked: ${picked
              .map((id) => CORPUS.noteById.get(id)?.title ?? id)
              .join(', ')}.`}{' '}
        {picked.length > 0 ? (
          <button type="button" className="link small" onClick={() => setPicked([])}>
            Clear
          </button>
        ) : null}
      </p>
    </fieldset>
  );
}

function ConnectionHint() {
  const { state } = useSettings();
  const last = state?.settings.lastConnection ?? null;
  if (last?.ok) return null;
  return (
    <div className="status status-warn small" data-testid="connection-hint">
      <div>
        <strong>
          {last ? 'The last Bedrock connection test failed.' : 'Bedrock connection not tested yet.'}
        </strong>
        <p>
          Generation calls Amazon Bedrock with your AWS account.{' '}
          {last ? `Last result: ${last.message} ` : ''}Set up a profile and region and test the
          connection in <Link href="/settings">Settings</Link> first.
        </p>
      </div>
    </div>
  );
}

function RunPanel({ run }: { run: RunState }) {
  const running = run.status === 'running';
  const phase = {
    generating: 'Writing questions',
    repairing: 'Asking for corrections',
    checking: 'Blind check',
  }[run.phase];
  return (
    <section className="card" aria-labelledby="gen-run-heading">
      <h2 id="gen-run-heading">
        {running
          ? 'Generating…'
          : run.status === 'complete'
            ? 'Run finished'
            : run.status === 'cancelled'
              ? 'Run cancelled'
              : 'Run stopped'}
      </h2>
      <div role="status" aria-live="polite" data-testid="gen-progress">
        <progress max={run.target} value={run.accepted} />{' '}
        <strong>
          {run.accepted} of {run.target}
        </strong>{' '}
        accepted · {run.rejected} rejected{running ? ` · ${phase}` : ''}
      </div>
      <p className="small muted" data-testid="gen-usage">
        {run.usage.calls} call{run.usage.calls === 1 ? '' : 's'} ·{' '}
        {run.usage.inputTokens.toLocaleString()} input and {run.usage.outputTokens.toLocaleString()}{' '}
        output tokens · cost about {usd(run.usage.costUsd)} at on-demand list prices · {run.modelId}
        {run.autoAccept ? ` · ${run.saved} saved automatically` : ''}
      </p>
      <div className="actions">
        {running ? (
          <button type="button" onClick={cancelGeneration}>
            Cancel
          </button>
        ) : (
          <button type="button" className="link" onClick={clearRun}>
            Clear this run
          </button>
        )}
      </div>
      {run.error ? (
        <ErrorPanel
          error={run.error}
          footer={
            run.accepted > 0
              ? `The ${run.accepted} item${run.accepted === 1 ? '' : 's'} accepted before the error are kept.`
              : undefined
          }
        />
      ) : null}
      {run.rejections.length > 0 ? (
        <details open className="gen-rejections" data-testid="gen-rejections">
          <summary>
            {run.rejections.length} item{run.rejections.length === 1 ? '' : 's'} rejected (never
            stored)
          </summary>
          <ul>
            {run.rejections.map((r, i) => (
              <li key={i}>
                <span className="gen-rejected-stem">{r.stem ?? '(no readable question)'}</span>
                <ul className="small">
                  {r.reasons.map((reason, j) => (
                    <li key={j}>{reason}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function ReviewItem({
  item,
  otherStems,
  onAccept,
  onDiscard,
}: {
  item: PendingItem;
  otherStems: readonly string[];
  onAccept: () => void;
  onDiscard: () => void;
}) {
  const [mode, setMode] = useState<'closed' | 'preview' | 'edit'>('closed');
  const q = item.question;
  const note = CORPUS.noteById.get(q.sourceNoteId);
  return (
    <li className="gen-item" data-testid="gen-item">
      <p className="gen-stem">{q.stem}</p>
      <p className="muted small">
        {TYPE_LABEL[q.type]} · {q.difficulty} · Task {q.task} · {note?.title ?? q.sourceNoteId}
        {item.edited ? ' · edited' : ''}
        {item.saveError ? ' · not saved on this computer' : ''}
      </p>
      {item.blindCheck && !item.blindCheck.agrees ? (
        <p className="status status-warn small" data-testid="blind-flag">
          <span>
            <strong>Blind check disagrees: </strong>asked without the answer key, the model chose{' '}
            {item.blindCheck.chosen.map((c) => c.toUpperCase()).join(', ') || 'nothing'}.{' '}
            {item.blindCheck.note ?? ''} Check the answer before accepting.
          </span>
        </p>
      ) : item.blindCheck?.agrees ? (
        <p className="small muted">Blind check agrees with the answer key.</p>
      ) : item.blindCheckProblem ? (
        <p className="small muted">{item.blindCheckProblem}</p>
      ) : null}
      {mode === 'preview' ? (
        <div className="card gen-preview">
          <QuestionView q={q} response={correctResponse(q)} onChange={() => undefined} checked />
        </div>
      ) : null}
      {mode === 'edit' ? (
        <QuestionEditor
          question={q}
          otherStems={otherStems}
          saveLabel="Save edits"
          onCancel={() => setMode('closed')}
          onSave={(edited: Question) => {
            editPending(edited);
            setMode('preview');
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" className="primary" onClick={onAccept}>
            Accept
          </button>
          <button type="button" onClick={() => setMode(mode === 'preview' ? 'closed' : 'preview')}>
            {mode === 'preview' ? 'Hide answer' : 'Preview with answer'}
          </button>
          <button type="button" onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" className="link" onClick={onDiscard}>
            Discard
          </button>
        </div>
      )}
    </li>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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

/** Storage trouble: items not saved (a reload would lose them), a failed read or discard. */
function StorageNotes({ pending, storage }: { pending: PendingItem[]; storage: PendingStorage }) {
  const unsaved = pending.filter((p) => p.saveError !== null);
  const unreadable = storage.unreadable;
  return (
    <>
      {unsaved.length > 0 ? (
        <div className="status status-error small" role="alert" data-testid="gen-unsaved">
          <div>
            <strong>
              {plural(unsaved.length, 'item', 'items')} could not be saved on this computer
            </strong>
            <p>
              Storing {unsaved.length === 1 ? 'it' : 'them'} failed: {unsaved[0]!.saveError}.{' '}
              {unsaved.length === 1 ? 'It is' : 'They are'} still listed below (marked “not saved”),
              but a reload or restart would lose {unsaved.length === 1 ? 'it' : 'them'}. Try again,
              or accept {unsaved.length === 1 ? 'it' : 'them'} now.
            </p>
            <div className="actions">
              <button type="button" onClick={() => void retrySaving()}>
                Try again
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {storage.error ? (
        <div className="status status-error small" role="alert" data-testid="gen-storage-error">
          <div>
            <p>{storage.error}</p>
            <div className="actions">
              <button type="button" className="link" onClick={dismissStorageError}>
                Dismiss
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {unreadable.length > 0 ? (
        <p className="muted small" data-testid="gen-unreadable">
          {plural(unreadable.length, 'stored item', 'stored items')} waiting for review could not be
          read and {unreadable.length === 1 ? 'is' : 'are'} not shown (first: “{unreadable[0]!.id}”,{' '}
          {unreadable[0]!.problem}). {unreadable.length === 1 ? 'It is' : 'They are'} left as
          stored.
        </p>
      ) : null}
    </>
  );
}

function ReviewList({ pending, storage }: { pending: PendingItem[]; storage: PendingStorage }) {
  const pool = useQuestionPool(BANK);
  const [status, setStatus] = useState<{
    text: string;
    undo?: () => void;
    error?: boolean;
  } | null>(null);
  const stems = useMemo(
    () => [...(pool ?? []).map((q) => q.stem), ...pending.map((p) => p.question.stem)],
    [pool, pending],
  );
  const accept = async (ids: string[]) => {
    try {
      const n = await acceptPending(ids);
      setStatus({
        text: `${n} question${n === 1 ? '' : 's'} added to your bank. Practise them in Quick practice (origin “Generated with Bedrock”).`,
      });
    } catch (error) {
      setStatus({ text: acceptProblem(error, pending, ids.length), error: true });
    }
  };
  const kept = pending.filter(fromEarlierSession).length;
  return (
    <section className="card" aria-labelledby="gen-review-heading">
      <h2 id="gen-review-heading">Review ({pending.length})</h2>
      <StorageNotes pending={pending} storage={storage} />
      {status ? (
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
                  setStatus(null);
                }}
              >
                Undo
              </button>
            ) : null}
          </span>
        </p>
      ) : null}
      {pending.length === 0 ? (
        <p className="empty">
          Generated questions wait here, also across restarts, until you accept or discard them.
          Nothing is added to your bank without your say (unless you turn on auto-accept).
        </p>
      ) : (
        <>
          <p className="muted small">
            Every item below passed the schema, the rule checks, the passage check against its note
            and the near-duplicate check. Read each one before accepting it: a checked item can
            still be wrong.
            {kept > 0
              ? ` ${kept === pending.length ? (kept === 1 ? 'It was' : 'They were') : `${kept} of them were`} kept from an earlier session.`
              : ''}
          </p>
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
                onDiscard={() => {
                  const gone = discardPending(p.question.id);
                  if (gone)
                    setStatus({
                      text: `Discarded “${gone.question.stem.slice(0, 60)}…”.`,
                      undo: () => restorePending(gone),
                    });
                }}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function GenerateView() {
  const { state } = useSettings();
  const { run, pending, storage } = useGeneration();
  const pool = useQuestionPool(BANK);
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(() => {
    const usable = textModels().filter(
      (m) =>
        m.lifecycle !== 'end-of-life' &&
        m.features.systemPrompt &&
        !m.outputModalities.includes('embedding'),
    );
    const entry = (m: (typeof usable)[number]) => ({
      id: invocableModelId(m, region),
      label: modelLabel(m),
    });
    return {
      tools: usable.filter((m) => m.features.toolUse).map(entry),
      text: usable.filter((m) => !m.features.toolUse).map(entry),
    };
  }, [region]);
  const [picked, setPicked] = useState<string[]>([]);
  const [count, setCount] = useState(5);
  const [types, setTypes] = useState<QuestionType[]>([...QuestionType.options]);
  const [difficulty, setDifficulty] = useState<GenerateQuestionsInput['difficulty']>('mixed');
  const [chosenModel, setModelId] = useState<string | null>(null);
  const modelId = chosenModel ?? state?.settings.aws.defaultTextModel ?? 'amazon.nova-micro-v1:0';
  const [blindCheck, setBlindCheck] = useState(false);
  const [autoAccept, setAutoAccept] = useState(false);

  const sources = useMemo(
    () =>
      picked.flatMap((id) => (CORPUS.noteById.get(id) ? [sourceOf(CORPUS.noteById.get(id)!)] : [])),
    [picked],
  );
  const estimate = estimateRun(sources, count, blindCheck);
  const cost = estimateTokenCost(modelId, estimate.inputTokens, estimate.outputTokens);
  const running = run?.status === 'running';
  const known = [...models.tools, ...models.text].some((m) => m.id === modelId);
  const current = findModel(modelId);
  const canRun = sources.length > 0 && types.length > 0 && !running && pool !== undefined;

  const run_ = () => {
    if (!canRun) return;
    const existingStems = [
      ...(pool ?? []).map((q) => q.stem),
      ...pending.map((p) => p.question.stem),
    ];
    startGeneration(
      {
        modelId,
        sources,
        count,
        types,
        difficulty,
        existingStems: existingStems.slice(0, 20_000),
        blindCheck,
      },
      autoAccept,
    );
  };

  return (
    <div className="gen-view">
      <ConnectionHint />
      <section className="card" aria-label="Generation settings">
        <div className="gen-setup">
          <NotePicker picked={picked} setPicked={setPicked} />
          <div className="gen-options">
            <div className="field">
              <label htmlFor="gen-count">Questions (1 to 50)</label>
              <input
                id="gen-count"
                type="number"
                min={1}
                max={50}
                value={count}
                onChange={(e) => {
                  const n = Math.trunc(Number(e.target.value));
                  if (Number.isFinite(n)) setCount(Math.min(50, Math.max(1, n)));
                }}
              />
            </div>
            <fieldset className="gen-types">
              <legend>Types</legend>
              {QuestionType.options.map((t) => (
                <label key={t} className="check">
                  <input
                    type="checkbox"
                    checked={types.includes(t)}
                    onChange={() =>
                      setTypes(types.includes(t) ? types.filter((x) => x !== t) : [...types, t])
                    }
                  />
                  {TYPE_LABEL[t]}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="gen-difficulty">Difficulty</label>
              <select
                id="gen-difficulty"
                value={difficulty}
                onChange={(e) =>
                  setDifficulty(e.target.value as GenerateQuestionsInput['difficulty'])
                }
              >
                <option value="mixed">Mixed</option>
                <option value="easy">Easy</option>
                <option value="medium">Medium</option>
                <option value="hard">Hard</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="gen-model">Model</label>
              <select id="gen-model" value={modelId} onChange={(e) => setModelId(e.target.value)}>
                {!known ? (
                  <option value={modelId}>
                    {current ? `${modelLabel(current)} (${modelId})` : modelId}
                  </option>
                ) : null}
                <optgroup label="With tool use">
                  {models.tools.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.label}
                    </option>
                  ))}
                </optgroup>
                {models.text.length > 0 ? (
                  <optgroup label="No tool use (JSON reply)">
                    {models.text.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.label}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={blindCheck}
                onChange={(e) => setBlindCheck(e.target.checked)}
              />
              Blind check (a second call answers each item without the key; disagreements are
              flagged)
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={autoAccept}
                onChange={(e) => setAutoAccept(e.target.checked)}
              />
              Auto-accept (store items that pass every check without review)
            </label>
          </div>
        </div>
        {sources.length > 0 ? (
          <p className="small" data-testid="gen-estimate">
            Rough estimate: about {estimate.calls} call{estimate.calls === 1 ? '' : 's'},{' '}
            {estimate.inputTokens.toLocaleString()} input and{' '}
            {estimate.outputTokens.toLocaleString()} output tokens, {usd(cost)} at on-demand list
            prices. Corrections of rejected items add calls.
          </p>
        ) : (
          <p className="empty">Pick at least one note (or a task statement) to generate from.</p>
        )}
        {types.length === 0 ? <p className="field-error">Choose at least one type.</p> : null}
        <div className="actions">
          <button type="button" className="primary" disabled={!canRun} onClick={run_}>
            Generate {count} question{count === 1 ? '' : 's'}
          </button>
          {running ? <span className="muted small">A run is in progress (below).</span> : null}
        </div>
      </section>
      {run ? <RunPanel run={run} /> : null}
      {!run?.autoAccept || pending.length > 0 ? (
        <ReviewList pending={pending} storage={storage} />
      ) : null}
    </div>
  );
}
