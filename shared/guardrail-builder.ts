/**
 * The guardrail builder's pure core: a guardrail definition in the Bedrock console's terms, the
 * exact CreateGuardrail / UpdateGuardrail request body it becomes, and every problem it has
 * before anything is sent (the AWS SDK does not check lengths, counts or patterns itself; the
 * service answers a bad request with a ValidationException).
 *
 * Limits, patterns and enums are copied from the Bedrock control-plane service model:
 * boto/botocore@0e6e2404b85dc336dd2889814e089bde7d1a4c55 (2026-08-07),
 * botocore/data/bedrock/2023-04-20/service-2.json, shapes CreateGuardrailRequest and
 * UpdateGuardrailRequest (the Smithy model aws-sdk-js-v3 is generated from). Smithy counts a
 * string's length in Unicode code points, and so does this file.
 *
 * Rules that come from the user guide rather than the model are marked as such where they are
 * checked (at least one policy; the prompt attack filter checks prompts only; words of up to
 * three words). Newer optional members (per-direction actions and toggles, tiers, cross-Region
 * profiles, automated reasoning, image modalities, KMS keys, tags) are left out of the builder.
 */
import { z } from 'zod';

/** Where the limits below were read (cite it beside the numbers in the UI). */
export const GUARDRAIL_SERVICE_MODEL =
  'Bedrock service model 2023-04-20 (boto/botocore@0e6e2404, 2026-08-07)';

/** The service model's limits for CreateGuardrail and UpdateGuardrail. */
export const GUARDRAIL_LIMITS = {
  /** GuardrailName: 1-50, pattern [0-9a-zA-Z-_]+ */
  name: { min: 1, max: 50 },
  /** GuardrailDescription: 1-200 (optional member). */
  description: { min: 1, max: 200 },
  /** GuardrailBlockedMessaging: 1-500 (both messages are required). */
  blockedMessaging: { min: 1, max: 500 },
  /** GuardrailContentFiltersConfig: 1-6 filters. */
  contentFilters: { min: 1, max: 6 },
  /** GuardrailTopicsConfig: 1-30 topics. */
  topics: { min: 1, max: 30 },
  /** GuardrailTopicName: 1-100, pattern [0-9a-zA-Z-_ !?.]+ */
  topicName: { min: 1, max: 100 },
  /** GuardrailTopicDefinition: 1-200. */
  topicDefinition: { min: 1, max: 200 },
  /** GuardrailTopicExamples: 0-5 sample phrases of 1-100 each. */
  topicExamples: { min: 0, max: 5 },
  topicExample: { min: 1, max: 100 },
  /** GuardrailWordsConfig: 1-10,000 words of 1-100 each. */
  words: { min: 1, max: 10_000 },
  word: { min: 1, max: 100 },
  /** GuardrailPiiEntitiesConfig: at least 1 (no maximum in the model). */
  piiEntities: { min: 1 },
  /** GuardrailRegexesConfig: 1-10 regexes; name 1-100, description 1-1,000, pattern 1-500. */
  regexes: { min: 1, max: 10 },
  regexName: { min: 1, max: 100 },
  regexDescription: { min: 1, max: 1000 },
  regexPattern: { min: 1, max: 500 },
  /** GuardrailContextualGroundingFilterConfigThresholdDouble: min 0 (no maximum in the model). */
  groundingThreshold: { min: 0 },
} as const;

/** GuardrailName's pattern, anchored (the service matches the whole value). */
export const GUARDRAIL_NAME_PATTERN = /^[0-9a-zA-Z_-]+$/;
/** GuardrailTopicName's pattern, anchored. */
export const TOPIC_NAME_PATTERN = /^[0-9a-zA-Z_ !?.-]+$/;

/** GuardrailContentFilterType, in the console's order. */
export const ContentFilterType = z.enum([
  'HATE',
  'INSULTS',
  'SEXUAL',
  'VIOLENCE',
  'MISCONDUCT',
  'PROMPT_ATTACK',
]);
export type ContentFilterType = z.infer<typeof ContentFilterType>;

/** GuardrailFilterStrength. */
export const FilterStrength = z.enum(['NONE', 'LOW', 'MEDIUM', 'HIGH']);
export type FilterStrength = z.infer<typeof FilterStrength>;

