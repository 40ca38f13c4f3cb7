/**
 * The knowledge bases lab's main-process half against the fake Bedrock, over the wire with the
 * real AWS SDK clients (never mocked): embeddings (Titan V2, Cohere Embed v3) with bounded
 * concurrency, cancel and faults; Rerank, Retrieve and RetrieveAndGenerate with their errors;
 * the fake's own validation of bad bodies (sent by a raw fetch); the invocation log; and the
 * reply checks and flattening on their own.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest, StreamHub } from '../../electron/main/dispatch';
import { createBackend, type AppBackend } from '../../electron/main/handlers';
import {
  checkVector,
  parseCohereReply,
  parseTitanReply,
} from '../../electron/main/bedrock/embeddings';
import { flattenChunk, flattenCitation } from '../../electron/main/bedrock/knowledge-bases';
import { agentEndpoint } from '../../electron/main/bedrock/client';
import { openSettingsStore, type SettingsStore } from '../../electron/main/settings-store';
import type { StreamMessage } from '../../shared/contract';
import type { InvocationRecord } from '../../shared/invocations';
import type {
  EmbedTextsEvent,
  EmbedTextsInput,
  RerankOutput,
  RetrieveAndGenerateOutput,
  RetrieveOutput,
} from '../../shared/knowledge-bases';
import type { AppError } from '../../shared/result';
import { startFakeBedrock, type FakeBedrock, type RecordedRequest } from '../fakes/bedrock';
import { startFakeAws, type FakeAws } from '../support/app';

let fake: FakeBedrock;
let aws: FakeAws;
let store: SettingsStore;
let backend: AppBackend;

beforeAll(async () => {
  aws = await startFakeAws();
  fake = aws.fake;
});
afterAll(() => aws.close());

beforeEach(async () => {
  fake.reset();
  store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-kb-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
});
afterEach(() => backend.dispose());

// ---------------------------------------------------------------------------------------------
// Helpers

let streamCount = 0;

function embed(input: Partial<EmbedTextsInput> & Pick<EmbedTextsInput, 'texts'>) {
  const hub = new StreamHub(backend.streams);
  const id = `stream-kb-${String(++streamCount).padStart(4, '0')}`;
  const events: Extract<EmbedTextsEvent, { type: 'vector' }>[] = [];
  let resolveEnd: (error: AppError | null) => void = () => undefined;
  const ended = new Promise<AppError | null>((r) => (resolveEnd = r));
  const started = hub.start(
    'test',
    'embedTexts',
    id,
    {
      modelId: 'amazon.titan-embed-text-v2:0',
      dimensions: 256,
      inputType: 'search_document',
      concurrency: 2,
      ...input,
    },
    (m: StreamMessage) => {
      if (m.kind === 'event') events.push(m.event as (typeof events)[number]);
      else resolveEnd(m.error);
    },
  );
  return { started, events, ended, cancel: () => hub.cancel('test', id) };
}

function texts(...values: string[]) {
  return values.map((text, i) => ({ id: `t${i + 1}`, text }));
}

const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const dot = (a: readonly number[], b: readonly number[]) =>
  a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

async function request<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatchRequest(backend.requests, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function failure(name: string, input: unknown): Promise<AppError> {
  const result = await dispatchRequest(backend.requests, name, input);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}

async function logged(): Promise<InvocationRecord[]> {
  await backend.log.flush();
  return (await backend.log.list({})).records;
}

const calls = (operation: RecordedRequest['operation']) =>
  fake.requests.filter((r) => r.operation === operation);

/** Most requests in flight at once, from their arrival times and durations. */
function maxInFlight(requests: readonly RecordedRequest[]): number {
  const edges = requests.flatMap((r) => [
    { t: r.at, d: 1 },
    { t: r.at + (r.durationMs ?? 0), d: -1 },
  ]);
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const e of edges) {
    now += e.d;
    most = Math.max(most, now);
  }
  return most;
}

// ---------------------------------------------------------------------------------------------
// Embeddings

