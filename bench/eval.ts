/**
 * Evaluation lab figures (issue 15), pure code in Node: every automatic generation metric (exact
 * match, token F1, ROUGE-1/2/L with precision, recall and F1, sentence BLEU and corpus BLEU) over
 * 1,000 response/reference pairs of about 200 words, through `scoreGeneration`, the one-pass
 * scoring the lab's worker (renderer/src/workers/eval-scoring.worker.ts) runs off the UI thread.
 * Here it is timed on the bench's own thread (median of runs after a warm-up; also in CPU time,
 * which other processes on a shared machine inflate less). Each text is tokenised once per
 * tokeniser, word by word with a cache, and n-grams are counted by integer id
 * (renderer/src/lib/eval/prepared.ts). Also the bootstrap intervals for six metrics (1,000
 * resamples each). Goal: all metrics under 200 ms.
 */
import { bootstrapMean, scoreGeneration, type GenerationPair } from '../renderer/src/lib/eval';
import { scoreRun, type RunScoringInput } from '../renderer/src/lib/eval/run-scoring';
import { createRng, type Rng } from '../shared/random';
import { median } from '../shared/statistics';
import { time } from './timing';

const PAIRS = 1_000;
const WORDS = 200;

function word(rng: Rng): string {
  // A Zipf-like vocabulary of 3,000 words, some with punctuation, as prose has.
  const rank = Math.floor(Math.pow(3_000, rng.next()));
  const w = `w${rank.toString(36)}`;
  const r = rng.next();
  return r < 0.05 ? `${w},` : r < 0.08 ? `${w}.` : w;
}

/** Pairs whose response keeps about 60% of the reference's words in order, the rest changed. */
export function evalPairs(seed = 15): GenerationPair[] {
  const rng = createRng(seed);
  return Array.from({ length: PAIRS }, (_, i) => {
    const reference = Array.from({ length: WORDS }, () => word(rng));
    const response = reference.map((w) => (rng.next() < 0.6 ? w : word(rng)));
    return { id: `p${i}`, response: response.join(' '), references: [reference.join(' ')] };
  });
}

/**
 * A whole run as the lab's worker scores it (`scoreRun`): the bench's 1,000 references, answered by
 * `RUN_CANDIDATES` candidates (each a different seeded rewrite), and robustness copies of the
 * first 200 items (the same references) answered by each candidate too.
 */
export const RUN_CANDIDATES = 4;
const ROBUSTNESS_COPIES = 200;

export function evalRunInput(): RunScoringInput {
  const base = evalPairs();
  const candidateIds = Array.from({ length: RUN_CANDIDATES }, (_, k) => `c${k}`);
  const copies = base.slice(0, ROBUSTNESS_COPIES).map((p) => ({
    id: `${p.id}-typos`,
    reference: p.references[0],
    perturbation: { of: p.id, kind: 'typos' as const },
  }));
  const items = [...base.map((p) => ({ id: p.id, reference: p.references[0] })), ...copies];
  const responses = candidateIds.flatMap((candidateId, k) => {
    const answers = evalPairs(100 + k);
    return items.map((item, i) => ({
      itemId: item.id,
      candidateId,
      text: (answers[i % PAIRS] as GenerationPair).response,
    }));
  });
  return { task: 'qa', items, candidateIds, responses, seed: 7 };
}

export interface EvalFigures {
  pairs: number;
  words: number;
  scoreMs: number;
  /** CPU time of the same runs (median): what the scoring costs when other processes share the cores. */
  scoreCpuMs: number;
  bootstrapMs: number;
  /** `scoreRun` over evalRunInput(): every candidate's metrics, intervals and robustness. */
  runMs: number;
  runCpuMs: number;
  corpusBleu: number;
  rougeL: number;
}

export function evalFigures(): EvalFigures {
  const pairs = evalPairs();
  const cpu: number[] = [];
  const scored = time(7, () => {
    const before = process.cpuUsage();
    const value = scoreGeneration(pairs);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    return value;
  });
  const metrics = ['exactMatch', 'tokenF1', 'rouge1', 'rouge2', 'rougeL'] as const;
  const boot = time(7, () => {
    for (const [k, m] of metrics.entries()) {
      bootstrapMean(
        scored.value.items.map((i) =>
          m === 'exactMatch' || m === 'tokenF1' ? i[m] : i.rouge[m].f1,
        ),
        { seed: k },
      );
    }
    bootstrapMean(
      scored.value.items.map((i) => i.sentenceBleu.score),
      { seed: 9 },
    );
  });
  const runInput = evalRunInput();
  const runCpu: number[] = [];
  const run = time(5, () => {
    const before = process.cpuUsage();
    scoreRun(runInput);
    const used = process.cpuUsage(before);
    runCpu.push((used.user + used.system) / 1000);
  });
  return {
    pairs: PAIRS,
    words: WORDS,
    scoreMs: scored.ms,
    scoreCpuMs: median(cpu.slice(1)) ?? NaN,
    bootstrapMs: boot.ms,
    runMs: run.ms,
    runCpuMs: median(runCpu.slice(1)) ?? NaN,
    corpusBleu: scored.value.corpusBleu.score,
    rougeL: scored.value.means.rougeL,
  };
}

export function printEval(f: EvalFigures): void {
  console.log(`\nEvaluation lab (${f.pairs} pairs of ${f.words} words; median)`);
  console.log(
    `  EM + token F1 + ROUGE-1/2/L + sentence BLEU + corpus BLEU  ${f.scoreMs.toFixed(1).padStart(6)} ms  (goal < 200 ms; corpus BLEU ${(f.corpusBleu * 100).toFixed(2)}, mean ROUGE-L F1 ${f.rougeL.toFixed(3)})`,
  );
  console.log(
    `    the same runs in CPU time (median; inflated less when other processes share the cores) ${f.scoreCpuMs.toFixed(1)} ms`,
  );
  console.log(
    `  bootstrap 95% intervals, 6 metrics x 1,000 resamples        ${f.bootstrapMs.toFixed(1).padStart(6)} ms`,
  );
  console.log(
    `  a whole run (scoreRun): ${RUN_CANDIDATES} candidates x ${f.pairs} items + ${ROBUSTNESS_COPIES} robustness copies  ${f.runMs.toFixed(1).padStart(6)} ms  (CPU ${f.runCpuMs.toFixed(1)} ms)`,
  );
}

// Run on its own: `npx tsx bench/eval.ts`.
if (process.argv[1]?.endsWith('eval.ts')) printEval(evalFigures());
