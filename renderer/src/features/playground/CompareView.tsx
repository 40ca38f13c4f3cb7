/**
 * The Playground's Compare view: one prompt sent to two or three models (or to one model at
 * several temperatures) at the same time, each answer streamed into its own column with its time
 * to first token, total time, tokens, cost and stop reason. "Run 5 times" repeats every column
 * (one after another within a column, columns in parallel) to show how much the answers vary.
 *
 * A container: the form is a reducer (compare/compare-form.ts), the batch a store outside React
 * (compare/compare-store.ts), and the parts live in compare/.
 */
import { useMemo, useReducer, useState } from 'react';
import { choiceFor } from '../../../../shared/models';
import { DEFAULT_TEXT_MODEL } from '../../../../shared/settings';
import { useSettings } from '../../app/settings-context';
import { useStreamHandles } from '../../streams/use-stream-handles';
import { columnsOf, formProblem, formReducer, initialForm } from './compare/compare-form';
import { createCompareStore, useBatchRunning } from './compare/compare-store';
import { CompareResults } from './compare/CompareResults';
import { CompareSettings } from './compare/CompareSettings';
import { useCompareModels } from './compare/model-choices';
import './compare-log.css';

const DEFAULT_MODELS = [
  'amazon.nova-micro-v1:0',
  'amazon.nova-lite-v1:0',
  'anthropic.claude-haiku-4-5-20251001-v1:0',
];

export function CompareView() {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const options = useCompareModels(region);
  const [form, dispatch] = useReducer(formReducer, null, () =>
    initialForm(
      DEFAULT_MODELS.map((id) => choiceFor(id, options)),
      choiceFor(state?.settings.aws.defaultTextModel ?? DEFAULT_TEXT_MODEL, options),
    ),
  );
  const [store] = useState(createCompareStore);
  const handles = useStreamHandles();
  const running = useBatchRunning(store);
  // Each column calls its model by the id chosen for the region, whichever form of the id is held.
  const columns = useMemo(
    () => columnsOf(form).map((c) => ({ ...c, modelId: choiceFor(c.modelId, options) })),
    [form, options],
  );
  const problem = formProblem(form, columns);

  const run = (runsPerColumn: number) => {
    if (problem || running) return;
    store.start(
      {
        mode: form.mode,
        columns,
        runsPerColumn,
        system: form.system,
        prompt: form.prompt,
        maxTokens: form.maxTokens,
      },
      handles,
    );
  };

  return (
    <div className="compare">
      <CompareSettings
        form={form}
        dispatch={dispatch}
        columns={columns}
        options={options}
        running={running}
        problem={problem}
        onRun={run}
        onStop={() => store.stop()}
      />
      <CompareResults store={store} />
    </div>
  );
}
