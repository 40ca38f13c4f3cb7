/** What this stage is, what the console calls it, and which exam tasks it serves. */
export function AnswerTeaching() {
  return (
    <aside className="card kb-teaching" aria-label="About grounded answers">
      <h2>Grounding, visible</h2>
      <p>
        Retrieval-augmented generation puts the retrieved chunks into the prompt as numbered sources
        and asks the model to answer only from them, citing each. Open a citation to check the claim
        against the passage it names.
      </p>
      <p>
        <strong>Answer without retrieval</strong> asks the same question with no sources. The model
        then answers from its training data alone: it may be right, out of date or invented
        (hallucination), and it cannot point to where a claim came from.
      </p>
      <p>
        A citation to a source that was not given (such as [9] of 5) is flagged: the model made the
        reference up, so the sentence beside it is not grounded.
      </p>
      <p>
        In the console this is a knowledge base’s <strong>Test knowledge base</strong> window with{' '}
        <em>Generate responses</em> on: the answer cites its sources as footnotes, and the prompt
        that wraps the results can be replaced with your own template using{' '}
        <code>$search_results$</code>.
      </p>
      <p className="muted small">
        Exam task 3.1 (RAG, and how it grounds answers to reduce hallucination) and task 5.1 (source
        citation: knowing which document an answer came from, as data lineage does for data).
        Answers use your AWS account; the retrieval runs in Stratum.
      </p>
    </aside>
  );
}
