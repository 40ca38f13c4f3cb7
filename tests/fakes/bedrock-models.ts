/**
 * The fake's model catalogue and the rules for turning a wire model identifier (bare id,
 * inference-profile id, or ARN) into a model, as strictly as Bedrock Runtime does.
 */
import { validationError, type BedrockError } from './bedrock-errors.js';

export type Geography = 'us' | 'eu' | 'apac' | 'jp' | 'au' | 'ca' | 'global' | 'us-gov';
export type Modality = 'TEXT' | 'IMAGE' | 'EMBEDDING' | 'VIDEO' | 'SPEECH';
export type ModelKind = 'text' | 'image' | 'embedding';

/** What a text model accepts in Converse; approximations of the Bedrock feature tables. */
export interface TextCapabilities {
  system: boolean;
  toolUse: boolean;
  /** `toolChoice` `any` / `tool` (forcing a tool); `auto` is always fine when tools are. */
  forcedToolChoice: boolean;
  /** Some models (Llama, Mistral) reject tools in ConverseStream. */
  streamingToolUse: boolean;
  images: boolean;
  documents: boolean;
}

export interface FakeModel {
  modelId: string;
  modelName: string;
  providerName: string;
  kind: ModelKind;
  inputModalities: Modality[];
  outputModalities: Modality[];
  /** False: the bare id / foundation-model ARN is refused; only inference profiles work. */
  onDemand: boolean;
  /** Geographies with a SYSTEM_DEFINED cross-region profile, e.g. `us` for `us.<modelId>`. */
  profiles: Geography[];
  /** Upper bound for `inferenceConfig.maxTokens` (text models). */
  maxOutputTokens: number;
  capabilities: TextCapabilities;
  customizationsSupported: string[];
  lifecycleStatus: 'ACTIVE' | 'LEGACY';
}

/** A model added through `startFakeBedrock({ models })`; unspecified fields get text defaults. */
export type ExtraModel = Pick<FakeModel, 'modelId'> & Partial<Omit<FakeModel, 'modelId'>>;

const TEXT_ONLY: TextCapabilities = {
  system: true,
  toolUse: true,
  forcedToolChoice: true,
  streamingToolUse: true,
  images: false,
  documents: false,
};
const MULTIMODAL: TextCapabilities = { ...TEXT_ONLY, images: true, documents: true };
const NO_TEXT: TextCapabilities = {
  system: false,
  toolUse: false,
  forcedToolChoice: false,
  streamingToolUse: false,
  images: false,
  documents: false,
};
const LIMITED_TOOLS: TextCapabilities = {
  ...TEXT_ONLY,
  forcedToolChoice: false,
  streamingToolUse: false,
};

function text(
  modelId: string,
  modelName: string,
  providerName: string,
  rest: Partial<FakeModel>,
): FakeModel {
  return {
    modelId,
    modelName,
    providerName,
    kind: 'text',
    inputModalities: ['TEXT'],
    outputModalities: ['TEXT'],
    onDemand: true,
    profiles: [],
    maxOutputTokens: 4096,
    capabilities: TEXT_ONLY,
    customizationsSupported: [],
    lifecycleStatus: 'ACTIVE',
    ...rest,
  };
}

