/**
 * My questions: the whole pool (starter bank and the learner's own) to search, filter, preview,
 * edit (a bank item's edit becomes an override row), delete with Undo (deleted items can be
 * restored later, bank items too), and report. Below: the reports, and the backup (export of
 * everything as one JSON file; import that refuses a bad file with the reason and changes nothing,
 * and asks before replacing rows that are newer here).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useRef, useState } from 'react';
import type { Question } from '../../../../shared/questions';
import {
  applyImport,
  backupFileName,
  backupText,
  describePlan,
  exportBackup,
  newerHereCount,
  parseBackup,
  planImport,
  rowCount,
  TABLE_NAMES,
  type Backup,
  type ImportChoice,
  type ImportPlan,
} from '../../db/backup';
import { getDb } from '../../db/db';
import { type QuestionReport } from '../../db/schema';
import {
  allReports,
  deleteQuestion,
  deleteReport,
  poolEntries,
  putBack,
  putBackReport,
  questionRows,
  REPORT_REASONS,
  reportQuestion,
  restoreQuestion,
  revertToBank,
  saveEdit,
  setReportResolved,
  type PoolEntry,
  type Previous,
  type ReportReason,
} from '../../db/questions';
import { BANK, bankById } from './bank';
import { correctResponse, sourceProblems } from './question-rules';
import { QuestionEditor } from './QuestionEditor';
import { QuestionView } from './QuestionView';
import { DomainFilter, TYPE_LABEL, TypeFilter } from './filters';

const PAGE = 50;
const SOURCE_LABEL = { bank: 'Starter bank', edited: 'Edited', own: 'Generated or imported' };

interface Notice {
  text: string;
  undo?: () => Promise<void>;
  kind?: 'ok' | 'error';
}

function ReportForm({
  questionId,
  onDone,
}: {
  questionId: string;
  onDone: (report: QuestionReport | null) => void;
}) {
  const [reason, setReason] = useState<ReportReason>('wrong-answer');
  const [comment, setComment] = useState('');
  const ids = { reason: useId(), comment: useId() };
  return (
    <form
      className="report-form"
      aria-label={`Report question ${questionId}`}
      onSubmit={(e) => {
        e.preventDefault();
        void reportQuestion(questionId, reason, comment).then(onDone);
      }}
    >
      <div className="field">
        <label htmlFor={ids.reason}>What is wrong?</label>
        <select
          id={ids.reason}
          value={reason}
          onChange={(e) => setReason(e.target.value as ReportReason)}
        >
          {Object.entries(REPORT_REASONS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.comment}>Comment (optional)</label>
        <textarea
          id={ids.comment}
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Send report
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <span className="muted small">Reports stay on this computer, in your backup.</span>
      </div>
    </form>
  );
}

function EntryRow({
  entry,
  reports,
  otherStems,
  notify,
}: {
  entry: PoolEntry;
  reports: number;
  otherStems: readonly string[];
  notify: (n: Notice) => void;
}) {
  const [mode, setMode] = useState<'closed' | 'preview' | 'edit' | 'report'>('closed');
  const q = entry.question;
  const short = q.stem.length > 90 ? `${q.stem.slice(0, 89)}…` : q.stem;
  const undoable = (text: string, previous: Previous): Notice => ({
    text,
    undo: () => putBack(previous),
  });
  return (
    <li className={entry.deleted ? 'manage-item deleted' : 'manage-item'} data-testid="manage-item">
      <div className="manage-head">
        <p className="manage-stem">{q.stem}</p>
        <ul className="badges">
          <li>{SOURCE_LABEL[entry.source]}</li>
          <li>{TYPE_LABEL[q.type]}</li>
          <li>
            {q.task} · {q.difficulty}
          </li>
          {entry.deleted ? <li className="badge-warn">Deleted</li> : null}
          {reports > 0 ? (
            <li className="badge-warn">Reported{reports > 1 ? ` ×${reports}` : ''}</li>
          ) : null}
          {entry.row?.blindCheck && !entry.row.blindCheck.agrees ? (
            <li className="badge-warn">Blind check disagreed</li>
          ) : null}
        </ul>
      </div>
      {mode === 'preview' ? (
        <div className="card gen-preview">
          <QuestionView q={q} response={correctResponse(q)} onChange={() => undefined} checked />
        </div>
      ) : null}
      {mode === 'edit' ? (
        <QuestionEditor
          question={q}
          otherStems={otherStems}
          onCancel={() => setMode('closed')}
          onSave={async (edited: Question) => {
            const previous = await saveEdit(edited, bankById, sourceProblems);
            setMode('closed');
            notify(undoable(`Saved your edit of “${short}”.`, previous));
          }}
        />
      ) : null}
      {mode === 'report' ? (
        <ReportForm
          questionId={q.id}
          onDone={(report) => {
            setMode('closed');
            if (report)
              notify({
                text: `Reported “${short}”.`,
                undo: async () => void (await deleteReport(report.id)),
              });
          }}
        />
      ) : null}
      {mode === 'edit' || mode === 'report' ? null : (
        <div className="actions">
          <button type="button" onClick={() => setMode(mode === 'preview' ? 'closed' : 'preview')}>
            {mode === 'preview' ? 'Hide' : 'Preview'}
          </button>
          {entry.deleted ? (
            <button
              type="button"
              onClick={() =>
                void restoreQuestion(q.id, bankById).then((previous) =>
                  notify(undoable(`Restored “${short}”.`, previous)),
                )
              }
            >
              Restore
            </button>
          ) : (
            <>
              <button type="button" onClick={() => setMode('edit')}>
                Edit
              </button>
              <button type="button" onClick={() => setMode('report')}>
                Report
              </button>
              {entry.source === 'edited' ? (
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    void revertToBank(q.id).then((previous) =>
                      notify(undoable(`Undid your edits of “${short}”.`, previous)),
                    )
                  }
                >
                  Revert to the starter bank version
                </button>
              ) : null}
              <button
                type="button"
                className="link manage-delete"
                aria-label={`Delete “${short}”`}
                onClick={() =>
                  void deleteQuestion(q.id, bankById).then((previous) =>
                    notify(undoable(`Deleted “${short}”.`, previous)),
                  )
                }
              >
                Delete
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function ReportsList({
  reports,
  stems,
  notify,
}: {
  reports: QuestionReport[];
  stems: ReadonlyMap<string, string>;
  notify: (n: Notice) => void;
}) {
  return (
    <section className="card" aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reports ({reports.filter((r) => !r.resolved).length} open)</h2>
      {reports.length === 0 ? (
        <p className="empty">
          No reports. Use “Report” on a question that is wrong, unclear or out of date; it is marked
          in the list and kept here.
        </p>
      ) : (
        <ul className="report-list" data-testid="report-list">
          {reports.map((r) => (
            <li key={r.id} className={r.resolved ? 'resolved' : ''}>
              <p>
                <strong>{REPORT_REASONS[r.reason]}</strong>{' '}
                <span className="muted small">
                  {new Date(r.at).toLocaleString()} · {r.questionId}
                  {r.resolved ? ' · resolved' : ''}
                </span>
              </p>
              <p className="small">
                {stems.get(r.questionId) ?? '(question no longer in the pool)'}
              </p>
              {r.comment ? <p className="small muted">“{r.comment}”</p> : null}
              <div className="actions">
                <button type="button" onClick={() => void setReportResolved(r.id, !r.resolved)}>
                  {r.resolved ? 'Reopen' : 'Mark resolved'}
                </button>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    void deleteReport(r.id).then((gone) => {
                      if (gone)
                        notify({ text: 'Deleted a report.', undo: () => putBackReport(gone) });
                    })
                  }
                >
                  Delete report
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type ImportState =
  | { step: 'idle' }
  | { step: 'refused'; file: string; reason: string; problems: string[] }
  | { step: 'confirm'; file: string; backup: Backup; plan: ImportPlan; choice: ImportChoice }
  | { step: 'done'; file: string; plan: ImportPlan };

function countRows(backup: Backup): string {
  const parts = TABLE_NAMES.filter((t) => backup.tables[t].length > 0).map((t) =>
    rowCount(t, backup.tables[t].length),
  );
  return parts.length ? parts.join(', ') : 'no rows at all';
}

function BackupPanel() {
  const [exported, setExported] = useState<string | null>(null);
  const [importing, setImporting] = useState<ImportState>({ step: 'idle' });
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const doExport = async () => {
    const { backup, skipped } = await exportBackup(getDb());
    const url = URL.createObjectURL(new Blob([backupText(backup)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = backupFileName(backup);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setExported(
      `Saved ${backupFileName(backup)}: ${countRows(backup)}.` +
        (skipped.length
          ? ` ${skipped.length} stored row${skipped.length === 1 ? '' : 's'} could not be read and ${skipped.length === 1 ? 'was' : 'were'} left out (first: ${skipped[0]!.table} “${skipped[0]!.key}”, ${skipped[0]!.problem}).`
          : ''),
    );
  };

  const read = async (file: File) => {
    setBusy(true);
    try {
      const parsed = parseBackup(await file.text(), sourceProblems);
      if (!parsed.ok) {
        setImporting({
          step: 'refused',
          file: file.name,
          reason: parsed.reason,
          problems: parsed.problems,
        });
        return;
      }
      const plan = await planImport(getDb(), parsed.backup);
      setImporting({
        step: 'confirm',
        file: file.name,
        backup: parsed.backup,
        plan,
        choice: 'keep-newer',
      });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const apply = async (state: Extract<ImportState, { step: 'confirm' }>) => {
    setBusy(true);
    try {
      const plan = await applyImport(getDb(), state.backup, state.choice);
      setImporting({ step: 'done', file: state.file, plan });
    } catch (error) {
      setImporting({
        step: 'refused',
        file: state.file,
        reason: `The import failed while writing, so nothing was changed (${error instanceof Error ? error.message : String(error)}).`,
        problems: [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p className="muted small">
        One JSON file with your questions (generated, imported and edited), answers, review cards,
        mock exams, reports and note progress. Generated questions still waiting for your review are
        not included. Importing merges by id and never deletes anything already here.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void doExport()}>
          Export everything
        </button>
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          Import a backup…
        </button>
        <input
          ref={input}
          className="sr-only"
          tabIndex={-1}
          aria-label="Backup file to import"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void read(file);
          }}
        />
      </div>
      {exported ? (
        <p className="status status-ok small" role="status">
          {exported}
        </p>
      ) : null}
      {importing.step === 'refused' ? (
        <div className="status status-error small" role="alert" data-testid="import-refused">
          <div>
            <strong>Not imported: {importing.file}</strong>
            <p>{importing.reason}</p>
            {importing.problems.length ? (
              <ul>
                {importing.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            ) : null}
            <p className="muted">Nothing was changed.</p>
          </div>
        </div>
      ) : null}
      {importing.step === 'confirm' ? (
        <div className="status status-idle small" data-testid="import-confirm">
          <div>
            <strong>Import {importing.file}?</strong>
            <p>
              The file holds {countRows(importing.backup)}. Importing it would give:{' '}
              {describePlan(importing.plan)}.
            </p>
            {newerHereCount(importing.plan) > 0 ? (
              <fieldset className="import-choice">
                <legend>
                  {newerHereCount(importing.plan)} row
                  {newerHereCount(importing.plan) === 1 ? ' is' : 's are'} newer here than in the
                  file (
                  {TABLE_NAMES.filter((t) => importing.plan[t].newerHere.length)
                    .map((t) => rowCount(t, importing.plan[t].newerHere.length))
                    .join(', ')}
                  ).
                </legend>
                <label className="check">
                  <input
                    type="radio"
                    name="import-choice"
                    checked={importing.choice === 'keep-newer'}
                    onChange={() => setImporting({ ...importing, choice: 'keep-newer' })}
                  />
                  Keep my newer rows
                </label>
                <label className="check">
                  <input
                    type="radio"
                    name="import-choice"
                    checked={importing.choice === 'replace'}
                    onChange={() => setImporting({ ...importing, choice: 'replace' })}
                  />
                  Replace them with the file’s older copies
                </label>
              </fieldset>
            ) : null}
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void apply(importing)}
              >
                Import
              </button>
              <button type="button" onClick={() => setImporting({ step: 'idle' })}>
                Cancel
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {importing.step === 'done' ? (
        <p className="status status-ok small" role="status" data-testid="import-done">
          Imported {importing.file}: {describePlan(importing.plan)}.
        </p>
      ) : null}
    </section>
  );
}

export function ManageView() {
  const rows = useLiveQuery(questionRows, []);
  const reports = useLiveQuery(allReports, []);
  const [query, setQuery] = useState('');
  const [show, setShow] = useState('');
  const [domain, setDomain] = useState('');
  const [type, setType] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [notice, setNotice] = useState<Notice | null>(null);
  const ids = { search: useId(), show: useId() };

  const entries = useMemo(() => poolEntries(BANK, rows ?? []), [rows]);
  const reportCount = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of reports ?? [])
      if (!r.resolved) m.set(r.questionId, (m.get(r.questionId) ?? 0) + 1);
    return m;
  }, [reports]);
  const stems = useMemo(
    () => new Map(entries.map((e) => [e.question.id, e.question.stem])),
    [entries],
  );
  const liveStems = useMemo(
    () => entries.filter((e) => !e.deleted).map((e) => e.question.stem),
    [entries],
  );
  const q = query.trim().toLowerCase();
  const shown = entries.filter(
    (e) =>
      (show === 'deleted' ? e.deleted : !e.deleted) &&
      (!show ||
        show === 'deleted' ||
        (show === 'reported' ? reportCount.has(e.question.id) : e.source === show)) &&
      (!domain || e.question.domain === Number(domain)) &&
      (!type || e.question.type === type) &&
      (!q ||
        e.question.stem.toLowerCase().includes(q) ||
        e.question.id.includes(q) ||
        e.question.tags.some((t) => t.toLowerCase().includes(q))),
  );
  const counts = {
    own: entries.filter((e) => e.source === 'own' && !e.deleted).length,
    edited: entries.filter((e) => e.source === 'edited' && !e.deleted).length,
    deleted: entries.filter((e) => e.deleted).length,
  };

  const notify = (n: Notice) => setNotice(n);

  return (
    <div className="manage-view">
      <p className="muted">
        {entries.length - counts.deleted} questions: {BANK.length} in the starter bank
        {counts.edited ? ` (${counts.edited} edited by you)` : ''}, {counts.own} of your own
        {counts.deleted ? `, ${counts.deleted} deleted` : ''}.
      </p>
      {notice ? (
        <p
          role="status"
          className={
            notice.kind === 'error' ? 'status status-error small' : 'status status-idle small'
          }
          data-testid="manage-status"
        >
          <span>
            {notice.text}{' '}
            {notice.undo ? (
              <button
                type="button"
                className="link"
                onClick={() =>
                  void notice
                    .undo?.()
                    .then(() => setNotice({ text: 'Undone.' }))
                    .catch((error: unknown) =>
                      setNotice({ text: `Could not undo: ${String(error)}`, kind: 'error' }),
                    )
                }
              >
                Undo
              </button>
            ) : null}
          </span>
        </p>
      ) : null}
      <section className="card" aria-label="Questions">
        <div className="form-grid">
          <div className="field">
            <label htmlFor={ids.search}>Search</label>
            <input
              id={ids.search}
              type="search"
              value={query}
              placeholder="Words of the question, id or tag"
              onChange={(e) => {
                setQuery(e.target.value);
                setLimit(PAGE);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.show}>Show</label>
            <select id={ids.show} value={show} onChange={(e) => setShow(e.target.value)}>
              <option value="">All questions</option>
              <option value="bank">Starter bank (unchanged)</option>
              <option value="edited">Edited by me</option>
              <option value="own">Generated or imported</option>
              <option value="reported">Reported</option>
              <option value="deleted">Deleted</option>
            </select>
          </div>
          <DomainFilter value={domain} onChange={setDomain} />
          <TypeFilter value={type} onChange={setType} />
        </div>
        <p className="muted small" data-testid="manage-count">
          {rows === undefined ? 'Loading…' : `${shown.length} match.`}
        </p>
        {rows !== undefined && shown.length === 0 ? (
          <p className="empty">
            {show === 'deleted'
              ? 'Nothing deleted.'
              : show === 'own'
                ? 'No questions of your own yet: generate some with Bedrock or import a backup.'
                : 'No question matches these filters.'}
          </p>
        ) : null}
        <ul className="manage-list">
          {shown.slice(0, limit).map((e) => (
            <EntryRow
              key={e.question.id}
              entry={e}
              reports={reportCount.get(e.question.id) ?? 0}
              otherStems={liveStems.filter((s) => s !== e.question.stem)}
              notify={notify}
            />
          ))}
        </ul>
        {shown.length > limit ? (
          <div className="actions">
            <button type="button" onClick={() => setLimit(limit + PAGE)}>
              Show {Math.min(PAGE, shown.length - limit)} more
            </button>
            <span className="muted small">
              Showing {limit} of {shown.length}.
            </span>
          </div>
        ) : null}
      </section>
      <ReportsList reports={reports ?? []} stems={stems} notify={notify} />
      <BackupPanel />
    </div>
  );
}
