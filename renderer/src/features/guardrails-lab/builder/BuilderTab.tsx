/**
 * The guardrail builder: every policy of Amazon Bedrock Guardrails with the console's names, the
 * request it becomes with every problem before sending, and the learner's guardrails on Bedrock.
 */
import { guardrailProblems } from '../../../../../shared/guardrail-builder';
import { ContentFiltersSection } from './ContentFiltersSection';
import { DetailsSection } from './DetailsSection';
import { GroundingSection } from './GroundingSection';
import { GuardrailList } from './GuardrailList';
import { startOver, useGuardrailLab } from './guardrail-store';
import { RequestPanel } from './RequestPanel';
import { SensitiveSection } from './SensitiveSection';
import { TopicsSection } from './TopicsSection';
import { WordsSection } from './WordsSection';

export function BuilderTab() {
  const lab = useGuardrailLab();
  const problems = guardrailProblems(lab.definition);
  const parts = { lab, problems };
  return (
    <div className="gr-builder">
      <div className="gr-builder-main">
        <div className="actions">
          <button type="button" className="button" onClick={() => startOver('reference')}>
            Start from the reference guardrail
          </button>
          <button type="button" className="button" onClick={() => startOver('empty')}>
            Start from nothing
          </button>
        </div>
        <DetailsSection {...parts} />
        <ContentFiltersSection {...parts} />
        <TopicsSection {...parts} />
        <WordsSection {...parts} />
        <SensitiveSection {...parts} />
        <GroundingSection {...parts} />
      </div>
      <div className="gr-builder-side">
        <RequestPanel {...parts} />
        <GuardrailList lab={lab} />
      </div>
    </div>
  );
}
