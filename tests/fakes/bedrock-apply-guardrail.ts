/**
 * ApplyGuardrail in the fake (Bedrock Runtime, `POST /guardrail/{id}/version/{version}/apply`):
 * the request is checked like the service model says (source INPUT|OUTPUT, 1+ text content
 * blocks, qualifiers grounding_source|query|guard_content, outputScope INTERVENTIONS|FULL) and the
 * assessment is computed from the guardrail's configuration (see the README's "Guardrails" rules):
 *
 * - word filters, custom regexes and PII (EMAIL, PHONE, US_SOCIAL_SECURITY_NUMBER, IP_ADDRESS,
 *   AWS_ACCESS_KEY, URL) are matched for real; ANONYMIZE masks each match as `{TYPE}` (or
 *   `{regex name}`), BLOCK replaces the whole text by the blocked message;
 * - content filters: a marker `[[HATE:HIGH]]` (any filter type, confidence LOW|MEDIUM|HIGH) sets a
 *   confidence; without one, PROMPT_ATTACK is HIGH when the text contains a known jailbreak or
 *   injection phrase. A filter blocks when its strength reaches the confidence (HIGH strength
 *   blocks LOW, MEDIUM and HIGH; MEDIUM blocks MEDIUM and HIGH; LOW blocks HIGH only);
 * - denied topics: a marker `[[topic:Name]]`, or a text sharing 3 content words with a sample
 *   phrase or the definition (at least 2 with a sample phrase of four or fewer content words);
 * - contextual grounding: grounding = share of the answer's content words found in the source,
 *   relevance = share of the query's content words found in the answer (crude stemming, stop
 *   words left out), each blocking below its threshold.
 */
import { BedrockError, constraintError, validationError } from './bedrock-errors.js';
import type { GuardrailConfig, GuardrailStore } from './bedrock-guardrails-control.js';
import { isRecord, type JsonObject } from './json.js';

const LEVELS = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
const PROFANITY = ['damn', 'crap', 'bloody', 'bastard', 'bollocks'];
const ATTACK_PHRASES = [
  /ignore (all )?(previous|prior|above) instructions/i,
  /do anything now/i,
  /developer mode/i,
  /no rules/i,
  /reveal (your )?system prompt/i,
  /jailbreak/i,
];
const PII_PATTERNS: Record<string, RegExp> = {
  EMAIL: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  US_SOCIAL_SECURITY_NUMBER: /\b\d{3}-\d{2}-\d{4}\b/g,
  PHONE: /(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)|\b\d{3})[ .-]?\d{3}[ .-]?\d{4}\b/g,
  IP_ADDRESS: /\b(?:\d{1,3}\.){3}\d{1,3}\b/g,
  AWS_ACCESS_KEY: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  URL: /\bhttps?:\/\/[^\s]+/g,
};
const STOP = new Set(
  'a an the and or but if of to in on at by for with from is are was were be been it its this that these those i you he she we they me my your our their what which who whom how when where why can could should would will shall do does did have has had not no yes so as than then there here into about over after before all any each more most some such only own same too very just also may might must get got already'.split(
    ' ',
  ),
);

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => !STOP.has(w)).map(stem));
}

const share = (of: Set<string>, within: Set<string>) =>
  of.size === 0 ? 0 : [...of].filter((w) => within.has(w)).length / of.size;

interface Content {
  guard: string;
  source: string | null;
  query: string | null;
}

function readRequest(body: unknown): {
  source: 'INPUT' | 'OUTPUT';
  scope: string;
  content: Content;
} {
  if (!isRecord(body)) throw validationError('The request body must be a JSON object.');
  const source = body['source'];
  if (source !== 'INPUT' && source !== 'OUTPUT') {
    throw constraintError('source', source, 'Member must satisfy enum value set: [INPUT, OUTPUT]');
  }
  const scope = body['outputScope'] ?? 'INTERVENTIONS';
  if (scope !== 'INTERVENTIONS' && scope !== 'FULL') {
    throw constraintError(
      'outputScope',
      scope,
      'Member must satisfy enum value set: [INTERVENTIONS, FULL]',
    );
  }
  const blocks = body['content'];
  if (!Array.isArray(blocks) || blocks.length === 0) {
    throw constraintError('content', blocks, 'Member must not be null');
  }
  const guard: string[] = [];
  let groundingSource: string | null = null;
  let query: string | null = null;
  for (const block of blocks) {
    const text = isRecord(block) && isRecord(block['text']) ? block['text'] : null;
    if (!text || typeof text['text'] !== 'string') {
      throw validationError('The fake ApplyGuardrail takes text content blocks only.');
    }
    const qualifiers = Array.isArray(text['qualifiers']) ? text['qualifiers'] : [];
    for (const q of qualifiers) {
      if (!['grounding_source', 'query', 'guard_content'].includes(String(q))) {
        throw constraintError(
          'qualifiers',
          q,
          'Member must satisfy enum value set: [grounding_source, query, guard_content]',
        );
      }
    }
    if (qualifiers.includes('grounding_source')) groundingSource = text['text'];
    else if (qualifiers.includes('query')) query = text['text'];
    else guard.push(text['text']);
  }
  return { source, scope, content: { guard: guard.join('\n'), source: groundingSource, query } };
}

