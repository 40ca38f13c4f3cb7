/** The first items of a dataset: prompt, reference and category, as plain text. */
import { formatCount } from '../../../lib/format';
import { TASK_LABELS, type EvalDataset } from './builtin-datasets';

const SHOWN = 8;

const clip = (text: string, max = 280) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function DatasetPreview({ dataset }: { dataset: EvalDataset }) {
  const shown = dataset.items.slice(0, SHOWN);
  return (
    <section className="card eval-preview" aria-labelledby="eval-preview-title">
      <h2 id="eval-preview-title">{dataset.title}</h2>
      <p className="muted">
        {TASK_LABELS[dataset.task]}. {dataset.description}
      </p>
      {dataset.labels ? <p className="small">Labels: {dataset.labels.join(', ')}</p> : null}
      <div className="table-wrap">
        <table className="eval-preview-table">
          <caption className="muted small">
            The first {Math.min(SHOWN, dataset.items.length)} of {formatCount(dataset.items.length)}{' '}
            items
          </caption>
          <thead>
            <tr>
              <th scope="col">Prompt</th>
              <th scope="col">Reference response</th>
              <th scope="col">Category</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.id}>
                <td className="eval-prompt-cell">{clip(item.prompt)}</td>
                <td>{item.referenceResponse ? clip(item.referenceResponse) : <em>none</em>}</td>
                <td>{item.category ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
