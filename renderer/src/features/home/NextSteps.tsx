import { Link } from 'wouter';

/** A link to every screen, with a line on what it is for. */
export function NextSteps() {
  return (
    <section className="card" aria-labelledby="next-heading">
      <h2 id="next-heading">What you can do here</h2>
      <ul className="links">
        <li>
          <Link href="/notes">Read the notes</Link>
          <span className="muted">
            Every task statement of the exam, with exam tips and comparison tables. Search them with
            Ctrl/⌘+K.
          </span>
        </li>
        <li>
          <Link href="/glossary">Look up a term</Link>
          <span className="muted">The glossary links each term to the note that explains it.</span>
        </li>
        <li>
          <Link href="/practice">Practise with exam-style questions</Link>
          <span className="muted">
            Over 400 original questions in all five of the exam’s formats, case studies included,
            each explained, filtered by domain or by what you missed;{' '}
            <Link href="/practice/review">spaced review</Link>, a timed{' '}
            <Link href="/practice/exam">mock exam</Link>, your{' '}
            <Link href="/practice/stats">stats</Link>, and new questions written by Bedrock from the
            notes.
          </span>
        </li>
        <li>
          <Link href="/token-lab">See how a model picks its next word</Link>
          <span className="muted">
            Temperature, top-k and top-p, step by step, on examples, a model trained on the notes,
            or a real model on Bedrock.
          </span>
        </li>
        <li>
          <Link href="/diffusion-lab">Watch diffusion turn noise into an image</Link>
          <span className="muted">
            Add noise, remove it again with real maths, and generate images on Bedrock.
          </span>
        </li>
        <li>
          <Link href="/knowledge-bases">Build a knowledge base from the notes</Link>
          <span className="muted">
            Retrieval-augmented generation stage by stage: chunking, embeddings, retrieval, a
            grounded answer with citations, retrieval quality, and your own knowledge base on
            Bedrock.
          </span>
        </li>
        <li>
          <Link href="/evaluation">Evaluate models</Link>
          <span className="muted">
            Automatic metrics over a dataset, a model as the judge, you as the human reviewer, and
            evaluation jobs on Bedrock.
          </span>
        </li>
        <li>
          <Link href="/guardrails">Build guardrails and watch agents</Link>
          <span className="muted">
            Build a Bedrock guardrail and test it without calling a model; follow an agent as it
            reasons, calls tools and answers.
          </span>
        </li>
        <li>
          <Link href="/customization">Customize a model</Link>
          <span className="muted">
            Build and check fine-tuning datasets, compare what customization costs against on-demand
            use, and run a customization job on Bedrock.
          </span>
        </li>
        <li>
          <Link href="/models">Compare Bedrock models</Link>
          <span className="muted">
            Providers, modalities, context windows and on-demand prices: the criteria task 3.1 asks
            you to weigh.
          </span>
        </li>
        <li>
          <Link href="/playground">Experiment with models on Bedrock</Link>
          <span className="muted">
            Streaming chat, side-by-side comparisons, prompt techniques, guardrails, and a log of
            every call with its latency, tokens and cost.
          </span>
        </li>
        <li>
          <Link href="/settings">Connect your AWS account</Link>
          <span className="muted">Pick a profile and region, then test the connection.</span>
        </li>
      </ul>
    </section>
  );
}