describe('embedTexts', () => {
  it('embeds with Titan V2: one call per text, normalised vectors, similar texts closer', async () => {
    const run = embed({
      texts: texts(
        'Chunking splits documents into overlapping chunks',
        'Documents are split into chunks with overlap',
        'The exam costs one hundred dollars',
      ),
    });
    expect(run.started).toEqual({ ok: true, value: null });
    expect(await run.ended).toBeNull();
    expect(run.events.map((e) => e.id).sort()).toEqual(['t1', 't2', 't3']);
    const byId = Object.fromEntries(run.events.map((e) => [e.id, e]));
    for (const e of run.events) {
      expect(e.vector).toHaveLength(256);
      expect(norm(e.vector)).toBeCloseTo(1, 3);
      expect(e.inputTokens).toBeGreaterThan(0);
      expect(e.costUsd).toBeCloseTo(((e.inputTokens ?? 0) / 1000) * 0.00002, 12);
    }
    expect(dot(byId.t1!.vector, byId.t2!.vector)).toBeGreaterThan(
      dot(byId.t1!.vector, byId.t3!.vector),
    );
    const invokes = calls('invoke');
    expect(invokes).toHaveLength(3);
    expect(invokes[0]).toMatchObject({ modelId: 'amazon.titan-embed-text-v2:0' });
    expect(invokes[0]!.body).toEqual({
      inputText: expect.any(String),
      dimensions: 256,
      normalize: true,
    });
  });

  it('embeds with Cohere Embed v3: up to 96 texts per call, input_type sent, cost estimated', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      id: `c${i}`,
      text: `passage ${i} about ${i % 2 ? 'vector stores' : 'guardrails'}`,
    }));
    const run = embed({
      modelId: 'cohere.embed-english-v3',
      dimensions: 1024,
      inputType: 'search_query',
      texts: many,
    });
    expect(await run.ended).toBeNull();
    expect(run.events).toHaveLength(100);
    expect(new Set(run.events.map((e) => e.id)).size).toBe(100);
    for (const e of run.events) {
      expect(e.vector).toHaveLength(1024);
      expect(norm(e.vector)).toBeCloseTo(1, 3);
      expect(e.inputTokens).toBeNull();
      expect(e.costUsd).toBeGreaterThan(0);
    }
    const invokes = calls('invoke');
    expect(invokes.map((r) => (r.body as { texts: string[] }).texts.length).sort()).toEqual([
      4, 96,
    ]);
    expect(invokes[0]!.body).toMatchObject({ input_type: 'search_query', truncate: 'NONE' });
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    fake.setBehavior({ kind: 'delay', ms: 60 });
    const run = embed({
      concurrency: 3,
      texts: texts(...Array.from({ length: 9 }, (_, i) => `text number ${i}`)),
    });
    expect(await run.ended).toBeNull();
    expect(run.events).toHaveLength(9);
    expect(maxInFlight(calls('invoke'))).toBe(3);
  });

  it('cancel stops the run: the call in flight is aborted and no new call starts', async () => {
    fake.setBehavior({ kind: 'delay', ms: 150 });
    const run = embed({
      concurrency: 1,
      texts: texts('one', 'two', 'three', 'four', 'five'),
    });
    await fake.waitFor((r) => r.filter((x) => x.operation === 'invoke').length >= 2, 3000);
    run.cancel();
    expect((await run.ended)?.code).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls('invoke').length).toBeLessThanOrEqual(2);
    expect(run.events.length).toBeLessThan(5);
  });

  it('throttling mid-run keeps the vectors already sent; resuming sends only the missing ids', async () => {
    fake.enqueue({ kind: 'ok' }, { kind: 'ok' });
    fake.setBehavior({ kind: 'throttle' });
    const all = texts('alpha', 'beta', 'gamma', 'delta', 'epsilon');
    const run = embed({ concurrency: 1, texts: all });
    const error = await run.ended;
    expect(error?.code).toBe('throttled');
    expect(run.events.map((e) => e.id)).toEqual(['t1', 't2']);
    // The SDK retried the throttled call (3 attempts), and nothing after it started.
    expect(calls('invoke')).toHaveLength(5);

    fake.setBehavior({ kind: 'ok' });
    const missing = all.filter((t) => !run.events.some((e) => e.id === t.id));
    const resumed = embed({ concurrency: 1, texts: missing });
    expect(await resumed.ended).toBeNull();
    expect(resumed.events.map((e) => e.id)).toEqual(['t3', 't4', 't5']);
  }, 20_000);

  it('refuses a vector of the wrong length and emits nothing for it', async () => {
    fake.setBehavior({ kind: 'malformed' });
    const run = embed({ concurrency: 1, texts: texts('one') });
    const error = await run.ended;
    expect(error).toMatchObject({ code: 'model_error' });
    expect(error?.message).toMatch(/2 numbers, but 256 were asked for/);
    expect(error?.remedy).toBeTruthy();
    expect(run.events).toHaveLength(0);

    const cohere = embed({
      modelId: 'cohere.embed-english-v3',
      dimensions: 1024,
      texts: texts('one', 'two'),
    });
    const cohereError = await cohere.ended;
    expect(cohereError?.message).toMatch(/2 numbers, but 1,024 were asked for/);
    expect(cohere.events).toHaveLength(0);
  });

  it('maps a model that is not enabled to the model-access remedy', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const error = await embed({ texts: texts('one') }).ended;
    expect(error?.code).toBe('access_denied');
    expect(error?.remedy).toMatch(/Model access/);
  });
});