/** GuardrailPiiEntityType: the 31 entity types of the service model, in its order. */
export const PiiEntityType = z.enum([
  'ADDRESS',
  'AGE',
  'AWS_ACCESS_KEY',
  'AWS_SECRET_KEY',
  'CA_HEALTH_NUMBER',
  'CA_SOCIAL_INSURANCE_NUMBER',
  'CREDIT_DEBIT_CARD_CVV',
  'CREDIT_DEBIT_CARD_EXPIRY',
  'CREDIT_DEBIT_CARD_NUMBER',
  'DRIVER_ID',
  'EMAIL',
  'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
  'IP_ADDRESS',
  'LICENSE_PLATE',
  'MAC_ADDRESS',
  'NAME',
  'PASSWORD',
  'PHONE',
  'PIN',
  'SWIFT_CODE',
  'UK_NATIONAL_HEALTH_SERVICE_NUMBER',
  'UK_NATIONAL_INSURANCE_NUMBER',
  'UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER',
  'URL',
  'USERNAME',
  'US_BANK_ACCOUNT_NUMBER',
  'US_BANK_ROUTING_NUMBER',
  'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER',
  'US_PASSPORT_NUMBER',
  'US_SOCIAL_SECURITY_NUMBER',
  'VEHICLE_IDENTIFICATION_NUMBER',
]);
export type PiiEntityType = z.infer<typeof PiiEntityType>;

/**
 * GuardrailSensitiveInformationAction: BLOCK (replace the whole text with the blocked message),
 * ANONYMIZE (the console's "Mask": replace the match with an identifier tag) or NONE (detect
 * only, reported in the trace). Assessments answer in the past tense: BLOCKED, ANONYMIZED, NONE.
 */
export const SensitiveInformationAction = z.enum(['BLOCK', 'ANONYMIZE', 'NONE']);
export type SensitiveInformationAction = z.infer<typeof SensitiveInformationAction>;

// Generous caps so a damaged value cannot be huge; the service's own limits are checked by
// guardrailProblems with a sentence each, not here.
const Text = z.string().max(20_000);
const List = <T extends z.ZodType>(item: T) => z.array(item).max(20_000);

export const ContentFilterDefinition = z
  .object({
    type: ContentFilterType,
    inputStrength: FilterStrength,
    outputStrength: FilterStrength,
  })
  .strict();
export type ContentFilterDefinition = z.infer<typeof ContentFilterDefinition>;

/** A denied topic: the console's name, definition and sample phrases (API: examples). */
export const DeniedTopicDefinition = z
  .object({ name: Text, definition: Text, examples: List(Text) })
  .strict();
export type DeniedTopicDefinition = z.infer<typeof DeniedTopicDefinition>;

export const PiiEntityDefinition = z
  .object({ type: PiiEntityType, action: SensitiveInformationAction })
  .strict();
export type PiiEntityDefinition = z.infer<typeof PiiEntityDefinition>;

/** A custom regex of the sensitive information filter; an empty description is left out. */
export const RegexDefinition = z
  .object({ name: Text, description: Text, pattern: Text, action: SensitiveInformationAction })
  .strict();
export type RegexDefinition = z.infer<typeof RegexDefinition>;

/** A guardrail as the builder edits it; an empty list or a null threshold means "not used". */
export const GuardrailDefinition = z
  .object({
    name: Text,
    /** Optional in the API: an empty description is left out of the request. */
    description: Text,
    contentFilters: List(ContentFilterDefinition),
    deniedTopics: List(DeniedTopicDefinition),
    wordFilters: z
      .object({
        /** Custom words and phrases (exact match). */
        words: List(Text),
        /** The managed profanity list (API: managedWordListsConfig type PROFANITY). */
        profanity: z.boolean(),
      })
      .strict(),
    sensitiveInformation: z
      .object({ piiEntities: List(PiiEntityDefinition), regexes: List(RegexDefinition) })
      .strict(),
    contextualGrounding: z
      .object({
        /** GROUNDING threshold: answers scoring below it are not grounded in the source. */
        grounding: z.number().nullable(),
        /** RELEVANCE threshold: answers scoring below it do not answer the query. */
        relevance: z.number().nullable(),
      })
      .strict(),
    /** The console's "Messaging for blocked prompts". */
    blockedInputMessaging: Text,
    /** The console's "Messaging for blocked responses" (API member name has the plural). */
    blockedOutputsMessaging: Text,
  })
  .strict();
export type GuardrailDefinition = z.infer<typeof GuardrailDefinition>;