const blocks = (strength: string, confidence: string) =>
  confidence !== 'NONE' &&
  strength !== 'NONE' &&
  LEVELS.indexOf(confidence as (typeof LEVELS)[number]) >=
    LEVELS.length - LEVELS.indexOf(strength as (typeof LEVELS)[number]);

function contentPolicy(c: GuardrailConfig, text: string, source: string, full: boolean) {
  const filters = c.contentPolicyConfig?.filtersConfig ?? [];
  const out = filters.flatMap((f) => {
    const type = String(f['type']);
    const marker = new RegExp(`\\[\\[${type}:(LOW|MEDIUM|HIGH)\\]\\]`).exec(text);
    const attack = type === 'PROMPT_ATTACK' && ATTACK_PHRASES.some((p) => p.test(text));
    const confidence = marker?.[1] ?? (attack ? 'HIGH' : 'NONE');
    const strength = String(source === 'INPUT' ? f['inputStrength'] : f['outputStrength']);
    const blocked = blocks(strength, confidence);
    if (!full && !blocked) return [];
    return [
      {
        type,
        confidence,
        filterStrength: strength,
        action: blocked ? 'BLOCKED' : 'NONE',
        detected: blocked,
      },
    ];
  });
  return filters.length ? { filters: out } : undefined;
}

function topicPolicy(c: GuardrailConfig, text: string, full: boolean) {
  const topics = c.topicPolicyConfig?.topicsConfig ?? [];
  const words = contentWords(text);
  const out = topics.flatMap((t) => {
    const name = String(t['name']);
    const marked = text.includes(`[[topic:${name}]]`);
    const phrases = [...(Array.isArray(t['examples']) ? t['examples'] : []), t['definition']].map(
      (p) => contentWords(String(p)),
    );
    const near = phrases.some((p) => {
      const hits = [...p].filter((w) => words.has(w)).length;
      return hits >= 3 || (p.size <= 4 && hits >= 2);
    });
    const detected = marked || near;
    if (!full && !detected) return [];
    return [{ name, type: 'DENY', action: detected ? 'BLOCKED' : 'NONE', detected }];
  });
  return topics.length ? { topics: out } : undefined;
}

function wordPolicy(c: GuardrailConfig, text: string) {
  const p = c.wordPolicyConfig;
  if (!p) return undefined;
  const find = (word: string) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'i').exec(text)?.[0] ?? null;
  };
  const customWords = (p.wordsConfig ?? []).flatMap((w) => {
    const match = find(String(w['text']));
    return match ? [{ match, action: 'BLOCKED', detected: true }] : [];
  });
  const managedWordLists = (p.managedWordListsConfig ?? []).length
    ? PROFANITY.flatMap((w) => {
        const match = find(w);
        return match ? [{ match, type: 'PROFANITY', action: 'BLOCKED', detected: true }] : [];
      })
    : [];
  return { customWords, managedWordLists };
}

const PAST = { BLOCK: 'BLOCKED', ANONYMIZE: 'ANONYMIZED', NONE: 'NONE' } as Record<string, string>;

function sensitivePolicy(c: GuardrailConfig, text: string) {
  const p = c.sensitiveInformationPolicyConfig;
  if (!p) return { policy: undefined, masked: text };
  const masks: { start: number; end: number; tag: string }[] = [];
  const piiEntities = (p.piiEntitiesConfig ?? []).flatMap((e) => {
    const pattern = PII_PATTERNS[String(e['type'])];
    if (!pattern) return [];
    return [...text.matchAll(pattern)].map((m) => {
      const action = PAST[String(e['action'])] ?? 'NONE';
      if (action === 'ANONYMIZED')
        masks.push({ start: m.index, end: m.index + m[0].length, tag: `{${String(e['type'])}}` });
      return { match: m[0], type: String(e['type']), action, detected: true };
    });
  });
  const regexes = (p.regexesConfig ?? []).flatMap((r) => {
    const name = String(r['name']);
    return [...text.matchAll(new RegExp(String(r['pattern']), 'g'))]
      .filter((m) => m[0].length > 0)
      .map((m) => {
        const action = PAST[String(r['action'])] ?? 'NONE';
        if (action === 'ANONYMIZED')
          masks.push({ start: m.index, end: m.index + m[0].length, tag: `{${name}}` });
        return { name, match: m[0], regex: String(r['pattern']), action, detected: true };
      });
  });
  let masked = text;
  const taken: typeof masks = [];
  for (const m of masks.sort((a, b) => a.start - b.start)) {
    if (taken.some((t) => m.start < t.end && t.start < m.end)) continue;
    taken.push(m);
  }
  for (const m of taken.reverse()) masked = masked.slice(0, m.start) + m.tag + masked.slice(m.end);
  return { policy: { piiEntities, regexes }, masked };
}