// ---------------------------------------------------------------------------------------------
// Rerank

const DOCUMENTS = [
  'The exam has 65 questions.',
  'Chunking splits documents into chunks with overlap before embedding.',
  'Temperature controls randomness.',
  'Hierarchical chunking keeps parent and child chunks.',
];

describe('rerank', () => {
  it('reranks with Cohere Rerank 3.5: best first, indexes into the documents', async () => {
    const out = await request<RerankOutput>('rerank', {
      modelId: 'cohere.rerank-v3-5:0',
      query: 'How does chunking with overlap work?',
      documents: DOCUMENTS,
      topN: 2,
    });
    expect(out.results).toHaveLength(2);
    expect(out.results[0]!.index).toBe(1);
    expect(out.results[0]!.relevanceScore).toBeGreaterThanOrEqual(out.results[1]!.relevanceScore);
    expect(out.costUsd).toBeNull();
    const call = calls('rerank')[0]!;
    expect(call.body).toMatchObject({
      queries: [{ type: 'TEXT', textQuery: { text: 'How does chunking with overlap work?' } }],
      rerankingConfiguration: {
        type: 'BEDROCK_RERANKING_MODEL',
        bedrockRerankingConfiguration: {
          numberOfResults: 2,
          modelConfiguration: {
            modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/cohere.rerank-v3-5:0',
          },
        },
      },
    });
    expect((call.body as { sources: unknown[] }).sources).toHaveLength(4);
  });

  it('Amazon Rerank is not offered in us-east-1: the remedy names the regions that have it', async () => {
    const input = {
      modelId: 'amazon.rerank-v1:0',
      query: 'chunking',
      documents: DOCUMENTS,
      topN: 1,
    };
    const error = await failure('rerank', input);
    expect(error.code).toBe('validation');
    expect(error.remedy).toMatch(/us-west-2/);
    await store.update({ aws: { region: 'us-west-2' } });
    const out = await request<RerankOutput>('rerank', input);
    expect(out.results).toHaveLength(1);
  });

  it('reports throttling', async () => {
    fake.setBehavior({ kind: 'throttle' });
    const error = await failure('rerank', {
      modelId: 'cohere.rerank-v3-5:0',
      query: 'q',
      documents: ['a'],
      topN: 1,
    });
    expect(error.code).toBe('throttled');
  }, 20_000);
});

// ---------------------------------------------------------------------------------------------
// Retrieve and RetrieveAndGenerate

