/**
 * Agents for Amazon Bedrock Runtime, the knowledge-base part: Retrieve
 * (`POST /knowledgebases/{id}/retrieve`), RetrieveAndGenerate (`POST /retrieveAndGenerate`) and
 * Rerank (`POST /rerank`). Bodies are validated like the service model (botocore
 * bedrock-agent-runtime 2023-07-26) prescribes: required members, lengths, enums, patterns;
 * anything else is a 400 ValidationException in the Coral constraint style.
 *
 * Knowledge bases hold short passages about exam topics, ranked with the same hashed-word
 * embeddings the fake uses for Titan, over content words (stop words left out), so results carry
 * meaning: a question about chunking finds the chunking passage. RetrieveAndGenerate answers with one sentence from each of the top
 * passages and cites each sentence with a span into the answer.
 */
import { randomUUID } from 'node:crypto';
import { BedrockError, constraintError, validationError } from './bedrock-errors.js';
import { embedText } from './bedrock-invoke.js';
import { resolveModel, type FakeModel } from './bedrock-models.js';
import { isInteger, isRecord, type JsonObject } from './json.js';

export interface FakePassage {
  /** Where the source document lives, e.g. `s3://bucket/notes/rag.md`. */
  uri: string;
  text: string;
  /** Custom metadata (the `.metadata.json` attributes of the source). */
  metadata?: Record<string, string | number | boolean>;
}

export interface FakeKnowledgeBase {
  /** 10 letters or digits. */
  id: string;
  /** The one region it lives in (a call from another region does not find it). */
  region: string;
  passages: FakePassage[];
}

const BUCKET = 's3://stratum-fake-kb/aif-c01';

/** The built-in knowledge base: FAKEKB0001 in us-east-1. */
export const DEFAULT_KNOWLEDGE_BASES: readonly FakeKnowledgeBase[] = [
  {
    id: 'FAKEKB0001',
    region: 'us-east-1',
    passages: [
      {
        uri: `${BUCKET}/rag.md`,
        text: 'Retrieval-augmented generation (RAG) retrieves relevant chunks from a knowledge base and adds them to the prompt, so the model answers from your documents instead of only its training data.',
        metadata: { topic: 'rag', domain: 3 },
      },
      {
        uri: `${BUCKET}/chunking.md`,
        text: 'Chunking splits documents into smaller pieces before embedding. Fixed-size chunking with overlap keeps context across chunk boundaries; hierarchical chunking keeps parent and child chunks.',
        metadata: { topic: 'chunking', domain: 3 },
      },
      {
        uri: `${BUCKET}/embeddings.md`,
        text: 'An embedding is a vector of numbers that represents the meaning of a text. Texts with similar meaning have embeddings with a high cosine similarity.',
        metadata: { topic: 'embeddings', domain: 3 },
      },
      {
        uri: `${BUCKET}/vector-stores.md`,
        text: 'Amazon Bedrock Knowledge Bases store vectors in Amazon OpenSearch Serverless, Amazon Aurora PostgreSQL with pgvector, Amazon S3 Vectors, Pinecone, Redis Enterprise Cloud or MongoDB Atlas.',
        metadata: { topic: 'vector-stores', domain: 3 },
      },
      {
        uri: `${BUCKET}/temperature.md`,
        text: 'Temperature controls randomness when a model samples the next token. A low temperature gives focused, repeatable answers; a high temperature gives more varied, creative text.',
        metadata: { topic: 'inference-parameters', domain: 3 },
      },
      {
        uri: `${BUCKET}/guardrails.md`,
        text: 'Guardrails for Amazon Bedrock filter harmful content, deny topics, redact personal information and check answers for grounding against the retrieved sources.',
        metadata: { topic: 'guardrails', domain: 4 },
      },
      {
        uri: `${BUCKET}/fine-tuning.md`,
        text: 'Fine-tuning trains a foundation model further on labelled examples to change its behaviour; continued pre-training uses unlabelled domain text. Both create a custom model that needs provisioned throughput.',
        metadata: { topic: 'customization', domain: 3 },
      },
      {
        uri: `${BUCKET}/hallucination.md`,
        text: 'A hallucination is a fluent answer that is not supported by facts. Grounding the model in retrieved documents and asking it to cite its sources reduces hallucinations.',
        metadata: { topic: 'responsible-ai', domain: 4 },
      },
      {
        uri: `${BUCKET}/shared-responsibility.md`,
        text: 'Under the shared responsibility model AWS secures the infrastructure that runs Amazon Bedrock, and the customer secures its data, its IAM permissions and how it uses model output.',
        metadata: { topic: 'security', domain: 5 },
      },
      {
        uri: `${BUCKET}/evaluation.md`,
        text: 'Model evaluation compares models on your own prompts with automatic metrics such as accuracy, robustness and toxicity, or with human reviewers.',
        metadata: { topic: 'evaluation', domain: 3 },
      },
    ],
  },
];

