/** Denied topics: a name, a definition in plain language and up to five sample phrases each. */
import {
  GUARDRAIL_LIMITS,
  type DeniedTopicDefinition,
  type GuardrailProblem,
} from '../../../../../shared/guardrail-builder';
import { plural } from '../../../lib/format';
import { editDefinition, type GuardrailLabState } from './guardrail-store';
import { problemAt } from './problems';
import { TextField } from '../../../components/TextField';
import { LinesField } from './LinesField';

function editTopic(i: number, patch: Partial<DeniedTopicDefinition> | null) {
  editDefinition((d) => ({
    ...d,
    deniedTopics:
      patch === null
        ? d.deniedTopics.filter((_, j) => j !== i)
        : d.deniedTopics.map((t, j) => (j === i ? { ...t, ...patch } : t)),
  }));
}

export function TopicsSection({
  lab,
  problems,
}: {
  lab: GuardrailLabState;
  problems: readonly GuardrailProblem[];
}) {
  const topics = lab.definition.deniedTopics;
  const L = GUARDRAIL_LIMITS;
  return (
    <section className="card gr-section" aria-labelledby="gr-topics">
      <h2 id="gr-topics">Denied topics</h2>
      <p className="hint">
        Describe a topic the assistant must not discuss, the way you would to a person: the
        guardrail blocks prompts and answers about it. Up to {L.topics.max} topics; a definition of
        up to {L.topicDefinition.max} characters and up to {L.topicExamples.max} sample phrases.
      </p>
      {problemAt(problems, 'deniedTopics') ? (
        <p className="field-error">{problemAt(problems, 'deniedTopics')}</p>
      ) : null}
      <ol className="gr-items">
        {topics.map((t, i) => (
          <li key={`${lab.revision}-${i}`} className="gr-item">
            <div className="form-grid">
              <TextField
                label={`Topic ${i + 1} name`}
                value={t.name}
                problem={problemAt(problems, `deniedTopics[${i}].name`)}
                onChange={(name) => editTopic(i, { name })}
              />
              <TextField
                label={`Topic ${i + 1} definition`}
                rows={2}
                value={t.definition}
                problem={problemAt(problems, `deniedTopics[${i}].definition`)}
                hint={`${t.definition.trim().length} of ${L.topicDefinition.max} characters.`}
                onChange={(definition) => editTopic(i, { definition })}
              />
            </div>
            <LinesField
              label={`Topic ${i + 1} sample phrases (one per line)`}
              items={t.examples}
              problem={problemAt(problems, `deniedTopics[${i}].examples`, true)}
              hint={`${plural(t.examples.length, 'phrase')} of at most ${L.topicExamples.max}.`}
              onChange={(examples) => editTopic(i, { examples })}
            />
            <button type="button" className="button" onClick={() => editTopic(i, null)}>
              Remove topic {i + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() =>
          editDefinition((d) => ({
            ...d,
            deniedTopics: [...d.deniedTopics, { name: '', definition: '', examples: [] }],
          }))
        }
      >
        Add a denied topic
      </button>
    </section>
  );
}