describe('kbRetrieve', () => {
  it('returns the chunks that carry the meaning, flattened, with the default search type', async () => {
    const out = await request<RetrieveOutput>('kbRetrieve', {
      knowledgeBaseId: 'FAKEKB0001',
      query: 'What does chunking with overlap do to documents?',
      numberOfResults: 3,
      searchType: 'DEFAULT',
    });
    expect(out.results).toHaveLength(3);
    const top = out.results[0]!;
    expect(top).toMatchObject({
      locationType: 'S3',
      sourceUri: 's3://stratum-fake-kb/aif-c01/chunking.md',
      metadata: { topic: '"chunking"', domain: '3' },
    });
    expect(top.score).toBeGreaterThan(out.results[2]!.score!);
    const body = calls('retrieve')[0]!.body as {
      retrievalConfiguration: { vectorSearchConfiguration: Record<string, unknown> };
    };
    expect(body.retrievalConfiguration.vectorSearchConfiguration).toEqual({ numberOfResults: 3 });
    expect(calls('retrieve')[0]!.path).toBe('/knowledgebases/FAKEKB0001/retrieve');
  });

  it('sends an override search type when one is chosen', async () => {
    await request<RetrieveOutput>('kbRetrieve', {
      knowledgeBaseId: 'FAKEKB0001',
      query: 'guardrails',
      numberOfResults: 2,
      searchType: 'HYBRID',
    });
    expect(calls('retrieve')[0]!.body).toMatchObject({
      retrievalConfiguration: {
        vectorSearchConfiguration: { numberOfResults: 2, overrideSearchType: 'HYBRID' },
      },
    });
  });

  it('names the id and the region of a knowledge base that does not exist', async () => {
    const error = await failure('kbRetrieve', {
      knowledgeBaseId: 'NOTAKB0001',
      query: 'anything',
      numberOfResults: 3,
      searchType: 'DEFAULT',
    });
    expect(error.code).toBe('model_not_found');
    expect(error.message).toMatch(/NOTAKB0001/);
    expect(error.message).toMatch(/us-east-1/);
    expect(error.remedy).toBe(
      "Check the id in the Bedrock console and that Settings' region is the knowledge base's region.",
    );
  });

  it('does not find a knowledge base from another region', async () => {
    await store.update({ aws: { region: 'us-west-2' } });
    const error = await failure('kbRetrieve', {
      knowledgeBaseId: 'FAKEKB0001',
      query: 'anything',
      numberOfResults: 3,
      searchType: 'DEFAULT',
    });
    expect(error.message).toMatch(/FAKEKB0001 was not found in us-west-2/);
  });

  it('maps access denied with the IAM action the call needs', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const error = await failure('kbRetrieve', {
      knowledgeBaseId: 'FAKEKB0001',
      query: 'q',
      numberOfResults: 1,
      searchType: 'DEFAULT',
    });
    expect(error.code).toBe('access_denied');
    expect(error.remedy).toMatch(/bedrock:Retrieve/);
  });

  it('says which knowledge base failed when a service behind it fails', async () => {
    fake.setBehavior({
      kind: 'error',
      status: 424,
      name: 'DependencyFailedException',
      message: 'The vector store did not answer.',
    });
    const error = await failure('kbRetrieve', {
      knowledgeBaseId: 'FAKEKB0001',
      query: 'q',
      numberOfResults: 1,
      searchType: 'DEFAULT',
    });
    expect(error.code).toBe('service_unavailable');
    expect(error.message).toMatch(/FAKEKB0001 could not answer.*vector store did not answer/);
    expect(error.remedy).toMatch(/vector store/);
  });

  it('refuses a 20,000-character question before calling', async () => {
    const error = await failure('kbRetrieve', {
      knowledgeBaseId: 'FAKEKB0001',
      query: 'x'.repeat(20_000),
      numberOfResults: 3,
      searchType: 'DEFAULT',
    });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/1,000 characters/);
    expect(calls('retrieve')).toHaveLength(0);
  });
});

