/**
 * Grounded answer: the retrieved chunks fill an editable prompt template as numbered sources, the
 * answer streams with citations that open the cited passage, and the same question answered with
 * no sources sits beside it.
 */
import { useMemo } from 'react';
import { choiceFor, isCallableTextModel, modelOptions } from '../../../../../shared/models';
import { useSettings } from '../../../app/settings-context';
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { plural } from '../../../lib/format';
import { useKbCorpus } from '../retrieval-api';
import { setAnswerForm, useAnswerForm } from './answer-form';
import { AnswerColumn } from './AnswerColumn';
import { AnswerTeaching } from './AnswerTeaching';
import { AskForm } from './AskForm';
import { RetrievedSources } from './RetrievedSources';
import { TemplateEditor } from './TemplateEditor';
import { useGroundedAnswer } from './use-grounded-answer';
import './answer.css';

export function AnswerTab() {
  const form = useAnswerForm();
  const corpus = useKbCorpus();
  const answer = useGroundedAnswer();
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(
    () => modelOptions(region, (m) => isCallableTextModel(m) && m.features.systemPrompt),
    [region],
  );
  const modelId = choiceFor(
    form.modelId || (state?.settings.aws.defaultTextModel ?? 'amazon.nova-micro-v1:0'),
    models,
  );
  const r = answer.retrieved;
  const asked = r !== null || answer.ungrounded !== null;
  return (
    <div className="kb-answer">
      <div className="kb-answer-main">
        <AskForm
          form={form}
          set={setAnswerForm}
          modelId={modelId}
          models={models}
          busy={answer.retrieving}
          streaming={answer.streaming}
          onAsk={() => void answer.ask(form, modelId, corpus)}
          onAskWithout={() => answer.askWithout(form, modelId)}
          onStop={answer.stop}
        />
        <TemplateEditor
          template={form.template}
          onChange={(template) => setAnswerForm({ template })}
        />
        {answer.problem ? <ErrorPanel error={answer.problem} /> : null}
        <ResultsRegion
          label="Grounded answer results"
          revealKey={r?.at ?? (answer.ungrounded ? 'without' : null)}
          announce={
            r ? `${plural(r.hits.length, 'source')} retrieved; the answer is streaming.` : null
          }
        >
          {asked ? (
            <div className="answer-columns">
              <AnswerColumn
                title="Grounded answer"
                description={
                  r
                    ? `From the ${plural(r.hits.length, 'source')} below, each cited by number.`
                    : 'Press “Retrieve and answer”.'
                }
                run={answer.grounded}
                sources={r?.hits ?? []}
                testId="grounded-answer"
              />
              <AnswerColumn
                title="Without retrieval"
                description={
                  answer.ungroundedQuestion
                    ? 'The same question with no sources: the model’s own knowledge, citing nothing real.'
                    : 'Press “Answer without retrieval” to compare.'
                }
                run={answer.ungrounded}
                sources={[]}
                testId="ungrounded-answer"
              />
            </div>
          ) : null}
          {r ? <RetrievedSources retrieved={r} /> : null}
        </ResultsRegion>
      </div>
      <AnswerTeaching />
    </div>
  );
}
