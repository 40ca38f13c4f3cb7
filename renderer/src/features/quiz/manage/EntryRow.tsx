/** One question in My questions: its badges, and preview, edit, report, delete or restore. */
import { useRef, useState, type RefCallback } from 'react';
import type { Question } from '../../../../../shared/questions';
import {
  deleteQuestion,
  deleteReport,
  putBack,
  restoreQuestion,
  revertToBank,
  saveEdit,
  type PoolEntry,
  type Previous,
} from '../../../db/questions';
import { bankById } from '../bank';
import { AnswerPreview } from '../AnswerPreview';
import { TYPE_LABEL } from '../filters';
import { sourceProblems } from '../question-rules';
import { QuestionEditor } from '../QuestionEditor';
import type { Notice } from './notice';
import { QuestionHistory } from './QuestionHistory';
import { ReportForm } from './ReportForm';

const SOURCE_LABEL = { bank: 'Starter bank', edited: 'Edited', own: 'Generated or imported' };

type Mode = 'closed' | 'preview' | 'history' | 'edit' | 'report';

const undoable = (text: string, previous: Previous): Notice => ({
  text,
  undo: () => putBack(previous),
});

export function EntryRow({
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
  const [mode, setMode] = useState<Mode>('closed');
  // Set when the report form closes, so the Report button takes the focus back when it returns.
  const backToReport = useRef(false);
  const q = entry.question;
  const short = q.stem.length > 90 ? `${q.stem.slice(0, 89)}…` : q.stem;
  return (
    <li className={entry.deleted ? 'manage-item deleted' : 'manage-item'} data-testid="manage-item">
      <EntryHead entry={entry} reports={reports} />
      {mode === 'preview' ? <AnswerPreview q={q} /> : null}
      {mode === 'history' ? <QuestionHistory q={q} /> : null}
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
            backToReport.current = true;
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
        <EntryActions
          entry={entry}
          short={short}
          mode={mode}
          setMode={setMode}
          notify={notify}
          reportRef={(el) => {
            if (el && backToReport.current) {
              backToReport.current = false;
              el.focus();
            }
          }}
        />
      )}
    </li>
  );
}

function EntryHead({ entry, reports }: { entry: PoolEntry; reports: number }) {
  const q = entry.question;
  return (
    <div className="manage-head">
      <p className="manage-stem">{q.stem}</p>
      <ul className="badges">
        <li>{SOURCE_LABEL[entry.source]}</li>
        <li>{TYPE_LABEL[q.type]}</li>
        {q.caseId ? <li>Case study</li> : null}
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
  );
}

function EntryActions({
  entry,
  short,
  mode,
  setMode,
  notify,
  reportRef,
}: {
  entry: PoolEntry;
  short: string;
  mode: Mode;
  setMode: (m: Mode) => void;
  notify: (n: Notice) => void;
  /** Report's ref: it takes the focus back when the report form closes. */
  reportRef: RefCallback<HTMLButtonElement>;
}) {
  const id = entry.question.id;
  return (
    <div className="actions">
      <button type="button" onClick={() => setMode(mode === 'preview' ? 'closed' : 'preview')}>
        {mode === 'preview' ? 'Hide' : 'Preview'}
      </button>
      <button
        type="button"
        aria-expanded={mode === 'history'}
        onClick={() => setMode(mode === 'history' ? 'closed' : 'history')}
      >
        {mode === 'history' ? 'Hide history' : 'History'}
      </button>
      {entry.deleted ? (
        <button
          type="button"
          onClick={() =>
            void restoreQuestion(id, bankById).then((previous) =>
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
          <button type="button" ref={reportRef} onClick={() => setMode('report')}>
            Report
          </button>
          {entry.source === 'edited' ? (
            <button
              type="button"
              className="link"
              onClick={() =>
                void revertToBank(id).then((previous) =>
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
              void deleteQuestion(id, bankById).then((previous) =>
                notify(undoable(`Deleted “${short}”.`, previous)),
              )
            }
          >
            Delete
          </button>
        </>
      )}
    </div>
  );
}
