/** What these figures mean, where they come from, and which exam tasks they serve. */
export function QualityTeaching() {
  return (
    <aside className="card kb-teaching" aria-label="About retrieval quality">
      <h2>Measuring retrieval</h2>
      <p>
        Every bank question quotes a passage of its note word for word, so the chunk holding that
        passage is the right one to retrieve: the bank is a labelled test set with no extra work.
      </p>
      <dl className="kb-terms">
        <dt>Recall@k</dt>
        <dd>The share of questions whose right chunk is among the first k retrieved.</dd>
        <dt>MRR</dt>
        <dd>
          Mean reciprocal rank: 1 when the right chunk comes first, ½ when second, 0 when it is not
          in the top 10, averaged over the questions.
        </dd>
      </dl>
      <p>
        Bigger chunks make the right one easier to find (one chunk per note is nearly always
        “right”) but give the model more text that does not answer, and cost more tokens per
        question: chunking is a trade-off to measure, not a default to trust. Hierarchical chunking
        is scored as Bedrock serves it: the small children are matched, and each hit is returned as
        its larger parent, so its figures count parents.
      </p>
      <p>
        In the console, a knowledge base’s chunking strategy is chosen when you connect a data
        source and cannot be changed afterwards, so measure before you choose. Amazon Bedrock
        Evaluations can also score a knowledge base’s retrieval (for example context relevance and
        context coverage).
      </p>
      <p className="muted small">
        Exam task 3.1 (chunking, embeddings and vector search for RAG) and task 3.4 (evaluating a
        foundation model application with metrics).
      </p>
    </aside>
  );
}