/** One problem with a definition: where (builder path and API member) and what to do. */
export interface GuardrailProblem {
  /** Path in the definition, such as `deniedTopics[0].definition`. */
  path: string;
  /** The request member it becomes, such as `topicPolicyConfig.topicsConfig[0].definition`. */
  apiMember: string;
  /** A plain sentence saying what is wrong and what to do. */
  message: string;
  /** `error`: the service would refuse it (or the builder cannot send it); `warning`: allowed. */
  severity: 'error' | 'warning';
}

/** The body of CreateGuardrail (and of UpdateGuardrail, with the identifier added). */
export interface GuardrailRequestBody {
  name: string;
  description?: string;
  topicPolicyConfig?: {
    topicsConfig: { name: string; definition: string; examples?: string[]; type: 'DENY' }[];
  };
  contentPolicyConfig?: {
    filtersConfig: {
      type: ContentFilterType;
      inputStrength: FilterStrength;
      outputStrength: FilterStrength;
    }[];
  };
  wordPolicyConfig?: {
    wordsConfig?: { text: string }[];
    managedWordListsConfig?: { type: 'PROFANITY' }[];
  };
  sensitiveInformationPolicyConfig?: {
    piiEntitiesConfig?: { type: PiiEntityType; action: SensitiveInformationAction }[];
    regexesConfig?: {
      name: string;
      description?: string;
      pattern: string;
      action: SensitiveInformationAction;
    }[];
  };
  contextualGroundingPolicyConfig?: {
    filtersConfig: { type: 'GROUNDING' | 'RELEVANCE'; threshold: number }[];
  };
  blockedInputMessaging: string;
  blockedOutputsMessaging: string;
}

/** UpdateGuardrail's input: the identifier (id or ARN, sent in the path) plus the whole body. */
export type UpdateGuardrailRequest = GuardrailRequestBody & { guardrailIdentifier: string };

/** A length as Smithy counts it: Unicode code points. */
export function codePoints(text: string): number {
  return Array.from(text).length;
}

function wordPolicy(def: GuardrailDefinition): GuardrailRequestBody['wordPolicyConfig'] {
  const words = def.wordFilters.words.map((w) => w.trim());
  if (words.length === 0 && !def.wordFilters.profanity) return undefined;
  return {
    ...(words.length > 0 ? { wordsConfig: words.map((text) => ({ text })) } : {}),
    ...(def.wordFilters.profanity
      ? { managedWordListsConfig: [{ type: 'PROFANITY' as const }] }
      : {}),
  };
}

function sensitivePolicy(
  def: GuardrailDefinition,
): GuardrailRequestBody['sensitiveInformationPolicyConfig'] {
  const { piiEntities, regexes } = def.sensitiveInformation;
  if (piiEntities.length === 0 && regexes.length === 0) return undefined;
  const regexesConfig = regexes.map((r) => ({
    name: r.name.trim(),
    ...(r.description.trim() ? { description: r.description.trim() } : {}),
    pattern: r.pattern,
    action: r.action,
  }));
  return {
    ...(piiEntities.length > 0
      ? { piiEntitiesConfig: piiEntities.map((p) => ({ type: p.type, action: p.action })) }
      : {}),
    ...(regexes.length > 0 ? { regexesConfig } : {}),
  };
}

function groundingPolicy(
  def: GuardrailDefinition,
): GuardrailRequestBody['contextualGroundingPolicyConfig'] {
  const { grounding, relevance } = def.contextualGrounding;
  const filtersConfig = [
    ...(grounding !== null ? [{ type: 'GROUNDING' as const, threshold: grounding }] : []),
    ...(relevance !== null ? [{ type: 'RELEVANCE' as const, threshold: relevance }] : []),
  ];
  return filtersConfig.length > 0 ? { filtersConfig } : undefined;
}

/**
 * The CreateGuardrail request body for a definition, member for member as the service model
 * names them. Names, definitions, phrases, words, messages and descriptions are trimmed; regex
 * patterns are sent as typed. A policy with nothing in it is left out. Check the definition with
 * `guardrailProblems` first: this function builds, it does not judge.
 */
