/** What retrieval is called in the console and on the exam. */
export function RetrievalTeaching() {
  return (
    <aside className="card kb-teaching" aria-labelledby="kb-retrieval-teaching">
      <h2 id="kb-retrieval-teaching">Retrieval in Bedrock</h2>
      <p>
        The console’s <strong>Test knowledge base</strong> window runs this step with “Generate
        responses” turned off; the API call is <code>Retrieve</code>. Its search type is semantic
        (vectors) or hybrid (vectors and words), and it returns a number of results you choose, like
        k here.
      </p>
      <p>
        Lexical search finds exact words (names, codes); vector search finds meaning in other words;
        hybrid keeps both. A reranker then reads question and chunk together to put the best answer
        first.
      </p>
      <p className="muted small">
        Exam task 3.1 (design considerations for applications that use foundation models): RAG,
        vector search and knowledge bases.
      </p>
    </aside>
  );
}
