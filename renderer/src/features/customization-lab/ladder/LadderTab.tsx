/** The ladder: each way to adapt a model on cost, effort, data needed and what it changes, linked to its note. */
import { Link } from 'wouter';
import { CORPUS } from '../../../content/corpus';
import { CHANGES_LABEL, RUNGS, type Rung } from './rungs';
import './ladder.css';

function Rank({ value, label }: { value: number; label: string }) {
  return (
    <span className="cl-rank" role="img" aria-label={`${label}: ${value} of 5`}>
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} className={i <= value ? 'cl-pip cl-on' : 'cl-pip'} />
      ))}
    </span>
  );
}

function RungRow({ rung }: { rung: Rung }) {
  const note = CORPUS.notes.find((n) => n.id === rung.note.id);
  return (
    <tr className={rung.aside ? 'cl-aside' : undefined}>
      <th scope="row">
        {rung.name}
        {rung.aside ? <span className="small muted"> (beside the ladder)</span> : null}
      </th>
      <td>
        <span className={`cl-changes cl-changes-${rung.changes.replace(' ', '-')}`}>
          {CHANGES_LABEL[rung.changes]}
        </span>
      </td>
      <td>
        <Rank value={rung.cost} label="Relative cost" />
      </td>
      <td>
        <Rank value={rung.effort} label="Relative effort" />
      </td>
      <td>{rung.data}</td>
      <td>{rung.when}</td>
      <td>
        {note ? <Link href={`/notes/${note.id}`}>{note.title}</Link> : rung.note.id}
        <span className="small muted"> · section “{rung.note.section}”</span>
      </td>
    </tr>
  );
}

export function LadderTab() {
  return (
    <div className="cl-ladder stack">
      <section className="card" aria-labelledby="cl-ladder-h">
        <h2 id="cl-ladder-h">From the cheapest rung to the costliest</h2>
        <p className="muted">
          Climb only when the rung below cannot do the job. Cost and effort are relative ranks (one
          to five dots), the order the notes teach, not measured prices. Distillation sits beside
          the ladder: it makes a cheaper, faster model rather than a smarter one.
        </p>
        <div className="table-wrap">
          <table className="cl-ladder-table">
            <thead>
              <tr>
                <th scope="col">Way</th>
                <th scope="col">What changes</th>
                <th scope="col">Cost</th>
                <th scope="col">Effort</th>
                <th scope="col">Data needed</th>
                <th scope="col">Reach for it when</th>
                <th scope="col">Read</th>
              </tr>
            </thead>
            <tbody>
              {RUNGS.map((r) => (
                <RungRow key={r.id} rung={r} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="cl-ladder-exam-h">
        <h2 id="cl-ladder-exam-h">What the exam asks</h2>
        <ul>
          <li>
            Prompting and RAG change nothing in the model; fine-tuning, continued pre-training and
            distillation change weights and give a custom model you store and serve.
          </li>
          <li>
            Fine-tuning takes labelled prompt and response pairs; continued pre-training takes
            unlabelled text.
          </li>
          <li>
            The answer is the lowest rung that solves the stated problem: facts that change point to
            RAG, style and task behaviour to fine-tuning, domain language to continued pre-training.
          </li>
        </ul>
      </section>
    </div>
  );
}