export function guardrailRequestBody(def: GuardrailDefinition): GuardrailRequestBody {
  const description = def.description.trim();
  const topics = def.deniedTopics.map((t) => {
    const examples = t.examples.map((e) => e.trim());
    return {
      name: t.name.trim(),
      definition: t.definition.trim(),
      ...(examples.length > 0 ? { examples } : {}),
      type: 'DENY' as const,
    };
  });
  const words = wordPolicy(def);
  const sensitive = sensitivePolicy(def);
  const grounding = groundingPolicy(def);
  return {
    name: def.name.trim(),
    ...(description ? { description } : {}),
    ...(topics.length > 0 ? { topicPolicyConfig: { topicsConfig: topics } } : {}),
    ...(def.contentFilters.length > 0
      ? {
          contentPolicyConfig: {
            filtersConfig: def.contentFilters.map((f) => ({
              type: f.type,
              inputStrength: f.inputStrength,
              outputStrength: f.outputStrength,
            })),
          },
        }
      : {}),
    ...(words ? { wordPolicyConfig: words } : {}),
    ...(sensitive ? { sensitiveInformationPolicyConfig: sensitive } : {}),
    ...(grounding ? { contextualGroundingPolicyConfig: grounding } : {}),
    blockedInputMessaging: def.blockedInputMessaging.trim(),
    blockedOutputsMessaging: def.blockedOutputsMessaging.trim(),
  };
}

/**
 * UpdateGuardrail's input. UpdateGuardrail replaces the working draft (DRAFT) as a whole: a
 * policy left out of the body is removed from the guardrail, so always send the full definition.
 */
export function updateGuardrailRequest(
  guardrailIdentifier: string,
  def: GuardrailDefinition,
): UpdateGuardrailRequest {
  return { guardrailIdentifier, ...guardrailRequestBody(def) };
}

type Report = (
  path: string,
  apiMember: string,
  message: string,
  severity?: GuardrailProblem['severity'],
) => void;

const count = (n: number) => n.toLocaleString('en-US');

/** A sentence when `text` (trimmed) is outside `limits`, or null. */
function lengthRule(text: string, what: string, limits: { min: number; max: number }) {
  const n = codePoints(text.trim());
  if (n < limits.min) return `Enter ${what}.`;
  if (n > limits.max) {
    return `Shorten ${what} to ${count(limits.max)} characters or fewer; it has ${count(n)}.`;
  }
  return null;
}

function checkLength(
  report: Report,
  text: string,
  at: [string, string],
  what: string,
  limits: { min: number; max: number },
) {
  const problem = lengthRule(text, what, limits);
  if (problem) report(at[0], at[1], problem);
}

function checkCount(report: Report, n: number, at: [string, string], what: string, max: number) {
  if (n > max) report(at[0], at[1], `Use at most ${count(max)} ${what}; there are ${count(n)}.`);
}

/** Indexes of items whose key was already seen (case-insensitive). */
function repeats<T>(items: readonly T[], key: (item: T) => string): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  items.forEach((item, i) => {
    const k = key(item).trim().toLowerCase();
    if (seen.has(k)) out.push(i);
    seen.add(k);
  });
  return out;
}

function checkDetails(def: GuardrailDefinition, report: Report) {
  const L = GUARDRAIL_LIMITS;
  checkLength(report, def.name, ['name', 'name'], 'a guardrail name', L.name);
  if (def.name.trim() && !GUARDRAIL_NAME_PATTERN.test(def.name.trim())) {
    report(
      'name',
      'name',
      'Use only letters, digits, hyphens (-) and underscores (_) in the name.',
    );
  }
  if (def.description.trim()) {
    checkLength(
      report,
      def.description,
      ['description', 'description'],
      'the description',
      L.description,
    );
  }
  const messages = ['blockedInputMessaging', 'blockedOutputsMessaging'] as const;
  const whats = ['the message for blocked prompts', 'the message for blocked responses'];
  messages.forEach((key, i) => {
    checkLength(report, def[key], [key, key], whats[i] ?? key, L.blockedMessaging);
  });
}

function checkContentFilters(def: GuardrailDefinition, report: Report) {
  const api = 'contentPolicyConfig.filtersConfig';
  checkCount(
    report,
    def.contentFilters.length,
    ['contentFilters', api],
    'content filters',
    GUARDRAIL_LIMITS.contentFilters.max,
  );
  for (const i of repeats(def.contentFilters, (f) => f.type)) {
    const type = def.contentFilters[i]?.type;
    report(`contentFilters[${i}]`, `${api}[${i}]`, `${type} is listed twice; keep one.`);
  }
  def.contentFilters.forEach((f, i) => {
    const at = `contentFilters[${i}]`;
    // User guide (prompt attacks): the filter checks prompts only; the model itself does not say.
    if (f.type === 'PROMPT_ATTACK' && f.outputStrength !== 'NONE') {
      report(
        `${at}.outputStrength`,
        `${api}[${i}].outputStrength`,
        'The prompt attack filter checks prompts only: set its response strength to NONE.',
      );
    }
    if (f.inputStrength === 'NONE' && f.outputStrength === 'NONE') {
      const msg = `${f.type} is NONE for prompts and responses, so it filters nothing.`;
      report(at, `${api}[${i}]`, msg, 'warning');
    }
  });
}

