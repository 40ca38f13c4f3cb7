/**
 * The knowledge bases lab's agent-runtime calls (`@aws-sdk/client-bedrock-agent-runtime`):
 * Rerank (a list of documents reordered by a rerank model), Retrieve (chunks from a real Bedrock
 * knowledge base) and RetrieveAndGenerate (an answer with citations). Each is a recorded call in
 * the invocation log (feature 'knowledge-bases'), and each reply is flattened to the contract's
 * shapes (shared/knowledge-bases.ts).
 *
 * Model ARNs (botocore bedrock-agent-runtime 2023-07-26; API reference): Rerank takes a
 * foundation-model ARN, `arn:aws:bedrock:<region>::foundation-model/<id>`. RetrieveAndGenerate's
 * `modelArn` is documented as "the ARN of the foundation model or inference profile": a bare
 * model id is sent as its foundation-model ARN in the Settings region; an inference-profile id
 * (us., eu., global. ...) as the profile's ARN, which holds the account id, so it is looked up
 * with GetInferenceProfile (a recorded call, once per profile id and access key);
 * a model the catalog knows to be profile-only is refused with the profile to use instead.
 */
import { GetInferenceProfileCommand } from '@aws-sdk/client-bedrock';
import {
  RerankCommand,
  RetrieveAndGenerateCommand,
  RetrieveCommand,
  type Citation,
  type KnowledgeBaseRetrievalResult,
  type RetrievalResultLocation,
  type RetrievedReference,
} from '@aws-sdk/client-bedrock-agent-runtime';
import {
  estimateRerankCost,
  RERANK_REGIONS,
  type KbCitation,
  type RerankInput,
  type RerankModelId,
  type RerankOutput,
  type RetrieveAndGenerateInput,
  type RetrieveAndGenerateOutput,
  type RetrievedChunk,
  type RetrieveInput,
  type RetrieveOutput,
} from '../../../shared/knowledge-bases';
import { findModel, inferenceProfileSuggestion, isCallableTextModel } from '../../../shared/models';
import { AppFailure } from '../errors';
import type { AgentCaller } from './client';
import { recordedCall } from './recorded-call';

const RERANK_LABELS: Record<RerankModelId, string> = {
  'amazon.rerank-v1:0': 'Amazon Rerank 1.0',
  'cohere.rerank-v3-5:0': 'Cohere Rerank 3.5',
};

/** How a Retrieve call is named in the invocation log (it calls no model of the learner's). */
export function knowledgeBaseLogId(knowledgeBaseId: string): string {
  return `knowledge-base/${knowledgeBaseId}`;
}