/** The built-in catalogue. Output limits follow the providers' documented maxima. */
export const DEFAULT_MODELS: readonly FakeModel[] = [
  text('amazon.nova-micro-v1:0', 'Nova Micro', 'Amazon', {
    profiles: ['us', 'eu', 'apac'],
    maxOutputTokens: 10000,
  }),
  text('amazon.nova-lite-v1:0', 'Nova Lite', 'Amazon', {
    inputModalities: ['TEXT', 'IMAGE', 'VIDEO'],
    profiles: ['us', 'eu', 'apac'],
    maxOutputTokens: 10000,
    capabilities: MULTIMODAL,
  }),
  text('amazon.nova-pro-v1:0', 'Nova Pro', 'Amazon', {
    inputModalities: ['TEXT', 'IMAGE', 'VIDEO'],
    profiles: ['us', 'eu', 'apac'],
    maxOutputTokens: 10000,
    capabilities: MULTIMODAL,
  }),
  {
    ...text('amazon.nova-canvas-v1:0', 'Nova Canvas', 'Amazon', {}),
    kind: 'image',
    inputModalities: ['TEXT', 'IMAGE'],
    outputModalities: ['IMAGE'],
    maxOutputTokens: 0,
    capabilities: NO_TEXT,
  },
  {
    ...text('amazon.titan-image-generator-v2:0', 'Titan Image Generator G1 v2', 'Amazon', {}),
    kind: 'image',
    inputModalities: ['TEXT', 'IMAGE'],
    outputModalities: ['IMAGE'],
    maxOutputTokens: 0,
    capabilities: NO_TEXT,
    customizationsSupported: ['FINE_TUNING'],
  },
  // Stability AI text-to-image (InvokeModel only, one image per call; bedrock-invoke.ts).
  ...(
    [
      ['stability.stable-image-core-v1:1', 'Stable Image Core 1.1'],
      ['stability.sd3-5-large-v1:0', 'Stable Diffusion 3.5 Large'],
      ['stability.stable-image-ultra-v1:1', 'Stable Image Ultra 1.1'],
    ] as const
  ).map(([id, name]): FakeModel => ({
    ...text(id, name, 'Stability AI', {}),
    kind: 'image',
    outputModalities: ['IMAGE'],
    maxOutputTokens: 0,
    capabilities: NO_TEXT,
  })),
  {
    ...text('amazon.titan-embed-text-v2:0', 'Titan Text Embeddings V2', 'Amazon', {}),
    kind: 'embedding',
    outputModalities: ['EMBEDDING'],
    maxOutputTokens: 0,
    capabilities: NO_TEXT,
  },
  {
    ...text('cohere.embed-english-v3', 'Embed English', 'Cohere', {}),
    kind: 'embedding',
    outputModalities: ['EMBEDDING'],
    maxOutputTokens: 0,
    capabilities: NO_TEXT,
  },
  text('anthropic.claude-3-haiku-20240307-v1:0', 'Claude 3 Haiku', 'Anthropic', {
    inputModalities: ['TEXT', 'IMAGE'],
    profiles: ['us', 'eu', 'apac'],
    maxOutputTokens: 4096,
    capabilities: MULTIMODAL,
    customizationsSupported: ['FINE_TUNING'],
  }),
  text('anthropic.claude-3-5-haiku-20241022-v1:0', 'Claude 3.5 Haiku', 'Anthropic', {
    profiles: ['us'],
    maxOutputTokens: 8192,
  }),
  text('anthropic.claude-haiku-4-5-20251001-v1:0', 'Claude Haiku 4.5', 'Anthropic', {
    inputModalities: ['TEXT', 'IMAGE'],
    // The bare id is callable on demand in us-east-1 (and a few other regions) since 2026.
    onDemand: true,
    profiles: ['us', 'eu', 'jp', 'au', 'global'],
    maxOutputTokens: 64000,
    capabilities: MULTIMODAL,
  }),
  text('anthropic.claude-sonnet-4-5-20250929-v1:0', 'Claude Sonnet 4.5', 'Anthropic', {
    inputModalities: ['TEXT', 'IMAGE'],
    onDemand: false,
    profiles: ['us', 'eu', 'jp', 'au', 'global'],
    maxOutputTokens: 64000,
    capabilities: MULTIMODAL,
  }),
  text('anthropic.claude-sonnet-4-20250514-v1:0', 'Claude Sonnet 4', 'Anthropic', {
    inputModalities: ['TEXT', 'IMAGE'],
    onDemand: false,
    profiles: ['us', 'eu', 'apac', 'global'],
    maxOutputTokens: 64000,
    capabilities: MULTIMODAL,
  }),
  text('meta.llama3-3-70b-instruct-v1:0', 'Llama 3.3 70B Instruct', 'Meta', {
    onDemand: false,
    profiles: ['us'],
    maxOutputTokens: 8192,
    capabilities: LIMITED_TOOLS,
  }),
  text('mistral.mistral-large-2402-v1:0', 'Mistral Large (24.02)', 'Mistral AI', {
    maxOutputTokens: 8192,
    capabilities: LIMITED_TOOLS,
  }),
];

/** Fills an extra model's gaps with text-model defaults. */
export function completeModel(extra: ExtraModel): FakeModel {
  return text(extra.modelId, extra.modelName ?? extra.modelId, extra.providerName ?? 'Fake', extra);
}

/** The geographies whose profiles a caller in `region` may use, like the real routing rules. */
export function geographiesFor(region: string): Geography[] {
  if (region.startsWith('us-gov-')) return ['us-gov'];
  if (region.startsWith('us-')) return ['us', 'global'];
  if (region.startsWith('eu-')) return ['eu', 'global'];
  if (region === 'ap-northeast-1' || region === 'ap-northeast-3') return ['jp', 'apac', 'global'];
  if (region === 'ap-southeast-2' || region === 'ap-southeast-4') return ['au', 'apac', 'global'];
  if (region.startsWith('ap-')) return ['apac', 'global'];
  if (region.startsWith('ca-')) return ['ca', 'global'];
  return ['global'];
}

/** Destination regions a profile of each geography routes to (shown in ListInferenceProfiles). */
const DESTINATIONS: Record<Geography, string[]> = {
  us: ['us-east-1', 'us-east-2', 'us-west-2'],
  eu: ['eu-central-1', 'eu-west-1', 'eu-west-3', 'eu-north-1'],
  apac: ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'],
  jp: ['ap-northeast-1', 'ap-northeast-3'],
  au: ['ap-southeast-2', 'ap-southeast-4'],
  ca: ['ca-central-1', 'ca-west-1'],
  global: [''],
  'us-gov': ['us-gov-west-1', 'us-gov-east-1'],
};

const GEOGRAPHY_LABEL: Record<Geography, string> = {
  us: 'US',
  eu: 'EU',
  apac: 'APAC',
  jp: 'JP',
  au: 'AU',
  ca: 'CA',
  global: 'Global',
  'us-gov': 'US-GOV',
};

