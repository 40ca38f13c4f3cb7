/** One of the learner's case studies in My questions: title, scenario, its questions, edit, delete. */
import { useState } from 'react';
import { deleteCase, putBackCase, restoreCase, saveScenario } from '../../../db/cases';
import type { PoolEntry } from '../../../db/questions';
import type { CaseRow } from '../../../db/schema';
import { plural } from '../../../lib/format';
import { EntryRow } from './EntryRow';
import type { Notice } from './notice';
import { ScenarioEditor } from './ScenarioEditor';

/** The first sentences of a scenario, up to about 240 characters. */
function preview(scenario: string): string {
  const flat = scenario.replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
}

export function CaseGroup({
  row,
  entries,
  otherStems,
  notify,
}: {
  row: CaseRow;
  entries: readonly PoolEntry[];
  otherStems: readonly string[];
  notify: (n: Notice) => void;
}) {
  const [editing, setEditing] = useState(false);
  const live = entries.filter((e) => e.deleted === row.deleted);
  return (
    <li
      className={row.deleted ? 'manage-case deleted' : 'manage-case'}
      aria-label={`Case study: ${row.title}`}
      data-testid="manage-case"
    >
      <p className="case-kicker">
        Case study · {plural(live.length, 'question')}
        {row.deleted ? ' · deleted' : ''}
      </p>
      <h3>{row.title}</h3>
      {editing ? (
        <ScenarioEditor
          title={row.title}
          scenario={row.scenario}
          onCancel={() => setEditing(false)}
          onSave={async (patch) => {
            const previous = await saveScenario(row.id, patch);
            setEditing(false);
            notify({
              text: `Saved the scenario of “${patch.title}”.`,
              undo: () => putBackCase(previous),
            });
          }}
        />
      ) : (
        <details className="manage-case-scenario">
          <summary>{preview(row.scenario)}</summary>
          {row.scenario.split(/\n{2,}/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </details>
      )}
      {!editing ? (
        <div className="actions">
          {row.deleted ? (
            <button
              type="button"
              aria-label={`Restore case study “${row.title}”`}
              onClick={() =>
                void restoreCase(row.id).then((previous) =>
                  notify({
                    text: `Restored the case study “${row.title}” and its questions.`,
                    undo: () => putBackCase(previous),
                  }),
                )
              }
            >
              Restore
            </button>
          ) : (
            <>
              <button
                type="button"
                aria-label={`Edit scenario of “${row.title}”`}
                onClick={() => setEditing(true)}
              >
                Edit scenario
              </button>
              <button
                type="button"
                className="link manage-delete"
                aria-label={`Delete case study “${row.title}”`}
                onClick={() =>
                  void deleteCase(row.id).then((previous) =>
                    notify({
                      text: `Deleted the case study “${row.title}” and its ${plural(previous.questions.length, 'question')}.`,
                      undo: () => putBackCase(previous),
                    }),
                  )
                }
              >
                Delete case study
              </button>
            </>
          )}
        </div>
      ) : null}
      {row.deleted ? null : (
        <ul className="manage-list">
          {live.map((e) => (
            <EntryRow
              key={e.question.id}
              entry={e}
              reports={0}
              otherStems={otherStems.filter((s) => s !== e.question.stem)}
              notify={notify}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