/** Where each rerank model is offered (AWS rerank-supported page): Amazon Rerank not in us-east-1. */
export const RERANK_MODEL_REGIONS: Record<string, readonly string[]> = {
  'amazon.rerank-v1:0': ['ap-northeast-1', 'ca-central-1', 'eu-central-1', 'us-west-2'],
  'cohere.rerank-v3-5:0': [
    'ap-northeast-1',
    'ca-central-1',
    'eu-central-1',
    'us-west-2',
    'us-east-1',
  ],
};

// ---------------------------------------------------------------------------------------------
// Validation helpers (Coral constraint messages)

const KB_ID = /^[0-9a-zA-Z]{10}$/;
const KB_ARN =
  /^arn:aws(-[^:]+)?:bedrock:([a-z0-9-]{1,20}):[0-9]{12}:knowledge-base\/([0-9a-zA-Z]{10})$/;
/** BedrockModelArn (the ARN part is optional in the model). */
const MODEL_ARN =
  /^(arn:aws(-[^:]+)?:(bedrock|sagemaker):[a-z0-9-]{1,20}:([0-9]{12})?:([a-z-]+\/)?)?([a-zA-Z0-9.-]{1,63}){0,2}(([:][a-z0-9-]{1,63}){0,2})?(\/[a-z0-9]{1,12})?$/;
/** BedrockRerankingModelArn. */
const RERANK_ARN = /^arn:aws(-[^:]+)?:bedrock:([a-z0-9-]{1,20})::foundation-model\/(.+)$/;
const SESSION_ID = /^[0-9a-zA-Z._:-]+$/;

function object(value: unknown, path: string, required = true): JsonObject | undefined {
  if (value === undefined || value === null) {
    if (required) throw constraintError(path, value, 'Member must not be null');
    return undefined;
  }
  if (!isRecord(value)) throw validationError(`Value at '${path}' must be an object.`);
  return value;
}

function string(
  value: unknown,
  path: string,
  limits: { min: number; max: number; required?: boolean },
): string | undefined {
  if (value === undefined || value === null) {
    if (limits.required ?? true) throw constraintError(path, value, 'Member must not be null');
    return undefined;
  }
  if (typeof value !== 'string') throw validationError(`Value at '${path}' must be a string.`);
  if (value.length < limits.min || value.length > limits.max) {
    throw constraintError(
      path,
      value.length > 60 ? `${value.slice(0, 60)}…` : value,
      `Member must have length ${limits.min === 0 ? 'less than or equal to' : 'between'} ${limits.min === 0 ? limits.max : `${limits.min} and ${limits.max}`}`,
    );
  }
  return value;
}

