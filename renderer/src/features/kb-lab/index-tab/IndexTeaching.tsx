/** What the Embeddings stage is in Bedrock's console and on the exam. */
export function IndexTeaching() {
  return (
    <aside className="card kb-teaching" aria-labelledby="kb-index-teaching">
      <h2 id="kb-index-teaching">Embeddings in Bedrock</h2>
      <p>
        In the console this is the <strong>Embeddings model</strong> you pick when you create a
        knowledge base; a <strong>sync</strong> of the data source embeds every chunk and writes the
        vectors to the vector store. Stratum does the same here, in this window, and keeps the
        vectors in IndexedDB.
      </p>
      <p>
        An embedding is a list of numbers that places a text by meaning: texts about the same thing
        get vectors pointing the same way, so cosine similarity finds chunks that answer a question
        even when they use other words.
      </p>
      <p>
        Titan Text Embeddings V2 returns 1,024, 512 or 256 dimensions (fewer: smaller and faster, a
        little less precise). Cohere Embed English v3 returns 1,024 and is told whether a text is a
        document or a query (<code>search_document</code> / <code>search_query</code>).
      </p>
      <p className="muted small">
        Exam task 3.1 (design considerations for applications that use foundation models):
        embeddings, vector databases and RAG. Every call here is in the invocation log with its
        cost.
      </p>
    </aside>
  );
}