describe('kbRetrieveAndGenerate', () => {
  const ask = {
    knowledgeBaseId: 'FAKEKB0001',
    modelId: 'amazon.nova-lite-v1:0',
    query: 'How do knowledge bases reduce hallucinations?',
    numberOfResults: 4,
  };

  it('answers with citations whose spans index into the answer', async () => {
    const out = await request<RetrieveAndGenerateOutput>('kbRetrieveAndGenerate', ask);
    expect(out.text.length).toBeGreaterThan(20);
    expect(out.sessionId).toBeTruthy();
    expect(out.citations.length).toBeGreaterThan(0);
    for (const c of out.citations) {
      expect(out.text.slice(c.start, c.end)).toBe(c.text);
      expect(c.references[0]).toMatchObject({ locationType: 'S3', score: null });
      expect(c.references[0]!.sourceUri).toMatch(/^s3:\/\/stratum-fake-kb\//);
    }
    expect(calls('retrieve-and-generate')[0]!.body).toMatchObject({
      input: { text: ask.query },
      retrieveAndGenerateConfiguration: {
        type: 'KNOWLEDGE_BASE',
        knowledgeBaseConfiguration: {
          knowledgeBaseId: 'FAKEKB0001',
          modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
          retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 4 } },
        },
      },
    });
  });

  it('sends an inference profile as its ARN, looked up with GetInferenceProfile', async () => {
    await request('kbRetrieveAndGenerate', {
      ...ask,
      modelId: 'us.amazon.nova-lite-v1:0',
      promptTemplate: 'Answer from these: $search_results$',
    });
    // A second answer with the same profile reuses the ARN: one lookup, in the log.
    await request('kbRetrieveAndGenerate', { ...ask, modelId: 'us.amazon.nova-lite-v1:0' });
    expect(calls('get-inference-profile')).toHaveLength(1);
    const log = await request<{ records: InvocationRecord[] }>('listInvocations', undefined);
    expect(log.records.filter((r) => r.operation === 'GetInferenceProfile')).toEqual([
      expect.objectContaining({ modelId: 'us.amazon.nova-lite-v1:0', status: 'ok', costUsd: null }),
    ]);
    expect(calls('retrieve-and-generate')[0]!.body).toMatchObject({
      retrieveAndGenerateConfiguration: {
        knowledgeBaseConfiguration: {
          modelArn:
            'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-lite-v1:0',
          generationConfiguration: {
            promptTemplate: { textPromptTemplate: 'Answer from these: $search_results$' },
          },
        },
      },
    });
  });

  it('refuses what cannot answer: a profile-only model by its bare id, an embedding model', async () => {
    const profileOnly = await failure('kbRetrieveAndGenerate', {
      ...ask,
      modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    });
    expect(profileOnly.code).toBe('on_demand_not_supported');
    expect(profileOnly.remedy).toMatch(/us\.anthropic\.claude-sonnet-4-5/);
    const embedding = await failure('kbRetrieveAndGenerate', {
      ...ask,
      modelId: 'amazon.titan-embed-text-v2:0',
    });
    expect(embedding.code).toBe('invalid_input');
    expect(calls('retrieve-and-generate')).toHaveLength(0);
  });

  it('names the knowledge base that does not exist', async () => {
    const error = await failure('kbRetrieveAndGenerate', { ...ask, knowledgeBaseId: 'MISSING123' });
    expect(error.message).toMatch(/MISSING123 was not found in us-east-1/);
  });
});

// ---------------------------------------------------------------------------------------------
// The fake's validation, reached by a raw request (the SDK validates nothing itself)

