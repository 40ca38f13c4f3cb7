import { lazy, Suspense, useState } from 'react';
import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import type { AppError } from '../../../../shared/result';
import { useSettings } from '../../app/settings-context';
import { ConnectionResult, ErrorPanel } from '../../components/ConnectionStatus';
import { ScreenHeading } from '../../components/ScreenHeading';

// The notes corpus is a lazy chunk: Home paints first, then the reading card fills in.
const ReadingProgress = lazy(() => import('../notes/ReadingProgress'));

function ConnectionCard() {
  const { state, loadError, testConnection, testing } = useSettings();
  const [error, setError] = useState<AppError | null>(null);
  const last = state?.settings.lastConnection ?? null;
  const aws = state?.settings.aws;

  const run = async () => {
    setError(null);
    setError(await testConnection());
  };

  return (
    <section className="card" aria-labelledby="aws-heading">
      <h2 id="aws-heading">Amazon Bedrock</h2>
      <p className="muted">
        Notes, search and the labs work offline. Connecting lets the labs run live experiments on
        Amazon Bedrock with your own AWS account.
      </p>
      {loadError ? <ErrorPanel error={loadError} /> : null}
      {aws ? (
        <dl className="facts">
          <div>
            <dt>Credentials</dt>
            <dd>{aws.profile ? `Profile “${aws.profile}”` : 'Environment / default chain'}</dd>
          </div>
          <div>
            <dt>Region</dt>
            <dd>{aws.region}</dd>
          </div>
        </dl>
      ) : null}
      <div aria-live="polite">
        {error ? <ErrorPanel error={error} /> : null}
        {!error && last ? <ConnectionResult check={last} /> : null}
        {!error && !last && state ? (
          <p className="status status-idle" data-testid="connection-result">
            Not tested yet. Testing sends one tiny request (one output token) to Bedrock.
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => void run()}
          disabled={testing || !state}
        >
          {testing ? 'Testing…' : 'Test connection'}
        </button>
        <Link href="/settings" className="button">
          Settings
        </Link>
      </div>
    </section>
  );
}

function ExamCard() {
  const { exam, domains } = EXAM_GUIDE;
  return (
    <section className="card" aria-labelledby="exam-heading">
      <h2 id="exam-heading">The exam at a glance</h2>
      <dl className="facts facts-row">
        <div>
          <dt>Questions</dt>
          <dd>
            {exam.questions} <small>({exam.scoredQuestions} scored)</small>
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{exam.minutes} min</dd>
        </div>
        <div>
          <dt>Pass mark</dt>
          <dd>
            {exam.passingScore} <small>of {exam.scaledScoreMax}</small>
          </dd>
        </div>
      </dl>
      <h3>Domains and weights</h3>
      <ol className="domains">
        {domains.map((d) => (
          <li key={d.id}>
            <div className="domain-label">
              <span>
                {d.id}. {d.title}
              </span>
              <span className="weight">{d.weight}%</span>
            </div>
            <div
              className="bar"
              role="img"
              aria-label={`Domain ${d.id} is ${d.weight} percent of the scored content`}
            >
              <span style={{ width: `${(d.weight / 30) * 100}%` }} />
            </div>
            <p className="muted small">Tasks {d.tasks.map((t) => t.id).join(', ')}</p>
          </li>
        ))}
      </ol>
      <p className="muted small">
        Exam guide version {exam.guideVersion} ({exam.guidePublished}). Scoring is compensatory:
        there is no minimum per domain, and wrong answers cost nothing extra.
      </p>
    </section>
  );
}

function NextSteps() {
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
            Over 200 original questions in the exam’s four formats, each explained, filtered by
            domain or by what you missed; <Link href="/practice/review">spaced review</Link>, a
            timed <Link href="/practice/exam">mock exam</Link>, your{' '}
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

export function Home() {
  return (
    <section className="screen">
      <header className="screen-header">
        <ScreenHeading>Welcome to Stratum</ScreenHeading>
        <p className="lede">
          Your study companion for the {EXAM_GUIDE.exam.name} exam ({EXAM_GUIDE.exam.code}).
        </p>
      </header>
      <div className="grid">
        <div className="stack">
          <Suspense fallback={<section className="card" aria-busy="true" />}>
            <ReadingProgress />
          </Suspense>
          <ConnectionCard />
        </div>
        <div className="stack">
          <ExamCard />
          <NextSteps />
        </div>
      </div>
    </section>
  );
}
