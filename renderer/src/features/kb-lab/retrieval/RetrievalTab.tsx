/** The Retrieval tab: a question, and the chunks three retrievers bring back, side by side. */
import { useKbCorpus, useKbSettings } from '../retrieval-api';
import { QuestionForm } from './QuestionForm';
import { ResultColumns } from './ResultColumns';
import { RetrievalTeaching } from './RetrievalTeaching';
import { useRetrieval } from './use-retrieval';

export function RetrievalTab() {
  const corpus = useKbCorpus();
  const { activeIndexId } = useKbSettings();
  const r = useRetrieval(corpus, activeIndexId);
  return (
    <div className="kb-retrieval stack">
      <div className="kb-retrieval-top">
        <QuestionForm
          form={r.form}
          update={r.update}
          problem={r.problem}
          busy={r.busy}
          onSubmit={() => void r.submit()}
        />
        <RetrievalTeaching />
      </div>
      {r.run ? <ResultColumns run={r.run} /> : null}
    </div>
  );
}
