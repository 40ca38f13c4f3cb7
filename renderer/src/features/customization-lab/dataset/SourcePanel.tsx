/** Where the rows come from: built from Stratum's bank or notes, typed, or imported from a JSON Lines file. */
import { useId, useState } from 'react';
import { methodSupport, type DatasetTarget } from '../../../../../shared/customization';
import { IntegerField } from '../../../components/fields';
import { plural } from '../../../lib/format';
import { addTypedLines, checkFile, linesBlob } from './dataset-store';
import { BANK_SIZE, linesFromBank, linesFromNotes } from './sources';

export function SourcePanel({ target, busy }: { target: DatasetTarget; busy: boolean }) {
  const [count, setCount] = useState(Math.min(BANK_SIZE, 100));
  const [typed, setTyped] = useState('');
  const id = useId();
  const shape = methodSupport(target.model, target.method)?.shape;
  const fromNotes = shape === 'input-only';
  const build = () => {
    const lines = fromNotes ? linesFromNotes() : linesFromBank(target, count);
    const source = fromNotes
      ? `Built from the notes (${plural(lines.length, 'section')})`
      : `Built from the question bank (${plural(lines.length, 'question')})`;
    void checkFile(linesBlob(lines), source, 'Checking the built records');
  };
  const addTyped = () => {
    const lines = typed.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) return;
    addTypedLines(lines);
    setTyped('');
  };
  return (
    <section className="card cl-sources" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Records</h2>
      {fromNotes ? (
        <p className="hint">
          Continued pre-training takes unlabelled text: each note section becomes one{' '}
          <code>{'{"input"}'}</code> record.
        </p>
      ) : (
        <IntegerField
          label="Questions from the bank"
          value={count}
          min={1}
          max={BANK_SIZE}
          onChange={setCount}
          hint="Each becomes a question → explained answer record."
        />
      )}
      <button type="button" className="primary" disabled={busy} onClick={build}>
        {fromNotes ? 'Build from the notes' : 'Build from the question bank'}
      </button>
      <div className="field">
        <label htmlFor={`${id}-file`}>Import a JSON Lines file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".jsonl,.json,.txt,application/jsonl,application/json,text/plain"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void checkFile(file, `Imported from ${file.name}`, `Checking ${file.name}`);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-typed`}>Type or paste records (one JSON object a line)</label>
        <textarea
          id={`${id}-typed`}
          rows={4}
          value={typed}
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      <button type="button" disabled={busy || typed.trim() === ''} onClick={addTyped}>
        Add typed records
      </button>
    </section>
  );
}