/** The account id the fake puts in inference-profile ARNs. */
export const FAKE_ACCOUNT_ID = '111122223333';

export function foundationModelArn(region: string, modelId: string): string {
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

export interface ProfileInfo {
  profileId: string;
  geography: Geography;
  model: FakeModel;
}

export interface InferenceProfileSummaryWire {
  inferenceProfileName: string;
  inferenceProfileArn: string;
  inferenceProfileId: string;
  description: string;
  status: 'ACTIVE';
  type: 'SYSTEM_DEFINED';
  models: { modelArn: string }[];
  /** RFC 3339: the control-plane model marks these timestamps `date-time`. */
  createdAt: string;
  updatedAt: string;
}

/** System-defined profiles a caller in `region` can see, in catalogue order. */
export function profilesForRegion(models: readonly FakeModel[], region: string): ProfileInfo[] {
  const geos = geographiesFor(region);
  const out: ProfileInfo[] = [];
  for (const model of models) {
    for (const geography of model.profiles) {
      if (geos.includes(geography)) {
        out.push({ profileId: `${geography}.${model.modelId}`, geography, model });
      }
    }
  }
  return out;
}

const PROFILE_CREATED_AT = '2024-08-27T00:00:00Z';

export function profileSummary(region: string, p: ProfileInfo): InferenceProfileSummaryWire {
  const destinations = DESTINATIONS[p.geography];
  const label = GEOGRAPHY_LABEL[p.geography];
  return {
    inferenceProfileName: `${label} ${p.model.providerName} ${p.model.modelName}`,
    inferenceProfileArn: `arn:aws:bedrock:${region}:${FAKE_ACCOUNT_ID}:inference-profile/${p.profileId}`,
    inferenceProfileId: p.profileId,
    description: `Routes requests to ${p.model.modelName} in ${label} regions.`,
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED',
    models: destinations.map((r) => ({ modelArn: foundationModelArn(r, p.model.modelId) })),
    createdAt: PROFILE_CREATED_AT,
    updatedAt: PROFILE_CREATED_AT,
  };
}

export interface ResolvedModel {
  model: FakeModel;
  /** How the caller named it; profiles route on-demand-less models. */
  via: 'foundation-model' | 'inference-profile';
}

export const INVALID_MODEL_MESSAGE = 'The provided model identifier is invalid.';

export function onDemandNotSupportedMessage(modelId: string): string {
  return (
    `Invocation of model ID ${modelId} with on-demand throughput isn’t supported. ` +
    'Retry your request with the ID or ARN of an inference profile that contains this model.'
  );
}

const FOUNDATION_ARN = /^arn:aws(?:-[a-z]+)*:bedrock:([a-z0-9-]+)::foundation-model\/(.+)$/;
const PROFILE_ARN = /^arn:aws(?:-[a-z]+)*:bedrock:([a-z0-9-]+):(\d{12}):inference-profile\/(.+)$/;
const PROFILE_ID = /^(us-gov|us|eu|apac|jp|au|ca|global)\.(.+)$/;

/**
 * Resolves a decoded model identifier for a caller in `region`, or throws the ValidationException
 * the service answers: unknown ids, profiles of another geography, ARNs of another region, and
 * bare ids of profile-only models are all refused.
 */
export function resolveModel(
  identifier: string,
  region: string,
  models: readonly FakeModel[],
): ResolvedModel {
  const invalid = (): BedrockError => validationError(INVALID_MODEL_MESSAGE);
  const foundationArn = FOUNDATION_ARN.exec(identifier);
  if (foundationArn) {
    if (foundationArn[1] !== region) throw invalid();
    return resolveBareId(foundationArn[2] ?? '', models);
  }
  const profileArn = PROFILE_ARN.exec(identifier);
  if (profileArn) {
    if (profileArn[1] !== region) throw invalid();
    return resolveProfileId(profileArn[3] ?? '', region, models);
  }
  if (PROFILE_ID.test(identifier)) return resolveProfileId(identifier, region, models);
  return resolveBareId(identifier, models);
}

function resolveBareId(modelId: string, models: readonly FakeModel[]): ResolvedModel {
  const model = models.find((m) => m.modelId === modelId);
  if (!model) throw validationError(INVALID_MODEL_MESSAGE);
  if (!model.onDemand) throw validationError(onDemandNotSupportedMessage(modelId));
  return { model, via: 'foundation-model' };
}

function resolveProfileId(
  profileId: string,
  region: string,
  models: readonly FakeModel[],
): ResolvedModel {
  const match = PROFILE_ID.exec(profileId);
  const geography = match?.[1] as Geography | undefined;
  const model = models.find((m) => m.modelId === match?.[2]);
  if (!geography || !model || !model.profiles.includes(geography)) {
    throw validationError(INVALID_MODEL_MESSAGE);
  }
  if (!geographiesFor(region).includes(geography)) throw validationError(INVALID_MODEL_MESSAGE);
  return { model, via: 'inference-profile' };
}