describe('the fake agent runtime validates bodies like the service model', () => {
  let raw: FakeBedrock;
  beforeAll(async () => {
    raw = await startFakeBedrock();
  });
  afterAll(() => raw.close());

  async function post(path: string, body: unknown, region = 'us-east-1') {
    const now = new Date();
    const amzDate = now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const response = await fetch(`${raw.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-amz-date': amzDate,
        authorization: `AWS4-HMAC-SHA256 Credential=AKIAFAKEFAKEFAKE0001/${day}/${region}/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      type: response.headers.get('x-amzn-errortype')?.split(':')[0],
      message: ((await response.json()) as { message?: string }).message ?? '',
    };
  }

  const rerankBody = (over: Record<string, unknown> = {}) => ({
    queries: [{ type: 'TEXT', textQuery: { text: 'q' } }],
    sources: [
      { type: 'INLINE', inlineDocumentSource: { type: 'TEXT', textDocument: { text: 'd' } } },
    ],
    rerankingConfiguration: {
      type: 'BEDROCK_RERANKING_MODEL',
      bedrockRerankingConfiguration: {
        modelConfiguration: {
          modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/cohere.rerank-v3-5:0',
        },
      },
    },
    ...over,
  });

  it('accepts a well-formed Rerank and refuses bad ones', async () => {
    expect((await post('/rerank', rerankBody())).status).toBe(200);
    const twoQueries = await post(
      '/rerank',
      rerankBody({
        queries: [
          { type: 'TEXT', textQuery: { text: 'a' } },
          { type: 'TEXT', textQuery: { text: 'b' } },
        ],
      }),
    );
    expect(twoQueries).toMatchObject({ status: 400, type: 'ValidationException' });
    expect(twoQueries.message).toMatch(/queries/);
    expect((await post('/rerank', rerankBody({ sources: [] }))).status).toBe(400);
    const otherRegion = await post('/rerank', rerankBody(), 'us-west-2');
    expect(otherRegion.status).toBe(400);
  });

  it('refuses a numberOfResults outside 1..100, a long query and an unknown search type', async () => {
    const retrieve = (config: unknown, text = 'q') =>
      post('/knowledgebases/FAKEKB0001/retrieve', {
        retrievalQuery: { text },
        retrievalConfiguration: { vectorSearchConfiguration: config },
      });
    expect((await retrieve({ numberOfResults: 5 })).status).toBe(200);
    const zero = await retrieve({ numberOfResults: 0 });
    expect(zero).toMatchObject({ status: 400, type: 'ValidationException' });
    expect(zero.message).toMatch(/numberOfResults/);
    expect((await retrieve({ numberOfResults: 101 })).status).toBe(400);
    expect((await retrieve({ overrideSearchType: 'FUZZY' })).status).toBe(400);
    expect((await retrieve({}, 'x'.repeat(20_001))).status).toBe(400);
    const missing = await post('/knowledgebases/NOPE000001/retrieve', {
      retrievalQuery: { text: 'q' },
    });
    expect(missing).toMatchObject({ status: 404, type: 'ResourceNotFoundException' });
  });

  it('refuses a RetrieveAndGenerate with a bad prompt template, model ARN or question', async () => {
    const rag = (kb: Record<string, unknown>, text = 'q') =>
      post('/retrieveAndGenerate', {
        input: { text },
        retrieveAndGenerateConfiguration: {
          type: 'KNOWLEDGE_BASE',
          knowledgeBaseConfiguration: {
            knowledgeBaseId: 'FAKEKB0001',
            modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
            ...kb,
          },
        },
      });
    expect((await rag({})).status).toBe(200);
    const empty = await rag({
      generationConfiguration: { promptTemplate: { textPromptTemplate: '' } },
    });
    expect(empty.status).toBe(400);
    expect(empty.message).toMatch(/textPromptTemplate/);
    const long = await rag({
      generationConfiguration: { promptTemplate: { textPromptTemplate: 'x'.repeat(4_001) } },
    });
    expect(long.status).toBe(400);
    const elsewhere = await rag({
      modelArn: 'arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0',
    });
    expect(elsewhere.status).toBe(400);
    expect((await rag({}, 'x'.repeat(1_001))).status).toBe(400);
  });

  it('validates Cohere Embed v3 bodies', async () => {
    const invoke = (body: unknown) =>
      post(`/model/${encodeURIComponent('cohere.embed-english-v3')}/invoke`, body);
    expect((await invoke({ texts: ['a'], input_type: 'search_document' })).status).toBe(200);
    const noType = await invoke({ texts: ['a'] });
    expect(noType.status).toBe(400);
    expect(noType.message).toMatch(/input_type/);
    expect((await invoke({ texts: [], input_type: 'search_query' })).status).toBe(400);
    expect((await invoke({ texts: Array(97).fill('a'), input_type: 'search_query' })).status).toBe(
      400,
    );
    expect((await invoke({ texts: ['x'.repeat(2_049)], input_type: 'search_query' })).status).toBe(
      400,
    );
    expect(
      (await invoke({ texts: ['a'], input_type: 'search_query', truncate: 'MIDDLE' })).status,
    ).toBe(400);
  });
});

// ---------------------------------------------------------------------------------------------
// The invocation log

