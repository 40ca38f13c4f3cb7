/** One generated item waiting for review: its facts, the blind check, preview, edit, accept, discard. */
import { useState } from 'react';
import type { Question } from '../../../../../shared/questions';
import { CORPUS } from '../../../content/corpus';
import { AnswerPreview } from '../AnswerPreview';
import { TYPE_LABEL } from '../filters';
import { editPending, type PendingItem } from '../generation-store';
import { QuestionEditor } from '../QuestionEditor';

export function ReviewItem({
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
      <BlindCheckNote item={item} />
      {mode === 'preview' ? <AnswerPreview q={q} /> : null}
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

function BlindCheckNote({ item }: { item: PendingItem }) {
  if (item.blindCheck && !item.blindCheck.agrees) {
    return (
      <p className="status status-warn small" data-testid="blind-flag">
        <span>
          <strong>Blind check disagrees: </strong>asked without the answer key, the model chose{' '}
          {item.blindCheck.chosen.map((c) => c.toUpperCase()).join(', ') || 'nothing'}.{' '}
          {item.blindCheck.note ?? ''} Check the answer before accepting.
        </span>
      </p>
    );
  }
  if (item.blindCheck?.agrees)
    return <p className="small muted">Blind check agrees with the answer key.</p>;
  if (item.blindCheckProblem) return <p className="small muted">{item.blindCheckProblem}</p>;
  return null;
}
