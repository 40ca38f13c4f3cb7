/**
 * One item in full: prompt, reference, each candidate's response with its marks (cut by max
 * tokens, empty), its scores, and the token overlap with the reference highlighted for the chosen
 * metric. The texts are tokenised as the metric tokenises them (lower-case words for ROUGE,
 * sacreBLEU's 13a tokens for BLEU), so the highlight shows exactly what was counted.
 */
import { useState } from 'react';
import type { CandidateScores } from '../../../lib/eval';
import { formatDuration, formatUsdOrUnknown } from '../../../lib/format';
import type { EvalRunRow } from '../runs-store';
import { ItemScores } from './ItemScores';
import { OverlapText } from './OverlapText';
import { overlapOf, type OverlapMode } from './overlap';
import { SelectField } from '../../../components/choice-fields';

const MODES: { id: OverlapMode; label: string }[] = [
  { id: 'rouge1', label: 'ROUGE-1 (words)' },
  { id: 'rouge2', label: 'ROUGE-2 (word pairs)' },
  { id: 'rougeL', label: 'ROUGE-L (longest common subsequence)' },
  { id: 'bleu', label: 'BLEU (13a tokens, longest n-gram up to 4)' },
];

export function ItemDrill({
  run,
  itemId,
  scores,
}: {
  run: EvalRunRow;
  itemId: string;
  scores: readonly CandidateScores[];
}) {
  const [mode, setMode] = useState<OverlapMode>('rouge1');
  const item = run.items.find((i) => i.id === itemId);
  if (!item) return null;
  const reference = item.referenceResponse;
  return (
    <section className="card eval-drill" aria-labelledby="eval-drill-title">
      <h3 id="eval-drill-title">Item {item.id}</h3>
      <h4>Prompt</h4>
      <p className="eval-text">{item.prompt}</p>
      <h4>Reference</h4>
      <p className="eval-text">
        {reference ?? 'No reference: reference-based metrics do not apply.'}
      </p>
      {reference && run.dataset.task !== 'classification' ? (
        <SelectField
          label="Highlight the overlap counted by"
          value={mode}
          options={MODES.map((m) => ({ value: m.id, label: m.label }))}
          onChange={setMode}
        />
      ) : null}
      {run.candidates.map((c) => {
        const r = run.responses.find((x) => x.itemId === item.id && x.candidateId === c.id);
        const s = scores
          .find((x) => x.candidateId === c.id)
          ?.items.find((i) => i.itemId === item.id);
        const overlap =
          r && reference && run.dataset.task !== 'classification'
            ? overlapOf(r.text, reference, mode)
            : null;
        return (
          <div key={c.id} className="eval-drill-response">
            <h4>{c.label}</h4>
            {!r ? <p className="muted">No response yet.</p> : null}
            {r?.truncated ? <p className="badge badge-warn">Cut by max tokens</p> : null}
            {r?.empty ? <p className="badge badge-warn">Empty response</p> : null}
            {overlap ? (
              <>
                <p className="small muted eval-token-caption">
                  Response, as the metric tokenises it
                </p>
                <OverlapText tokens={overlap.response} label="Response tokens" />
                <p className="small muted eval-token-caption">
                  Reference, as the metric tokenises it
                </p>
                <OverlapText tokens={overlap.reference} label="Reference tokens" />
              </>
            ) : r ? (
              <p className="eval-text">{r.text}</p>
            ) : null}
            {s?.rouge && s.sentenceBleu ? (
              <ItemScores rouge={s.rouge} bleu={s.sentenceBleu} />
            ) : null}
            {s?.predicted !== undefined ? (
              <p className="small">
                Label read: {s.predicted} (reference {s.gold}):{' '}
                {s.values.accuracy ? 'right' : 'wrong'}.
              </p>
            ) : null}
            {r ? (
              <p className="small muted">
                {r.outputTokens ?? '?'} output tokens · {formatDuration(r.latencyMs)} ·{' '}
                {formatUsdOrUnknown(r.costUsd)} · stop reason {r.stopReason}
              </p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