function checkTopic(topic: DeniedTopicDefinition, i: number, report: Report) {
  const L = GUARDRAIL_LIMITS;
  const at = `deniedTopics[${i}]`;
  const api = `topicPolicyConfig.topicsConfig[${i}]`;
  checkLength(report, topic.name, [`${at}.name`, `${api}.name`], 'a topic name', L.topicName);
  if (topic.name.trim() && !TOPIC_NAME_PATTERN.test(topic.name.trim())) {
    report(
      `${at}.name`,
      `${api}.name`,
      'Use only letters, digits, spaces and - _ ! ? . in a topic name.',
    );
  }
  const where: [string, string] = [`${at}.definition`, `${api}.definition`];
  checkLength(report, topic.definition, where, 'a topic definition', L.topicDefinition);
  const ex: [string, string] = [`${at}.examples`, `${api}.examples`];
  checkCount(report, topic.examples.length, ex, 'sample phrases per topic', L.topicExamples.max);
  topic.examples.forEach((e, j) => {
    const at2: [string, string] = [`${at}.examples[${j}]`, `${api}.examples[${j}]`];
    checkLength(report, e, at2, `sample phrase ${j + 1}`, L.topicExample);
  });
}

function checkTopics(def: GuardrailDefinition, report: Report) {
  const api = 'topicPolicyConfig.topicsConfig';
  checkCount(
    report,
    def.deniedTopics.length,
    ['deniedTopics', api],
    'denied topics',
    GUARDRAIL_LIMITS.topics.max,
  );
  def.deniedTopics.forEach((t, i) => checkTopic(t, i, report));
  for (const i of repeats(def.deniedTopics, (t) => t.name)) {
    const msg = `The topic name "${def.deniedTopics[i]?.name.trim()}" is used twice; give each topic its own name.`;
    report(`deniedTopics[${i}].name`, `${api}[${i}].name`, msg);
  }
}

function checkWords(def: GuardrailDefinition, report: Report) {
  const { words } = def.wordFilters;
  const api = 'wordPolicyConfig.wordsConfig';
  checkCount(
    report,
    words.length,
    ['wordFilters.words', api],
    'custom words',
    GUARDRAIL_LIMITS.words.max,
  );
  words.forEach((w, i) => {
    const at: [string, string] = [`wordFilters.words[${i}]`, `${api}[${i}].text`];
    checkLength(report, w, at, `word ${count(i + 1)}`, GUARDRAIL_LIMITS.word);
    // User guide (prerequisites): each item is a word or a phrase of up to three words.
    if (w.trim().split(/\s+/).length > 3) {
      report(
        at[0],
        at[1],
        `"${w.trim()}" has more than three words; the console takes phrases of up to three.`,
        'warning',
      );
    }
  });
  for (const i of repeats(words, (w) => w)) {
    const msg = `"${words[i]?.trim()}" is listed twice; one entry is enough.`;
    report(`wordFilters.words[${i}]`, `${api}[${i}].text`, msg, 'warning');
  }
}

