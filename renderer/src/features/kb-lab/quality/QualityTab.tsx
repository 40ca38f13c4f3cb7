/**
 * Retrieval quality: the bank as a labelled test set; recall@1, recall@5 and MRR per chunking for
 * lexical retrieval (computed here, offline) and for vector, hybrid and reranked retrieval (run on
 * demand against a vector index, cost shown first), as a chart and a table.
 */
import { useEffect, useState } from 'react';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { formatCount } from '../../../lib/format';
import { TEST_QUESTIONS } from './bank';
import { startDefaultLexical } from './lexical-runner';
import { LiveRunPanel } from './LiveRunPanel';
import { QualityChart } from './QualityChart';
import { METRICS, qualityRows, type Metric } from './quality-rows';
import { useQuality } from './quality-store';
import { QualityTable } from './QualityTable';
import { QualityTeaching } from './QualityTeaching';
import { useLivePanel } from './use-live-panel';
import './quality.css';

/** A strategy's label inside a sentence: "Hierarchical, parent…" -> "hierarchical, parent…". */
const sentenceCase = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

export function QualityTab() {
  const quality = useQuality();
  const panel = useLivePanel();
  const [metric, setMetric] = useState<Metric>('recallAt5');
  useEffect(() => startDefaultLexical(), []);
  const rows = qualityRows(quality);
  const computing = quality.lexical.find((r) => r.status !== 'done');
  return (
    <div className="kb-quality">
      <div className="kb-quality-main">
        <section className="card" aria-labelledby="quality-heading">
          <h2 id="quality-heading">Retrieval quality over the question bank</h2>
          <p className="muted small">
            {formatCount(TEST_QUESTIONS.length)} bank questions, each asked as a query; the right
            answer is the chunk holding the passage it quotes. Lexical figures are computed here
            without Bedrock.
            {computing?.progress
              ? ` Now computing: ${sentenceCase(computing.label)} (${computing.progress.stage} ${formatCount(computing.progress.done)} of ${formatCount(computing.progress.total)})…`
              : ''}
          </p>
          <fieldset className="metric-choice">
            <legend>Chart</legend>
            {METRICS.map((m) => (
              <label key={m.id}>
                <input
                  type="radio"
                  name="quality-metric"
                  checked={metric === m.id}
                  onChange={() => setMetric(m.id)}
                />{' '}
                {m.label}
              </label>
            ))}
          </fieldset>
          <ResultsRegion
            label="Retrieval quality figures"
            revealKey={null}
            announce={computing ? null : 'Lexical figures computed for every chunking.'}
          >
            <QualityChart rows={rows} metric={metric} />
            <QualityTable rows={rows} />
          </ResultsRegion>
        </section>
        <section className="card" aria-labelledby="live-heading">
          <h2 id="live-heading">Vector, hybrid and reranked figures</h2>
          <p className="muted small">
            These need Bedrock: every bank question is embedded with the index’s model, and
            reranking calls the Rerank API once per question. The cost is shown before you run.
          </p>
          <LiveRunPanel panel={panel} />
        </section>
      </div>
      <QualityTeaching />
    </div>
  );
}