export function foundationModelArn(region: string, modelId: string): string {
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

// ---------------------------------------------------------------------------------------------
// Rerank

/**
 * Reranks `input.documents` against the query; results best first. A region that does not offer
 * the model is the service's to refuse: the remedy then names the regions that do.
 */
export async function rerank(caller: AgentCaller, input: RerankInput): Promise<RerankOutput> {
  const { region } = caller.target;
  const label = RERANK_LABELS[input.modelId];
  return recordedCall(
    {
      feature: 'knowledge-bases',
      operation: 'Rerank',
      modelId: input.modelId,
      target: caller.target,
      record: caller.record,
      timeoutMs: caller.timeouts.shortMs,
      errorContext: { iamActions: ['bedrock:Rerank', 'bedrock:InvokeModel'] },
      describeFailure: (failure) => {
        const regions = RERANK_REGIONS[input.modelId];
        const code = failure.appError.code;
        if (regions.includes(region) || !['validation', 'model_not_found'].includes(code)) {
          return failure;
        }
        return new AppFailure({
          ...failure.appError,
          remedy: `${label} is offered in ${regions.join(', ')}, not in ${region}: switch region in Settings, or pick the other rerank model.`,
        });
      },
    },
    async (meter) => {
      const response = await caller.client.send(
        new RerankCommand({
          queries: [{ type: 'TEXT', textQuery: { text: input.query } }],
          sources: input.documents.map((text) => ({
            type: 'INLINE',
            inlineDocumentSource: { type: 'TEXT', textDocument: { text } },
          })),
          rerankingConfiguration: {
            type: 'BEDROCK_RERANKING_MODEL',
            bedrockRerankingConfiguration: {
              numberOfResults: input.topN,
              modelConfiguration: { modelArn: foundationModelArn(region, input.modelId) },
            },
          },
        }),
        meter.sendOptions,
      );
      const results = (response.results ?? []).map((r) => ({
        index: r.index ?? -1,
        relevanceScore: r.relevanceScore ?? 0,
      }));
      if (results.some((r) => r.index < 0 || r.index >= input.documents.length)) {
        throw new AppFailure({
          code: 'model_error',
          message: `${label} returned a result for a document that was not sent.`,
          remedy: 'Try again; if it keeps happening, try the other rerank model.',
        });
      }
      const costUsd = estimateRerankCost(input.modelId, input.documents.length);
      meter.cost(costUsd);
      return {
        results: results.sort((a, b) => b.relevanceScore - a.relevanceScore),
        latencyMs: meter.elapsed(),
        costUsd,
      };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Flattening

/** The URI or URL of whichever location member is set (SQL locations carry a query, not a URI). */
function sourceUriOf(location: RetrievalResultLocation | undefined): string | null {
  if (!location) return null;
  return (
    location.s3Location?.uri ??
    location.webLocation?.url ??
    location.confluenceLocation?.url ??
    location.salesforceLocation?.url ??
    location.sharePointLocation?.url ??
    location.kendraDocumentLocation?.uri ??
    location.oneDriveLocation?.url ??
    location.googleDriveLocation?.url ??
    location.customDocumentLocation?.id ??
    null
  );
}

/** One retrieved chunk or cited reference, flattened for display. */
export function flattenChunk(
  result: KnowledgeBaseRetrievalResult | RetrievedReference,
): RetrievedChunk {
  const content = result.content;
  const text =
    content?.text ?? (content?.row ? JSON.stringify(content.row) : (content?.byteContent ?? ''));
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(result.metadata ?? {})) {
    metadata[key] = JSON.stringify(value) ?? 'null';
  }
  return {
    text,
    score: 'score' in result && typeof result.score === 'number' ? result.score : null,
    locationType: result.location?.type ?? null,
    sourceUri: sourceUriOf(result.location),
    metadata,
  };
}

/**
 * A citation with its span as offsets into the answer, `end` exclusive (`answer.slice(start,
 * end)` is the cited text). Whether the service's `span.end` is inclusive is not documented, so
 * an end one short of the cited text is moved past it; a span the service left out is found by
 * its text in the answer.
 */
export function flattenCitation(citation: Citation, answer: string): KbCitation {
  const part = citation.generatedResponsePart?.textResponsePart;
  const text = part?.text ?? '';
  const found = text ? answer.indexOf(text) : -1;
  const start = part?.span?.start ?? (found >= 0 ? found : 0);
  let end = part?.span?.end ?? (found >= 0 ? found + text.length : start);
  if (text && answer.slice(start, end) !== text && answer.slice(start, end + 1) === text) end += 1;
  return {
    start,
    end: Math.min(answer.length, Math.max(start, end)),
    text,
    references: (citation.retrievedReferences ?? []).map(flattenChunk),
  };
}

// ---------------------------------------------------------------------------------------------
// Retrieve and RetrieveAndGenerate

/** Chunks from a knowledge base for a query; searchType DEFAULT leaves the choice to it. */
export async function kbRetrieve(
  caller: AgentCaller,
  input: RetrieveInput,
): Promise<RetrieveOutput> {
  return recordedCall(
    {
      feature: 'knowledge-bases',
      operation: 'Retrieve',
      modelId: knowledgeBaseLogId(input.knowledgeBaseId),
      target: caller.target,
      record: caller.record,
      timeoutMs: caller.timeouts.shortMs,
      errorContext: { knowledgeBaseId: input.knowledgeBaseId, iamActions: ['bedrock:Retrieve'] },
    },
    async (meter) => {
      const response = await caller.client.send(
        new RetrieveCommand({
          knowledgeBaseId: input.knowledgeBaseId,
          retrievalQuery: { text: input.query },
          retrievalConfiguration: {
            vectorSearchConfiguration: {
              numberOfResults: input.numberOfResults,
              ...(input.searchType !== 'DEFAULT' ? { overrideSearchType: input.searchType } : {}),
            },
          },
        }),
        meter.sendOptions,
      );
      return {
        results: (response.retrievalResults ?? []).map(flattenChunk),
        guardrailAction: response.guardrailAction ?? null,
        latencyMs: meter.elapsed(),
      };
    },
  );
}

const PROFILE_PREFIX = /^(us|eu|apac|jp|au|ca|global|us-gov)\./;

/**
 * Inference-profile ARNs already looked up, per access key, Region, endpoint and profile id. The
 * ARN holds the account id, and it never changes for a given id in one account and Region; an
 * access key belongs to one account, so keying by the key the control client signs with now means
 * credentials changed to another account (a file edited, a profile switched away and back, SSO or
 * a credential process renewing them) never get another account's ARN. A failed lookup is not
 * kept.
 */
const profileArns = new Map<string, Promise<string>>();

/** Forgets the looked-up ARNs (tests). */
export function forgetInferenceProfileArns(): void {
  profileArns.clear();
}

/**
 * The access key id the control client signs with now (the SDK memoises it until it expires);
 * null when no credentials resolve, and the lookup then reports that as a recorded call.
 */
async function signingKeyOf(caller: AgentCaller): Promise<string | null> {
  try {
    return (await caller.control.config.credentials()).accessKeyId;
  } catch {
    return null;
  }
}

/** The ARN of inference profile `profileId` (see `profileArns`), as a recorded call. */
async function inferenceProfileArn(caller: AgentCaller, profileId: string): Promise<string> {
  const accessKeyId = await signingKeyOf(caller);
  if (accessKeyId === null) return lookUpInferenceProfile(caller, profileId);
  const { region, endpoint } = caller.target;
  const key = JSON.stringify([accessKeyId, region, endpoint, profileId]);
  let arn = profileArns.get(key);
  if (!arn) {
    arn = lookUpInferenceProfile(caller, profileId);
    profileArns.set(key, arn);
    arn.catch(() => profileArns.delete(key));
  }
  return arn;
}

async function lookUpInferenceProfile(caller: AgentCaller, profileId: string): Promise<string> {
  const { region } = caller.target;
  const found = await recordedCall(
    {
      feature: 'knowledge-bases',
      operation: 'GetInferenceProfile',
      modelId: profileId,
      target: caller.target,
      record: caller.record,
      timeoutMs: caller.timeouts.testMs,
      errorContext: { iamActions: ['bedrock:GetInferenceProfile'] },
      describeFailure: (failure) =>
        new AppFailure({
          ...failure.appError,
          message: `The inference profile ${profileId} could not be looked up in ${region}: ${failure.appError.message}`,
        }),
    },
    (meter) =>
      caller.control.send(
        new GetInferenceProfileCommand({ inferenceProfileIdentifier: profileId }),
        meter.sendOptions,
      ),
  );
  if (found.inferenceProfileArn) return found.inferenceProfileArn;
  throw new AppFailure({
    code: 'model_not_found',
    message: `The inference profile ${profileId} has no ARN in ${region}.`,
    remedy: 'Pick another model, or its bare model id.',
  });
}

/**
 * The `modelArn` RetrieveAndGenerate gets for `modelId` (see the file comment), or an
 * `AppFailure` saying why that model cannot answer.
 */
export async function generationModelArn(caller: AgentCaller, modelId: string): Promise<string> {
  const { region } = caller.target;
  if (modelId.startsWith('arn:')) return modelId;
  const model = findModel(modelId);
  if (model && !isCallableTextModel(model)) {
    throw new AppFailure({
      code: 'invalid_input',
      message: `${model.name} does not write text, so it cannot answer from a knowledge base.`,
      remedy: 'Pick a text model (for example Amazon Nova Lite) for the answer.',
    });
  }
  if (PROFILE_PREFIX.test(modelId)) return inferenceProfileArn(caller, modelId);
  if (model?.requiresInferenceProfile) {
    const suggestion = inferenceProfileSuggestion(modelId, region);
    throw new AppFailure({
      code: 'on_demand_not_supported',
      message: `${model.name} cannot be called on demand with its bare model id.`,
      remedy: suggestion
        ? `Use its inference profile ${suggestion} as the answer model.`
        : 'Use an inference profile id for this model (one that starts with us., eu., apac. or global.).',
    });
  }
  return foundationModelArn(region, modelId);
}

/** An answer from a knowledge base, with citations whose spans index into the answer. */
export async function kbRetrieveAndGenerate(
  caller: AgentCaller,
  input: RetrieveAndGenerateInput,
): Promise<RetrieveAndGenerateOutput> {
  const modelArn = await generationModelArn(caller, input.modelId);
  return recordedCall(
    {
      feature: 'knowledge-bases',
      operation: 'RetrieveAndGenerate',
      modelId: input.modelId,
      target: caller.target,
      record: caller.record,
      timeoutMs: caller.timeouts.callMs,
      errorContext: {
        knowledgeBaseId: input.knowledgeBaseId,
        iamActions: ['bedrock:RetrieveAndGenerate', 'bedrock:InvokeModel'],
      },
    },
    async (meter) => {
      const response = await caller.client.send(
        new RetrieveAndGenerateCommand({
          input: { text: input.query },
          retrieveAndGenerateConfiguration: {
            type: 'KNOWLEDGE_BASE',
            knowledgeBaseConfiguration: {
              knowledgeBaseId: input.knowledgeBaseId,
              modelArn,
              retrievalConfiguration: {
                vectorSearchConfiguration: { numberOfResults: input.numberOfResults },
              },
              ...(input.promptTemplate
                ? {
                    generationConfiguration: {
                      promptTemplate: { textPromptTemplate: input.promptTemplate },
                    },
                  }
                : {}),
            },
          },
        }),
        meter.sendOptions,
      );
      const text = response.output?.text ?? '';
      return {
        text,
        sessionId: response.sessionId ?? '',
        citations: (response.citations ?? []).map((c) => flattenCitation(c, text)),
        guardrailAction: response.guardrailAction ?? null,
        latencyMs: meter.elapsed(),
      };
    },
  );
}
