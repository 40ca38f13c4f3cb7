/**
 * The test bench's state, kept outside React so it outlives a tab switch: which guardrail and
 * version to apply, the single test (text as INPUT or OUTPUT, optionally a grounding source and
 * query) with its last result, and the built-in suite's last two runs (so a rerun after editing
 * the guardrail shows what changed).
 */
import { useSyncExternalStore } from 'react';
import {
  GUARDRAIL_SUITE,
  judgeGuardrailCase,
  type CaseVerdict,
  type GuardrailContentSource,
} from '../../../../../shared/guardrail-suite';
import type { ApplyGuardrailOutput } from '../../../../../shared/guardrails-contract';
import type { AppError } from '../../../../../shared/result';
import { call } from '../../../api';

export interface SingleForm {
  source: GuardrailContentSource;
  text: string;
  grounding: boolean;
  groundingSource: string;
  query: string;
}

export interface CaseOutcome {
  caseId: string;
  result: ApplyGuardrailOutput | null;
  verdict: CaseVerdict | null;
  error: AppError | null;
}

export interface SuiteRun {
  id: number;
  guardrail: string;
  version: string;
  outcomes: CaseOutcome[];
  done: boolean;
}

export interface BenchState {
  guardrailId: string;
  version: string;
  versions: string[];
  form: SingleForm;
  busy: boolean;
  result: (ApplyGuardrailOutput & { at: number }) | null;
  error: AppError | null;
  suite: SuiteRun | null;
  previous: SuiteRun | null;
}

let state: BenchState = {
  guardrailId: '',
  version: 'DRAFT',
  versions: ['DRAFT'],
  form: {
    source: 'INPUT',
    text: 'Please email my results to jane.doe@example.com and call me on 206-555-0100.',
    grounding: false,
    groundingSource: '',
    query: '',
  },
  busy: false,
  result: null,
  error: null,
  suite: null,
  previous: null,
};
const listeners = new Set<() => void>();
const set = (patch: Partial<BenchState>) => {
  state = { ...state, ...patch };
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useBench(): BenchState {
  return useSyncExternalStore(subscribe, () => state);
}

export function editForm(patch: Partial<SingleForm>): void {
  set({ form: { ...state.form, ...patch } });
}

/** Picks the guardrail to apply and reads its versions (DRAFT plus the numbered ones). */
export async function chooseGuardrail(id: string): Promise<void> {
  set({ guardrailId: id, version: 'DRAFT', versions: ['DRAFT'] });
  if (!id) return;
  const r = await call('listGuardrails', { guardrailIdentifier: id });
  if (r.ok && state.guardrailId === id) {
    const versions = r.value.guardrails.map((g) => g.version);
    set({ versions: versions.includes('DRAFT') ? versions : ['DRAFT', ...versions] });
  }
}

export function chooseVersion(version: string): void {
  set({ version });
}

const apply = (input: {
  source: GuardrailContentSource;
  text: string;
  groundingSource: string | null;
  query: string | null;
}) =>
  call('applyGuardrail', {
    guardrailIdentifier: state.guardrailId,
    guardrailVersion: state.version,
    ...input,
  });

export async function runSingle(): Promise<void> {
  const f = state.form;
  if (state.busy || !state.guardrailId || !f.text.trim()) return;
  set({ busy: true, error: null });
  const r = await apply({
    source: f.source,
    text: f.text,
    groundingSource: f.grounding ? f.groundingSource : null,
    query: f.grounding ? f.query : null,
  });
  if (r.ok) set({ result: { ...r.value, at: Date.now() } });
  else set({ error: r.error });
  set({ busy: false });
}

let runs = 0;

/** Runs every case of the built-in suite one after another; the last run becomes "previous". */
export async function runSuite(): Promise<void> {
  if (state.busy || !state.guardrailId) return;
  const run: SuiteRun = {
    id: ++runs,
    guardrail: state.guardrailId,
    version: state.version,
    outcomes: [],
    done: false,
  };
  set({ busy: true, previous: state.suite?.done ? state.suite : state.previous, suite: run });
  for (const testCase of GUARDRAIL_SUITE) {
    const { source, text, groundingSource, query } = testCase;
    const r = await apply({ source, text, groundingSource, query });
    const outcome: CaseOutcome = r.ok
      ? {
          caseId: testCase.id,
          result: r.value,
          verdict: judgeGuardrailCase(testCase, r.value.summary),
          error: null,
        }
      : { caseId: testCase.id, result: null, verdict: null, error: r.error };
    run.outcomes = [...run.outcomes, outcome];
    set({ suite: { ...run } });
  }
  set({ suite: { ...run, done: true }, busy: false });
}

let followed = '';

/**
 * Follows the builder: the guardrail it last created or opened becomes the one tested, and its
 * versions are read again after each write. Acts only when that changes, so a guardrail picked
 * here stays picked across tab switches.
 */
export function followBuilder(editingId: string | null, writes: number, firstListed?: string) {
  const key = `${editingId ?? ''}#${writes}`;
  if (key === followed) {
    if (!state.guardrailId && firstListed) void chooseGuardrail(firstListed);
    return;
  }
  followed = key;
  const id = editingId ?? (state.guardrailId || firstListed);
  if (id) void chooseGuardrail(id);
}
