/** One response's ROUGE precision/recall/F1 and sentence BLEU with its parts, as a small table. */
import type { BleuScore, RougeScores } from '../../../lib/eval';
import { formatPercent } from '../../../lib/format';

const p = (v: number) => formatPercent(v, 0);

export function ItemScores({ rouge, bleu }: { rouge: RougeScores; bleu: BleuScore }) {
  return (
    <div className="table-wrap">
      <table className="eval-item-scores">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">F1</th>
          </tr>
        </thead>
        <tbody>
          {(
            [
              ['ROUGE-1', rouge.rouge1],
              ['ROUGE-2', rouge.rouge2],
              ['ROUGE-L', rouge.rougeL],
            ] as const
          ).map(([name, s]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{p(s.precision)}</td>
              <td>{p(s.recall)}</td>
              <td>{p(s.f1)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Sentence BLEU</th>
            <td colSpan={3}>
              {p(bleu.score)} (exponential smoothing; brevity penalty{' '}
              {bleu.brevityPenalty.toFixed(3)}; p1-p4{' '}
              {bleu.precisions.map((x) => x.toFixed(2)).join(' / ')})
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