function oneOf(value: unknown, path: string, allowed: readonly string[], required = true) {
  if (value === undefined || value === null) {
    if (required) throw constraintError(path, value, 'Member must not be null');
    return undefined;
  }
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw constraintError(
      path,
      value,
      `Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
  return value;
}

function integer(value: unknown, path: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isInteger(value)) throw validationError(`Value at '${path}' must be an integer.`);
  if (value < min) {
    throw constraintError(path, value, `Member must have value greater than or equal to ${min}`);
  }
  if (value > max) {
    throw constraintError(path, value, `Member must have value less than or equal to ${max}`);
  }
  return value;
}

function list(value: unknown, path: string, min: number, max: number): unknown[] {
  if (value === undefined || value === null) {
    throw constraintError(path, value, 'Member must not be null');
  }
  if (!Array.isArray(value)) throw validationError(`Value at '${path}' must be a list.`);
  if (value.length < min || value.length > max) {
    throw constraintError(
      path,
      `[${value.length} items]`,
      `Member must have length ${min === max ? `equal to ${min}` : `between ${min} and ${max}`}`,
    );
  }
  return value;
}

function knowledgeBaseNotFound(id: string): BedrockError {
  return new BedrockError(
    'ResourceNotFoundException',
    `Knowledge base ${id} does not exist or you don't have access to it.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Retrieval

type Filter = (metadata: Record<string, unknown>) => boolean;

interface SearchConfig {
  numberOfResults: number;
  searchType: 'HYBRID' | 'SEMANTIC' | undefined;
  filter: Filter;
}

/** RetrievalFilter: a union, one key per object; the fake applies equals/notEquals/andAll/orAll. */
function parseFilter(value: unknown, path: string): Filter {
  const filter = object(value, path, false);
  if (!filter) return () => true;
  const keys = Object.keys(filter);
  if (keys.length !== 1) {
    throw validationError(`Exactly one member of the union at '${path}' must be set.`);
  }
  const key = keys[0] as string;
  const member = filter[key];
  if (key === 'andAll' || key === 'orAll') {
    const parts = list(member, `${path}.${key}`, 2, 5).map((f, i) =>
      parseFilter(f, `${path}.${key}.${i + 1}.member`),
    );
    return key === 'andAll' ? (m) => parts.every((p) => p(m)) : (m) => parts.some((p) => p(m));
  }
  if (key === 'equals' || key === 'notEquals') {
    const attribute = object(member, `${path}.${key}`) as JsonObject;
    const name = string(attribute['key'], `${path}.${key}.key`, { min: 1, max: 100 }) as string;
    const expected = JSON.stringify(attribute['value']);
    return key === 'equals'
      ? (m) => JSON.stringify(m[name]) === expected
      : (m) => JSON.stringify(m[name]) !== expected;
  }
  const known = [
    'greaterThan',
    'greaterThanOrEquals',
    'lessThan',
    'lessThanOrEquals',
    'in',
    'notIn',
    'startsWith',
    'listContains',
    'stringContains',
  ];
  if (known.includes(key)) {
    throw validationError(`The fake Bedrock does not implement the ${key} filter.`);
  }
  throw validationError(`Unknown member '${key}' in the union at '${path}'.`);
}

function parseRetrievalConfiguration(value: unknown, path: string): SearchConfig {
  const config = object(value, path, false);
  const vector = object(
    config?.['vectorSearchConfiguration'],
    `${path}.vectorSearchConfiguration`,
    false,
  );
  const at = `${path}.vectorSearchConfiguration`;
  const searchType = oneOf(
    vector?.['overrideSearchType'],
    `${at}.overrideSearchType`,
    ['HYBRID', 'SEMANTIC'],
    false,
  );
  return {
    numberOfResults: integer(vector?.['numberOfResults'], `${at}.numberOfResults`, 1, 100) ?? 5,
    searchType: searchType as SearchConfig['searchType'],
    filter: parseFilter(vector?.['filter'], `${at}.filter`),
  };
}

/** Words too common to carry meaning; left out of the fake's ranking so questions match topics. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by can do does for from has have how i in is it its of on or so ' +
    'that the their them these this to was what when where which who why will with you your'
  ).split(' '),
);

function words(text: string): Set<string> {
  const all = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(all.filter((w) => !STOP_WORDS.has(w)));
}

/** The hashed-word embedding of a text's content words (its stop words left out). */
function meaning(text: string): number[] {
  return embedText([...words(text)].join(' ') || text || ' ', 1024, true);
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}

/** Share of the query's words that the text contains (0..1). */
function lexicalOverlap(query: string, text: string): number {
  const q = words(query);
  if (q.size === 0) return 0;
  const t = words(text);
  let hits = 0;
  for (const w of q) if (t.has(w)) hits += 1;
  return hits / q.size;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

interface Scored {
  passage: FakePassage;
  score: number;
}

/** Passages ranked by hashed-word embedding similarity (HYBRID mixes in word overlap). */
export function rankPassages(kb: FakeKnowledgeBase, query: string, config: SearchConfig): Scored[] {
  const q = meaning(query);
  return kb.passages
    .filter((p) => config.filter({ ...(p.metadata ?? {}) }))
    .map((passage) => {
      const semantic = (1 + cosine(q, meaning(passage.text))) / 2;
      const score =
        config.searchType === 'HYBRID'
          ? 0.7 * semantic + 0.3 * lexicalOverlap(query, passage.text)
          : semantic;
      return { passage, score: round(score) };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, config.numberOfResults);
}

function location(p: FakePassage) {
  return { type: 'S3', s3Location: { uri: p.uri } };
}

function metadataOf(p: FakePassage): JsonObject {
  return { 'x-amz-bedrock-kb-source-uri': p.uri, ...(p.metadata ?? {}) };
}

export class AgentRuntime {
  constructor(private readonly knowledgeBases: readonly FakeKnowledgeBase[]) {}

  private find(id: string, region: string): FakeKnowledgeBase {
    const kb = this.knowledgeBases.find((k) => k.id === id && k.region === region);
    if (!kb) throw knowledgeBaseNotFound(id);
    return kb;
  }

  /** The path's knowledge base id (10 characters, or a KB ARN in the caller's region). */
  private pathKnowledgeBase(raw: string, region: string): FakeKnowledgeBase {
    if (KB_ID.test(raw)) return this.find(raw, region);
    const arn = KB_ARN.exec(raw);
    if (!arn) {
      throw constraintError(
        'knowledgeBaseId',
        raw,
        'Member must satisfy regular expression pattern: ^[0-9a-zA-Z]{10}$|^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:knowledge-base/[0-9a-zA-Z]{10}$',
      );
    }
    if (arn[2] !== region) throw knowledgeBaseNotFound(arn[3] ?? raw);
    return this.find(arn[3] ?? '', region);
  }

  /** Validates a Retrieve body; returns the work of answering it. */
  prepareRetrieve(rawId: string, body: unknown, region: string): () => JsonObject {
    const request = object(body, 'body') as JsonObject;
    const query = object(request['retrievalQuery'], 'retrievalQuery') as JsonObject;
    oneOf(query['type'], 'retrievalQuery.type', ['TEXT', 'IMAGE'], false);
    if (query['type'] === 'IMAGE' || query['image'] !== undefined) {
      throw validationError('The fake Bedrock does not implement image queries.');
    }
    const text = string(query['text'], 'retrievalQuery.text', { min: 0, max: 20_000 }) as string;
    const config = parseRetrievalConfiguration(
      request['retrievalConfiguration'],
      'retrievalConfiguration',
    );
    string(request['nextToken'], 'nextToken', { min: 1, max: 2048, required: false });
    const kb = this.pathKnowledgeBase(rawId, region);
    return () => ({
      retrievalResults: rankPassages(kb, text, config).map(({ passage, score }) => ({
        content: { type: 'TEXT', text: passage.text },
        location: location(passage),
        score,
        metadata: metadataOf(passage),
      })),
    });
  }

  /** Validates a RetrieveAndGenerate body; returns the work of answering it. */
  prepareRetrieveAndGenerate(
    body: unknown,
    region: string,
    models: readonly FakeModel[],
  ): () => JsonObject {
    const request = object(body, 'body') as JsonObject;
    const input = object(request['input'], 'input') as JsonObject;
    const question = string(input['text'], 'input.text', { min: 0, max: 1_000 }) as string;
    const sessionId = string(request['sessionId'], 'sessionId', {
      min: 2,
      max: 100,
      required: false,
    });
    if (sessionId !== undefined && !SESSION_ID.test(sessionId)) {
      throw constraintError(
        'sessionId',
        sessionId,
        'Member must satisfy regular expression pattern: [0-9a-zA-Z._:-]+',
      );
    }
    const at = 'retrieveAndGenerateConfiguration';
    const config = object(request[at], at) as JsonObject;
    const type = oneOf(config['type'], `${at}.type`, ['KNOWLEDGE_BASE', 'EXTERNAL_SOURCES']);
    if (type === 'EXTERNAL_SOURCES') {
      throw validationError('The fake Bedrock does not implement EXTERNAL_SOURCES.');
    }
    const kbAt = `${at}.knowledgeBaseConfiguration`;
    const kbConfig = object(config['knowledgeBaseConfiguration'], kbAt) as JsonObject;
    const kbId = string(kbConfig['knowledgeBaseId'], `${kbAt}.knowledgeBaseId`, {
      min: 0,
      max: 10,
    }) as string;
    if (!/^[0-9a-zA-Z]+$/.test(kbId)) {
      throw constraintError(
        `${kbAt}.knowledgeBaseId`,
        kbId,
        'Member must satisfy regular expression pattern: [0-9a-zA-Z]+',
      );
    }
    const modelArn = string(kbConfig['modelArn'], `${kbAt}.modelArn`, {
      min: 1,
      max: 2048,
    }) as string;
    if (!MODEL_ARN.test(modelArn)) {
      throw constraintError(
        `${kbAt}.modelArn`,
        modelArn,
        `Member must satisfy regular expression pattern: ${MODEL_ARN.source}`,
      );
    }
    const { model } = resolveModel(modelArn, region, models);
    if (model.kind !== 'text') {
      throw validationError(
        `The model ${model.modelId} cannot generate text for a knowledge base.`,
      );
    }
    const search = parseRetrievalConfiguration(
      kbConfig['retrievalConfiguration'],
      `${kbAt}.retrievalConfiguration`,
    );
    validateGeneration(kbConfig['generationConfiguration'], `${kbAt}.generationConfiguration`);
    const kb = this.find(kbId, region);
    return () => answerFrom(rankPassages(kb, question, search), sessionId ?? randomUUID());
  }

  /** Validates a Rerank body; returns the work of answering it. */
  prepareRerank(body: unknown, region: string): () => JsonObject {
    const request = object(body, 'body') as JsonObject;
    const queries = list(request['queries'], 'queries', 1, 1);
    const query = object(queries[0], 'queries.1.member') as JsonObject;
    oneOf(query['type'], 'queries.1.member.type', ['TEXT']);
    const textQuery = object(query['textQuery'], 'queries.1.member.textQuery') as JsonObject;
    const queryText = string(textQuery['text'], 'queries.1.member.textQuery.text', {
      min: 1,
      max: 32_000,
    }) as string;
    const sources = list(request['sources'], 'sources', 1, 1000).map((s, i) => sourceText(s, i));
    const at = 'rerankingConfiguration';
    const config = object(request[at], at) as JsonObject;
    oneOf(config['type'], `${at}.type`, ['BEDROCK_RERANKING_MODEL']);
    const bedrock = object(
      config['bedrockRerankingConfiguration'],
      `${at}.bedrockRerankingConfiguration`,
    ) as JsonObject;
    const n = integer(
      bedrock['numberOfResults'],
      `${at}.bedrockRerankingConfiguration.numberOfResults`,
      1,
      1000,
    );
    const modelAt = `${at}.bedrockRerankingConfiguration.modelConfiguration`;
    const modelConfig = object(bedrock['modelConfiguration'], modelAt) as JsonObject;
    const arn = string(modelConfig['modelArn'], `${modelAt}.modelArn`, {
      min: 1,
      max: 2048,
    }) as string;
    const match = RERANK_ARN.exec(arn);
    if (!match || !MODEL_ARN.test(arn)) {
      throw constraintError(
        `${modelAt}.modelArn`,
        arn,
        'Member must satisfy regular expression pattern: ^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model/(.*))?$',
      );
    }
    const modelId = match[3] ?? '';
    if (match[2] !== region) throw validationError('The provided model identifier is invalid.');
    const regions = RERANK_MODEL_REGIONS[modelId];
    if (!regions) throw validationError(`The model ${modelId} is not a reranking model.`);
    if (!regions.includes(region)) {
      throw validationError(`The model ${modelId} is not supported in ${region}.`);
    }
    return () => ({
      results: sources
        .map((text, index) => ({ index, relevanceScore: rerankScore(queryText, text), text }))
        .sort((a, b) => b.relevanceScore - a.relevanceScore)
        .slice(0, n ?? sources.length)
        .map(({ index, relevanceScore, text }) => ({
          index,
          relevanceScore,
          document: { type: 'TEXT', textDocument: { text } },
        })),
    });
  }
}

/** A rerank source's text (JSON documents are scored on their JSON text). */
function sourceText(value: unknown, i: number): string {
  const at = `sources.${i + 1}.member`;
  const source = object(value, at) as JsonObject;
  oneOf(source['type'], `${at}.type`, ['INLINE']);
  const doc = object(source['inlineDocumentSource'], `${at}.inlineDocumentSource`) as JsonObject;
  const type = oneOf(doc['type'], `${at}.inlineDocumentSource.type`, ['TEXT', 'JSON']);
  if (type === 'JSON') {
    if (doc['jsonDocument'] === undefined) {
      throw constraintError(
        `${at}.inlineDocumentSource.jsonDocument`,
        undefined,
        'Member must not be null',
      );
    }
    return JSON.stringify(doc['jsonDocument']);
  }
  const textDoc = object(
    doc['textDocument'],
    `${at}.inlineDocumentSource.textDocument`,
  ) as JsonObject;
  return string(textDoc['text'], `${at}.inlineDocumentSource.textDocument.text`, {
    min: 1,
    max: 32_000,
  }) as string;
}

/** Semantic similarity and word overlap, half each: a cross-encoder-like second opinion. */
function rerankScore(query: string, text: string): number {
  const semantic = (1 + cosine(meaning(query), meaning(text))) / 2;
  return round(0.5 * semantic + 0.5 * lexicalOverlap(query, text));
}

function validateGeneration(value: unknown, at: string): void {
  const generation = object(value, at, false);
  if (!generation) return;
  const template = object(generation['promptTemplate'], `${at}.promptTemplate`, false);
  if (template) {
    string(template['textPromptTemplate'], `${at}.promptTemplate.textPromptTemplate`, {
      min: 1,
      max: 4_000,
      required: false,
    });
  }
  const inference = object(generation['inferenceConfig'], `${at}.inferenceConfig`, false);
  const text = object(
    inference?.['textInferenceConfig'],
    `${at}.inferenceConfig.textInferenceConfig`,
    false,
  );
  if (text) {
    const t = `${at}.inferenceConfig.textInferenceConfig`;
    integer(text['maxTokens'], `${t}.maxTokens`, 0, 65_536);
    for (const key of ['temperature', 'topP']) {
      const v = text[key];
      if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 1)) {
        throw constraintError(`${t}.${key}`, v, 'Member must have value between 0 and 1');
      }
    }
    if (text['stopSequences'] !== undefined)
      list(text['stopSequences'], `${t}.stopSequences`, 0, 4);
  }
}

/** The first sentence of a passage. */
function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}

/** An answer of one sentence per top passage (at most 3), each cited with its span. */
function answerFrom(ranked: Scored[], sessionId: string): JsonObject {
  const top = ranked.slice(0, 3);
  if (top.length === 0) {
    return {
      output: { text: 'Sorry, I am unable to assist you with this request.' },
      sessionId,
      citations: [],
    };
  }
  let text = '';
  const citations = top.map(({ passage }) => {
    const sentence = firstSentence(passage.text);
    const start = text.length === 0 ? 0 : text.length + 1;
    text = text.length === 0 ? sentence : `${text} ${sentence}`;
    return {
      generatedResponsePart: {
        textResponsePart: { text: sentence, span: { start, end: start + sentence.length - 1 } },
      },
      retrievedReferences: [
        {
          content: { type: 'TEXT', text: passage.text },
          location: location(passage),
          metadata: metadataOf(passage),
        },
      ],
    };
  });
  return { output: { text }, sessionId, citations };
}
