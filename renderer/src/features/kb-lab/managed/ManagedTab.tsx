/**
 * Knowledge base on Bedrock: Retrieve and RetrieveAndGenerate against a knowledge base the learner
 * owns, shown in the same chunk view as the local pipeline, beside what the managed service is.
 */
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { ManagedForm } from './ManagedForm';
import { ManagedResults } from './ManagedResults';
import { ManagedTeaching } from './ManagedTeaching';
import { useManagedKb } from './use-managed-kb';
import './managed.css';

export function ManagedTab() {
  const kb = useManagedKb();
  return (
    <div className="kb-managed">
      <div className="kb-managed-main">
        <ManagedForm kb={kb} />
        <ResultsRegion
          label="Knowledge base results"
          revealKey={kb.error ? `e${kb.error.message}` : (kb.result?.at ?? null)}
          announce={
            kb.error
              ? 'The knowledge base call failed.'
              : kb.result
                ? 'The knowledge base answered.'
                : null
          }
        >
          {kb.error ? (
            <ErrorPanel error={kb.error} />
          ) : kb.result ? (
            <ManagedResults result={kb.result} />
          ) : null}
        </ResultsRegion>
      </div>
      <ManagedTeaching />
    </div>
  );
}
