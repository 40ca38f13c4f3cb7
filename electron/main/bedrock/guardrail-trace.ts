/**
 * Turns the guardrail trace of a ConverseStream response (`metadata.trace.guardrail`, a
 * GuardrailTraceAssessment) into the compact summary the renderer shows: one finding per policy
 * entry of the input assessment and of every output assessment, plus the action reason and the
 * model output the guardrail saw. The result is parsed with the contract's schema, so anything
 * the service adds later is dropped rather than passed on unchecked.
 */
import type {
  GuardrailAssessment,
  GuardrailTraceAssessment,
} from '@aws-sdk/client-bedrock-runtime';
import {
  GuardrailTraceSummary,
  type GuardrailFinding,
  type GuardrailPolicy,
} from '../../../shared/guardrails';

const MAX_FINDINGS = 500;

function clip(value: string | undefined, max: number): string | null {
  if (value === undefined) return null;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

interface Entry {
  policy: GuardrailPolicy;
  name: string | undefined;
  action: string | undefined;
  detected?: boolean | undefined;
  confidence?: string | undefined;
  filterStrength?: string | undefined;
  match?: string | undefined;
  score?: number | undefined;
  threshold?: number | undefined;
}

/** Every policy entry of one assessment, in the order the API lists the policies. */
function entriesOf(assessment: GuardrailAssessment): Entry[] {
  const entries: Entry[] = [];
  for (const f of assessment.contentPolicy?.filters ?? []) {
    entries.push({
      policy: 'contentFilter',
      name: f.type,
      action: f.action,
      detected: f.detected,
      confidence: f.confidence,
      filterStrength: f.filterStrength,
    });
  }
  for (const t of assessment.topicPolicy?.topics ?? []) {
    entries.push({ policy: 'deniedTopic', name: t.name, action: t.action, detected: t.detected });
  }
  for (const w of assessment.wordPolicy?.customWords ?? []) {
    entries.push({
      policy: 'customWord',
      name: 'Custom word',
      action: w.action,
      detected: w.detected,
      match: w.match,
    });
  }
  for (const w of assessment.wordPolicy?.managedWordLists ?? []) {
    entries.push({
      policy: 'managedWordList',
      name: w.type,
      action: w.action,
      detected: w.detected,
      match: w.match,
    });
  }
  for (const p of assessment.sensitiveInformationPolicy?.piiEntities ?? []) {
    entries.push({
      policy: 'sensitiveInformation',
      name: p.type,
      action: p.action,
      detected: p.detected,
      match: p.match,
    });
  }
  for (const r of assessment.sensitiveInformationPolicy?.regexes ?? []) {
    entries.push({
      policy: 'regex',
      name: r.name ?? r.regex,
      action: r.action,
      detected: r.detected,
      match: r.match,
    });
  }
  for (const g of assessment.contextualGroundingPolicy?.filters ?? []) {
    entries.push({
      policy: 'contextualGrounding',
      name: g.type,
      action: g.action,
      detected: g.detected,
      score: g.score,
      threshold: g.threshold,
    });
  }
  return entries;
}

function toFinding(source: 'input' | 'output', e: Entry): GuardrailFinding {
  return {
    source,
    policy: e.policy,
    name: clip(e.name, 500) ?? 'Unnamed',
    action: clip(e.action, 50) ?? 'NONE',
    detected: e.detected ?? null,
    confidence: clip(e.confidence, 50),
    filterStrength: clip(e.filterStrength, 50),
    match: clip(e.match, 2000),
    score: typeof e.score === 'number' && Number.isFinite(e.score) ? e.score : null,
    threshold: typeof e.threshold === 'number' && Number.isFinite(e.threshold) ? e.threshold : null,
  };
}

/** The summary of one trace; `acted` is true when any policy blocked or anonymised content. */
export function summarizeGuardrailTrace(trace: GuardrailTraceAssessment): GuardrailTraceSummary {
  const findings: GuardrailFinding[] = [];
  for (const assessment of Object.values(trace.inputAssessment ?? {})) {
    findings.push(...entriesOf(assessment).map((e) => toFinding('input', e)));
  }
  for (const list of Object.values(trace.outputAssessments ?? {})) {
    for (const assessment of list) {
      findings.push(...entriesOf(assessment).map((e) => toFinding('output', e)));
    }
  }
  const kept = findings.slice(0, MAX_FINDINGS);
  return GuardrailTraceSummary.parse({
    acted: kept.some((f) => f.action !== 'NONE'),
    findings: kept,
    actionReason: clip(trace.actionReason, 4000),
    modelOutput: (trace.modelOutput ?? []).slice(0, 50).map((t) => clip(t, 200_000) ?? ''),
  });
}