function groundingPolicy(c: GuardrailConfig, content: Content) {
  const filters = c.contextualGroundingPolicyConfig?.filtersConfig ?? [];
  if (!filters.length || content.source === null || content.query === null) return undefined;
  const answer = contentWords(content.guard);
  const scores: Record<string, number> = {
    GROUNDING: share(answer, contentWords(content.source)),
    RELEVANCE: share(contentWords(content.query), answer),
  };
  return {
    filters: filters.map((f) => {
      const type = String(f['type']);
      const threshold = Number(f['threshold']);
      const score = Math.round((scores[type] ?? 0) * 100) / 100;
      const blocked = score < threshold;
      return { type, threshold, score, action: blocked ? 'BLOCKED' : 'NONE', detected: blocked };
    }),
  };
}

const units = (chars: number, on: boolean) => (on ? Math.max(1, Math.ceil(chars / 1000)) : 0);

/**
 * The ApplyGuardrail response for `body` against the guardrail `identifier` at `version`.
 * Long on purpose: it reads the request, runs each policy and assembles the response in order.
 */
export function applyGuardrail(
  store: GuardrailStore,
  identifier: string,
  version: string,
  body: unknown,
  region: string,
): JsonObject {
  if (store.accessDenied) {
    throw new BedrockError(
      'AccessDeniedException',
      'User is not authorized to perform: bedrock:ApplyGuardrail',
    );
  }
  const g = store.find(identifier, region);
  const config = store.snapshot(g, version).config;
  const { source, scope, content } = readRequest(body);
  const full = scope === 'FULL';
  const text = content.guard;
  const started = Date.now();
  const topic = topicPolicy(config, text, full);
  const contentP = contentPolicy(config, text, source, full);
  const word = wordPolicy(config, text);
  const sensitive = sensitivePolicy(config, text);
  const grounding = groundingPolicy(config, content);
  const actions = [
    ...(topic?.topics ?? []).map((x) => x.action),
    ...(contentP?.filters ?? []).map((x) => x.action),
    ...(word?.customWords ?? []).map((x) => x.action),
    ...(word?.managedWordLists ?? []).map((x) => x.action),
    ...(sensitive.policy?.piiEntities ?? []).map((x) => x.action),
    ...(sensitive.policy?.regexes ?? []).map((x) => x.action),
    ...(grounding?.filters ?? []).map((x) => x.action),
  ];
  const blocked = actions.includes('BLOCKED');
  const intervened = blocked || actions.includes('ANONYMIZED');
  const message =
    source === 'INPUT' ? config.blockedInputMessaging : config.blockedOutputsMessaging;
  const chars = Array.from(text).length;
  const s = config.sensitiveInformationPolicyConfig;
  const usage = {
    topicPolicyUnits: units(chars, Boolean(config.topicPolicyConfig)),
    contentPolicyUnits: units(chars, Boolean(config.contentPolicyConfig)),
    wordPolicyUnits: units(chars, Boolean(config.wordPolicyConfig)),
    sensitiveInformationPolicyUnits: units(chars, Boolean(s?.piiEntitiesConfig?.length)),
    sensitiveInformationPolicyFreeUnits: units(chars, Boolean(s?.regexesConfig?.length)),
    contextualGroundingPolicyUnits: units(chars, Boolean(grounding)),
    contentPolicyImageUnits: 0,
  };
  const drop = <T extends JsonObject>(p: T | undefined, keys: (keyof T)[]) =>
    p && (full || keys.some((k) => (p[k] as unknown[]).length > 0)) ? p : undefined;
  const assessment: JsonObject = {
    ...(drop(topic, ['topics']) ? { topicPolicy: topic } : {}),
    ...(drop(contentP, ['filters']) ? { contentPolicy: contentP } : {}),
    ...(drop(word, ['customWords', 'managedWordLists']) ? { wordPolicy: word } : {}),
    ...(drop(sensitive.policy, ['piiEntities', 'regexes'])
      ? { sensitiveInformationPolicy: sensitive.policy }
      : {}),
    ...(grounding && (full || grounding.filters.some((f) => f.detected))
      ? { contextualGroundingPolicy: grounding }
      : {}),
    invocationMetrics: {
      guardrailProcessingLatency: Date.now() - started,
      usage,
      guardrailCoverage: { textCharacters: { guarded: chars, total: chars } },
    },
  };
  return {
    usage,
    action: intervened ? 'GUARDRAIL_INTERVENED' : 'NONE',
    ...(intervened ? { actionReason: blocked ? 'Guardrail blocked.' : 'Guardrail masked.' } : {}),
    outputs: blocked ? [{ text: message }] : intervened ? [{ text: sensitive.masked }] : [],
    assessments: [assessment],
    guardrailCoverage: { textCharacters: { guarded: chars, total: chars } },
  };
}
