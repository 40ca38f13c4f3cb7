/** Accuracy per task statement, as a table. */
import { ratio, type Accuracy } from '../../../lib/stats';
import { percent, TASKS } from './common';

export function TaskTable({ acc }: { acc: Accuracy }) {
  return (
    <section className="card" aria-labelledby="stats-tasks-heading">
      <h2 id="stats-tasks-heading">By task statement</h2>
      <div className="table-wrap">
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">Task statement</th>
              <th scope="col" className="num">
                Questions
              </th>
              <th scope="col" className="num">
                Latest right
              </th>
              <th scope="col" className="num">
                All answers
              </th>
            </tr>
          </thead>
          <tbody>
            {TASKS.map((task) => {
              const t = acc.byTask.get(task.id);
              return (
                <tr key={task.id} data-testid={`stats-task-${task.id}`}>
                  <th scope="row">
                    <span className="task-id">{task.id}</span> {task.title}
                  </th>
                  <td className="num">{t?.questions ?? 0}</td>
                  <td className="num">
                    {t
                      ? `${t.questionsCorrect} (${percent(ratio(t.questionsCorrect, t.questions))})`
                      : '–'}
                  </td>
                  <td className="num">
                    {t
                      ? `${t.answersCorrect} of ${t.answers} (${percent(ratio(t.answersCorrect, t.answers))})`
                      : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