describe('the invocation log', () => {
  it('records every knowledge-bases call with its operation, status and cost', async () => {
    expect(await embed({ texts: texts('one', 'two') }).ended).toBeNull();
    expect(
      await embed({ modelId: 'cohere.embed-english-v3', dimensions: 1024, texts: texts('x') })
        .ended,
    ).toBeNull();
    await request('kbRetrieve', {
      knowledgeBaseId: 'FAKEKB0001',
      query: 'q',
      numberOfResults: 1,
      searchType: 'DEFAULT',
    });
    await request('kbRetrieveAndGenerate', {
      knowledgeBaseId: 'FAKEKB0001',
      modelId: 'amazon.nova-lite-v1:0',
      query: 'q',
      numberOfResults: 1,
    });
    await request('rerank', {
      modelId: 'cohere.rerank-v3-5:0',
      query: 'q',
      documents: ['a'],
      topN: 1,
    });
    fake.setBehavior({ kind: 'accessDenied' });
    await failure('kbRetrieve', {
      knowledgeBaseId: 'FAKEKB0001',
      query: 'q',
      numberOfResults: 1,
      searchType: 'DEFAULT',
    });

    const records = await logged();
    expect(records.every((r) => r.feature === 'knowledge-bases')).toBe(true);
    const titan = records.filter((r) => r.modelId === 'amazon.titan-embed-text-v2:0');
    expect(titan).toHaveLength(2);
    expect(titan[0]).toMatchObject({ operation: 'InvokeModel', status: 'ok' });
    expect(titan[0]!.costUsd).toBeGreaterThan(0);
    const cohere = records.find((r) => r.modelId === 'cohere.embed-english-v3');
    expect(cohere?.costUsd).toBeGreaterThan(0);
    expect(
      records
        .filter((r) => r.operation === 'Retrieve')
        .map((r) => r.status)
        .sort(),
    ).toEqual(['error', 'ok']);
    expect(records.find((r) => r.operation === 'Retrieve' && r.status === 'error')).toMatchObject({
      errorCode: 'access_denied',
      modelId: 'knowledge-base/FAKEKB0001',
    });
    expect(records.find((r) => r.operation === 'RetrieveAndGenerate')).toMatchObject({
      modelId: 'amazon.nova-lite-v1:0',
      status: 'ok',
    });
    expect(records.find((r) => r.operation === 'Rerank')).toMatchObject({
      modelId: 'cohere.rerank-v3-5:0',
      costUsd: null,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The reply checks and flattening on their own (no wire needed)

describe('reply checks and flattening', () => {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const text = { id: 'a', text: 'x' };

  it('accepts both documented Cohere reply shapes and refuses a count mismatch', () => {
    const two = [
      [1, 0],
      [0, 1],
    ];
    const texts2 = [text, { id: 'b', text: 'y' }];
    expect(parseCohereReply(encode({ embeddings: two }), texts2, 2)).toEqual(two);
    expect(parseCohereReply(encode({ embeddings: { float: two } }), texts2, 2)).toEqual(two);
    expect(() => parseCohereReply(encode({ embeddings: [[1, 0]] }), texts2, 2)).toThrow(
      /1 vectors for 2 texts/,
    );
  });

  it('refuses non-finite numbers and a Titan reply without an embedding', () => {
    expect(() => checkVector([1, Number.POSITIVE_INFINITY], 2, text, 'Titan')).toThrow(
      /not finite/,
    );
    expect(() => parseTitanReply(encode({ inputTextTokenCount: 3 }), text, 2)).toThrow(
      /documented \{ embedding \} shape/,
    );
    expect(parseTitanReply(encode({ embeddingsByType: { float: [0.6, 0.8] } }), text, 2)).toEqual({
      vector: [0.6, 0.8],
      inputTokens: null,
    });
  });

  it('flattens any location type and stringifies metadata values', () => {
    expect(
      flattenChunk({
        content: { type: 'TEXT', text: 'chunk' },
        location: { type: 'WEB', webLocation: { url: 'https://example.com/page' } },
        metadata: { year: 2026, tags: ['a', 'b'], title: 'T' },
        score: 0.5,
      }),
    ).toEqual({
      text: 'chunk',
      score: 0.5,
      locationType: 'WEB',
      sourceUri: 'https://example.com/page',
      metadata: { year: '2026', tags: '["a","b"]', title: '"T"' },
    });
    expect(
      flattenChunk({
        content: { text: 'q' },
        location: { type: 'SQL', sqlLocation: { query: 'SELECT 1' } },
      }),
    ).toMatchObject({ locationType: 'SQL', sourceUri: null, score: null });
  });

  it('makes citation spans exclusive and finds a span the service left out', () => {
    const answer = 'First claim. Second claim.';
    const cite = (part: object) =>
      flattenCitation({ generatedResponsePart: { textResponsePart: part } }, answer);
    expect(cite({ text: 'First claim.', span: { start: 0, end: 11 } })).toMatchObject({
      start: 0,
      end: 12,
    });
    expect(cite({ text: 'First claim.', span: { start: 0, end: 12 } })).toMatchObject({
      start: 0,
      end: 12,
    });
    expect(cite({ text: 'Second claim.' })).toMatchObject({ start: 13, end: 26 });
  });

  it('uses the endpoint setting for the agent runtime unless it names Bedrock Runtime', () => {
    const at = (endpoint: string | null) =>
      agentEndpoint({ profile: null, region: 'us-east-1', endpoint });
    expect(at(null)).toBeUndefined();
    expect(at('http://127.0.0.1:4599')).toBe('http://127.0.0.1:4599');
    expect(at('https://bedrock-runtime.us-east-1.amazonaws.com')).toBeUndefined();
    expect(
      at('https://vpce-0abc-1234.bedrock-runtime.us-east-1.vpce.amazonaws.com'),
    ).toBeUndefined();
    expect(at('https://bedrock-agent-runtime.us-east-1.amazonaws.com')).toBe(
      'https://bedrock-agent-runtime.us-east-1.amazonaws.com',
    );
  });
});
