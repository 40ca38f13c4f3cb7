/**
 * The test bench: text through ApplyGuardrail (no model called) as a prompt or an answer, each
 * policy's assessment and the units billed, and the built-in suite's pass/fail grid.
 */
import { useEffect } from 'react';
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { refreshGuardrails, useGuardrailLab } from '../builder/guardrail-store';
import { followBuilder, useBench } from './bench-store';
import { RunResult } from './RunResult';
import { SingleTest } from './SingleTest';
import { SuitePanel } from './SuitePanel';
import { TargetPicker } from './TargetPicker';

export function BenchTab() {
  const lab = useGuardrailLab();
  const bench = useBench();
  useEffect(() => {
    if (lab.guardrails === null) void refreshGuardrails();
  }, [lab.guardrails]);
  const first = lab.guardrails?.[0]?.id;
  useEffect(
    () => followBuilder(lab.editingId, lab.writes, first),
    [lab.editingId, lab.writes, first],
  );
  return (
    <div className="gr-bench">
      <div className="gr-bench-main">
        <TargetPicker lab={lab} bench={bench} />
      </div>
      <div className="gr-bench-side">
        <SingleTest bench={bench} />
      </div>
      <div className="gr-bench-wide">
        <ResultsRegion
          label="Guardrail result"
          revealKey={bench.error ? `e${bench.error.message}` : (bench.result?.at ?? null)}
          announce={
            bench.error
              ? 'ApplyGuardrail failed.'
              : bench.result
                ? `Action: ${bench.result.summary.action}.`
                : null
          }
        >
          {bench.error ? <ErrorPanel error={bench.error} /> : null}
          {bench.result && !bench.error ? (
            <section className="card" aria-label="Result">
              <RunResult result={bench.result} />
            </section>
          ) : null}
        </ResultsRegion>
      </div>
      <div className="gr-bench-wide">
        <SuitePanel bench={bench} />
      </div>
    </div>
  );
}
