/** Every line with its status and estimated tokens, a page at a time, each with an Edit button. */
import { useState } from 'react';
import type { CheckedLines, LineCheck } from '../../../../../shared/customization';
import { formatCount, plural } from '../../../lib/format';
import { editLine } from './dataset-store';

const PAGE = 25;

/** What a line is about: a valid record's first prompt or input text; otherwise the raw line. */
function linePreview(check: LineCheck, text: string): string {
  const r = check.record;
  if (!r) return text;
  if ('prompt' in r) return r.prompt;
  if ('input' in r) return r.input;
  const first = r.messages[0]?.content;
  if (typeof first === 'string') return first;
  const block = first?.find((b) => 'text' in b);
  return block && 'text' in block ? block.text : text;
}
const preview = (text: string) => (text.length > 90 ? `${text.slice(0, 90)}…` : text);

export function RecordTable({ data }: { data: CheckedLines }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(data.checks.length / PAGE));
  const current = Math.min(page, pages - 1);
  const rows = data.checks.slice(current * PAGE, (current + 1) * PAGE);
  return (
    <section className="card cl-records" aria-labelledby="cl-records-h">
      <h2 id="cl-records-h">Records and estimated tokens</h2>
      <div className="table-wrap">
        <table className="cl-record-table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Check</th>
              <th scope="col">Estimated tokens (in + out)</th>
              <th scope="col">Start of the record</th>
              <th scope="col">
                <span className="sr-only">Edit</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.line} className={c.ok ? undefined : 'cl-bad'}>
                <td>{c.line}</td>
                <td>{c.ok ? 'OK' : plural(c.problems.length, 'problem')}</td>
                <td>
                  {c.size
                    ? `${formatCount(c.size.tokens)} (${formatCount(c.size.inputTokens)} + ${formatCount(c.size.outputTokens)})`
                    : '–'}
                </td>
                <td className="cl-text">{preview(linePreview(c, data.texts[c.line - 1] ?? ''))}</td>
                <td>
                  <button type="button" className="link" onClick={() => editLine(c.line)}>
                    Edit line {c.line}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <div className="actions cl-pager">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous {PAGE} lines
          </button>
          <span className="muted">
            Page {current + 1} of {formatCount(pages)}
          </span>
          <button
            type="button"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next {PAGE} lines
          </button>
        </div>
      ) : null}
    </section>
  );
}
