/**
 * Agreement between two raters (the judge model and the learner): Cohen's kappa,
 * kappa = (p_o - p_e) / (1 - p_e), where p_o is the share of items both rate the same and p_e the
 * share expected by chance from each rater's own label frequencies (Cohen 1960). With
 * `weights: 'linear' | 'quadratic'` it is the weighted kappa for ordinal labels (1-5 ratings), as
 * scikit-learn's `cohen_kappa_score(a, b, weights=...)` computes it: 1 - sum(w * O) / sum(w * E)
 * with w_ij = |i - j| or (i - j)^2 over the sorted label set.
 */

export type KappaWeights = 'none' | 'linear' | 'quadratic';

export interface Kappa {
  kappa: number;
  /** Items rated by both. */
  n: number;
  /** Share of items with the same label (p_o). */
  observed: number;
  /** Share expected by chance (p_e), unweighted. */
  expected: number;
  labels: string[];
}

export type KappaResult = { ok: true; value: Kappa } | { ok: false; reason: string };

function sortLabels(labels: Iterable<string>): string[] {
  return [...new Set(labels)].sort((a, b) => {
    const na = Number(a);
    const nb = Number(b);
    return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.localeCompare(b);
  });
}

/** Cohen's kappa over paired labels (`a[i]` and `b[i]` rate the same item). */
export function cohenKappa(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
  weights: KappaWeights = 'none',
): KappaResult {
  if (a.length !== b.length)
    return { ok: false, reason: 'The two raters rated different numbers of items.' };
  const n = a.length;
  if (n === 0) return { ok: false, reason: 'No item has been rated by both yet.' };
  const x = a.map(String);
  const y = b.map(String);
  const labels = sortLabels([...x, ...y]);
  const index = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rowTotals = new Array<number>(k).fill(0);
  const colTotals = new Array<number>(k).fill(0);
  let same = 0;
  for (let i = 0; i < n; i++) {
    const r = index.get(x[i] as string) as number;
    const c = index.get(y[i] as string) as number;
    (observed[r] as number[])[c]! += 1;
    rowTotals[r]! += 1;
    colTotals[c]! += 1;
    if (r === c) same++;
  }
  const weight = (i: number, j: number): number =>
    weights === 'linear'
      ? Math.abs(i - j)
      : weights === 'quadratic'
        ? (i - j) ** 2
        : i === j
          ? 0
          : 1;
  let disagreeObserved = 0;
  let disagreeExpected = 0;
  let expectedSame = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const e = ((rowTotals[i] as number) * (colTotals[j] as number)) / n;
      disagreeObserved += weight(i, j) * (observed[i] as number[])[j]!;
      disagreeExpected += weight(i, j) * e;
      if (i === j) expectedSame += e / n;
    }
  }
  if (disagreeExpected === 0) {
    return {
      ok: false,
      reason:
        'Kappa is undefined here: both raters used a single label, so chance agreement is already 100%.',
    };
  }
  return {
    ok: true,
    value: {
      kappa: 1 - disagreeObserved / disagreeExpected,
      n,
      observed: same / n,
      expected: expectedSame,
      labels,
    },
  };
}

/** Landis and Koch's (1977) words for a kappa, as commonly quoted. */
export function describeKappa(kappa: number): string {
  if (kappa < 0) return 'less than chance agreement';
  if (kappa <= 0.2) return 'slight agreement';
  if (kappa <= 0.4) return 'fair agreement';
  if (kappa <= 0.6) return 'moderate agreement';
  if (kappa <= 0.8) return 'substantial agreement';
  return 'almost perfect agreement';
}