function checkSensitive(def: GuardrailDefinition, report: Report) {
  const L = GUARDRAIL_LIMITS;
  const { piiEntities, regexes } = def.sensitiveInformation;
  const piiApi = 'sensitiveInformationPolicyConfig.piiEntitiesConfig';
  for (const i of repeats(piiEntities, (p) => p.type)) {
    const msg = `${piiEntities[i]?.type} is listed twice; keep one with the action you want.`;
    report(`sensitiveInformation.piiEntities[${i}]`, `${piiApi}[${i}]`, msg);
  }
  const api = 'sensitiveInformationPolicyConfig.regexesConfig';
  checkCount(
    report,
    regexes.length,
    ['sensitiveInformation.regexes', api],
    'regexes',
    L.regexes.max,
  );
  regexes.forEach((r, i) => {
    const at = `sensitiveInformation.regexes[${i}]`;
    checkLength(report, r.name, [`${at}.name`, `${api}[${i}].name`], 'a regex name', L.regexName);
    if (r.description.trim()) {
      const where: [string, string] = [`${at}.description`, `${api}[${i}].description`];
      checkLength(report, r.description, where, 'the regex description', L.regexDescription);
    }
    const where: [string, string] = [`${at}.pattern`, `${api}[${i}].pattern`];
    const n = codePoints(r.pattern);
    if (n < L.regexPattern.min) report(where[0], where[1], 'Enter a regex pattern.');
    else if (n > L.regexPattern.max) {
      report(
        where[0],
        where[1],
        `Shorten the pattern to ${L.regexPattern.max} characters or fewer; it has ${count(n)}.`,
      );
    } else if (!compiles(r.pattern)) {
      const msg =
        'This pattern is not a valid JavaScript regular expression; check it, as Bedrock may refuse it too.';
      report(where[0], where[1], msg, 'warning');
    }
  });
  for (const i of repeats(regexes, (r) => r.name)) {
    const msg = `The regex name "${regexes[i]?.name.trim()}" is used twice; the trace names matches by regex name.`;
    report(`sensitiveInformation.regexes[${i}].name`, `${api}[${i}].name`, msg, 'warning');
  }
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function checkGrounding(def: GuardrailDefinition, report: Report) {
  const pairs = [
    ['grounding', 'GROUNDING', 0],
    ['relevance', 'RELEVANCE', 1],
  ] as const;
  let index = 0;
  for (const [key, type] of pairs) {
    const threshold = def.contextualGrounding[key];
    if (threshold === null) continue;
    const at = `contextualGrounding.${key}`;
    const api = `contextualGroundingPolicyConfig.filtersConfig[${index++}].threshold`;
    if (!Number.isFinite(threshold) || threshold < GUARDRAIL_LIMITS.groundingThreshold.min) {
      report(at, api, `Set the ${type} threshold to 0 or more (scores run from 0 to 1).`);
    } else if (threshold >= 1) {
      const msg = `A ${type} score is at most 1 and a response scoring below the threshold is blocked, so ${threshold} blocks almost every response.`;
      report(at, api, msg, 'warning');
    } else if (threshold === 0) {
      report(at, api, `A ${type} threshold of 0 never blocks anything.`, 'warning');
    }
  }
}

/** True when the definition configures at least one policy. */
export function hasAnyPolicy(def: GuardrailDefinition): boolean {
  const body = guardrailRequestBody(def);
  return Boolean(
    body.contentPolicyConfig ||
    body.topicPolicyConfig ||
    body.wordPolicyConfig ||
    body.sensitiveInformationPolicyConfig ||
    body.contextualGroundingPolicyConfig,
  );
}

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/**
 * Every problem with a guardrail definition, before anything is sent: the shape first (a
 * definition that is not one gets only those problems), then each limit of the service model,
 * then the user guide's rules. Errors block sending; warnings are allowed but worth a look.
 */
export function guardrailProblems(input: unknown): GuardrailProblem[] {
  const parsed = GuardrailDefinition.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      path: issuePath(issue.path),
      apiMember: '',
      message: `This value is not valid here: ${issue.message}.`,
      severity: 'error',
    }));
  }
  const def = parsed.data;
  const problems: GuardrailProblem[] = [];
  const report: Report = (path, apiMember, message, severity = 'error') =>
    problems.push({ path, apiMember, message, severity });
  checkDetails(def, report);
  // User guide (create a guardrail): a guardrail must contain at least one filter.
  if (!hasAnyPolicy(def)) {
    report(
      '',
      '',
      'Add at least one policy: a content filter, a denied topic, a word filter, a sensitive information filter or a contextual grounding check.',
    );
  }
  checkContentFilters(def, report);
  checkTopics(def, report);
  checkWords(def, report);
  checkSensitive(def, report);
  checkGrounding(def, report);
  return problems;
}

/** The request body when the definition has no error, else every problem (warnings included). */
export function checkedGuardrailRequest(
  input: unknown,
):
  | { ok: true; body: GuardrailRequestBody; warnings: GuardrailProblem[] }
  | { ok: false; problems: GuardrailProblem[] } {
  const problems = guardrailProblems(input);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return {
    ok: true,
    body: guardrailRequestBody(GuardrailDefinition.parse(input)),
    warnings: problems,
  };
}

/** A definition with nothing configured: the builder's starting point (the messages are ours; edit them). */
export function emptyGuardrailDefinition(): GuardrailDefinition {
  return {
    name: '',
    description: '',
    contentFilters: [],
    deniedTopics: [],
    wordFilters: { words: [], profanity: false },
    sensitiveInformation: { piiEntities: [], regexes: [] },
    contextualGrounding: { grounding: null, relevance: null },
    blockedInputMessaging: 'Sorry, the model cannot answer this question.',
    blockedOutputsMessaging: 'Sorry, the model cannot answer this question.',
  };
}
