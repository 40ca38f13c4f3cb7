/** The built-in suite in one click, with what each case teaches and the grid of results. */
import { GUARDRAIL_SUITE } from '../../../../../shared/guardrail-suite';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { plural } from '../../../lib/format';
import { runSuite, type BenchState } from './bench-store';
import { SuiteGrid } from './SuiteGrid';

export function SuitePanel({ bench }: { bench: BenchState }) {
  const run = bench.suite;
  const passedCount = run?.outcomes.filter((o) => o.verdict?.passed).length ?? 0;
  const changed =
    run?.done && bench.previous
      ? run.outcomes.filter((o) => {
          const b = bench.previous?.outcomes.find((p) => p.caseId === o.caseId);
          return b?.verdict && o.verdict && b.verdict.passed !== o.verdict.passed;
        }).length
      : 0;
  return (
    <section className="card" aria-labelledby="gr-suite">
      <h2 id="gr-suite">Test suite</h2>
      <p className="hint">
        Exam-tied cases (a jailbreak, a prompt injection, PII in a prompt, a denied topic, an
        ungrounded answer and a harmless control) with the action the suite&apos;s reference
        guardrail should take. Edit the guardrail in the builder, update it and run again to see
        what changed.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={bench.busy || !bench.guardrailId}
          onClick={() => void runSuite()}
        >
          Run the suite ({plural(GUARDRAIL_SUITE.length, 'case')})
        </button>
      </div>
      <ResultsRegion
        label="Test suite results"
        revealKey={run?.done ? run.id : null}
        announce={run?.done ? `${passedCount} of ${GUARDRAIL_SUITE.length} cases passed.` : null}
      >
        {run ? (
          <>
            <p role="status" data-testid="suite-summary">
              {run.done
                ? `${passedCount} of ${GUARDRAIL_SUITE.length} cases passed`
                : `Running: ${run.outcomes.length} of ${GUARDRAIL_SUITE.length} done`}
              {run.done && bench.previous
                ? `; ${plural(changed, 'case')} changed since the previous run.`
                : '.'}
            </p>
            <SuiteGrid run={run} previous={bench.previous} />
          </>
        ) : null}
      </ResultsRegion>
    </section>
  );
}
