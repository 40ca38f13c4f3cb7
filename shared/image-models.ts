/**
 * The parameter rules of the image generators the diffusion lab calls through InvokeModel:
 * Amazon Nova Canvas and Amazon Titan Image Generator G1 v2 (one native format: taskType + task
 * params + imageGenerationConfig, with a width and height), and the Stability AI text-to-image
 * models (Stable Image Core, Stable Diffusion 3.5 Large, Stable Image Ultra: a flat body with an
 * aspect ratio instead of a size, one image per call). The contract checks a request against its
 * model's rules before any (billed) call is made, and the renderer builds its controls from the
 * same numbers.
 *
 * Sources: the Amazon Nova user guide ("Request and response structure for image generation":
 * text and negativeText 1-1024 characters; the AWS code examples draw Nova Canvas seeds from
 * 0..858,993,459), the Bedrock user guide page for Titan Image Generator G1 models, and the
 * Bedrock user guide's Stability AI pages (model-parameters-diffusion-3-5-large,
 * ...-stable-image-core-text-image-request-response, ...-stable-ultra-text-image-request-response:
 * prompt at most 10,000 characters, the nine aspect ratios, seed 0..4,294,967,294 for SD3.5
 * Large, 0 meaning a random seed; pages read on 2026-12-04).
 * The rules match the strict fake in tests/fakes/, which follows the same pages.
 */
import { baseModelId, estimateImageCost, findModel } from './models';

export const NOVA_CANVAS_ID = 'amazon.nova-canvas-v1:0';
export const TITAN_IMAGE_V2_ID = 'amazon.titan-image-generator-v2:0';
export const STABLE_IMAGE_CORE_ID = 'stability.stable-image-core-v1:1';
export const SD35_LARGE_ID = 'stability.sd3-5-large-v1:0';
export const STABLE_IMAGE_ULTRA_ID = 'stability.stable-image-ultra-v1:1';
/** The Stability AI text-to-image models the lab offers, cheapest first. */
export const STABILITY_IMAGE_IDS: readonly string[] = [
  STABLE_IMAGE_CORE_ID,
  SD35_LARGE_ID,
  STABLE_IMAGE_ULTRA_ID,
];

export type ImageModelFamily = 'nova-canvas' | 'titan-image-v2' | 'stability';
export type ImageTask = 'TEXT_IMAGE' | 'IMAGE_VARIATION';
export type ImageQuality = 'standard' | 'premium';

export interface ImageModelRules {
  label: string;
  /** Longest prompt / negative prompt, in characters. */
  maxPromptChars: number;
  maxSeed: number;
  /** Most images one call may ask for. */
  maxImages: number;
  /** How the picture's shape is chosen: a width and height, or an aspect ratio. */
  shape: 'size' | 'aspect-ratio';
  /** A sentence saying what is wrong with a size, or null when the model accepts it. */
  sizeProblem(width: number, height: number): string | null;
}

/** The aspect ratios every Stability AI text-to-image model on Bedrock documents (default 1:1). */
export const STABILITY_ASPECT_RATIOS = [
  '1:1',
  '16:9',
  '21:9',
  '2:3',
  '3:2',
  '4:5',
  '5:4',
  '9:16',
  '9:21',
] as const;
export type AspectRatio = (typeof STABILITY_ASPECT_RATIOS)[number];

/**
 * The seed range the SD3.5 Large page documents (0..4,294,967,294; 0 = random). The Stable Image
 * Core page says 0..4,294,967,295 and the Ultra page's range was not readable, so the lab uses the
 * smaller bound for all three.
 */
export const STABILITY_MAX_SEED = 4_294_967_294;

/**
 * The Stability AI models whose Bedrock page says seed 0 (the default) means a random seed:
 * Stable Image Core and SD3.5 Large. The Ultra page's seed text was not readable.
 */
export function seedZeroIsRandom(modelId: string): boolean {
  const base = baseModelId(modelId);
  return base === STABLE_IMAGE_CORE_ID || base === SD35_LARGE_ID;
}

/** Where the catalog says the Stability AI models are offered (its note: us-west-2 only). */
export const STABILITY_REGIONS: readonly string[] = ['us-west-2'];

/**
 * The Region an image call goes to: the learner's (Settings), except a Stability AI model called
 * from a Region that does not serve it, which goes to the Region that does, since the call would
 * otherwise fail. A custom endpoint decides for itself, so its Region is never changed.
 */
export function imageCallRegion(modelId: string, region: string, endpoint: string | null): string {
  if (endpoint || imageModelFamily(modelId) !== 'stability' || STABILITY_REGIONS.includes(region))
    return region;
  return STABILITY_REGIONS[0]!;
}

/** Titan Image Generator v2 accepts exactly these output sizes (width × height). */
export const TITAN_V2_SIZES: readonly (readonly [number, number])[] = [
  [1024, 1024],
  [768, 768],
  [512, 512],
  [768, 1152],
  [384, 576],
  [1152, 768],
  [576, 384],
  [768, 1280],
  [384, 640],
  [1280, 768],
  [640, 384],
  [896, 1152],
  [448, 576],
  [1152, 896],
  [576, 448],
  [768, 1408],
  [384, 704],
  [1408, 768],
  [704, 384],
  [640, 1408],
  [320, 704],
  [1408, 640],
  [704, 320],
  [1152, 640],
  [1173, 640],
];

export const NOVA_CANVAS_MAX_PIXELS = 4_194_304;

/** Nova Canvas: each side 320-4096 in steps of 16, at most 4,194,304 pixels, aspect 1:4..4:1. */
export function novaCanvasSizeProblem(width: number, height: number): string | null {
  if ([width, height].some((side) => side < 320 || side > 4096)) {
    return `Nova Canvas needs a width and height between 320 and 4096 pixels (got ${width}×${height}).`;
  }
  if (width % 16 !== 0 || height % 16 !== 0) {
    return `Nova Canvas needs a width and height that are multiples of 16 (got ${width}×${height}).`;
  }
  if (width * height > NOVA_CANVAS_MAX_PIXELS) {
    return `Nova Canvas makes images of at most 4,194,304 pixels (2048×2048); ${width}×${height} is ${(width * height).toLocaleString('en-US')}.`;
  }
  if (width > 4 * height || height > 4 * width) {
    return `Nova Canvas needs an aspect ratio between 1:4 and 4:1 (got ${width}×${height}).`;
  }
  return null;
}

export function titanV2SizeProblem(width: number, height: number): string | null {
  if (TITAN_V2_SIZES.some(([w, h]) => w === width && h === height)) return null;
  const sizes = TITAN_V2_SIZES.map(([w, h]) => `${w}×${h}`).join(', ');
  return `Titan Image Generator v2 makes only these sizes: ${sizes} (got ${width}×${height}).`;
}

export const IMAGE_MODEL_RULES: Record<ImageModelFamily, ImageModelRules> = {
  'nova-canvas': {
    label: 'Nova Canvas',
    maxPromptChars: 1024,
    maxSeed: 858_993_459,
    maxImages: 5,
    shape: 'size',
    sizeProblem: novaCanvasSizeProblem,
  },
  'titan-image-v2': {
    label: 'Titan Image Generator v2',
    maxPromptChars: 512,
    maxSeed: 2_147_483_646,
    maxImages: 5,
    shape: 'size',
    sizeProblem: titanV2SizeProblem,
  },
  stability: {
    label: 'Stability AI',
    maxPromptChars: 10_000,
    maxSeed: STABILITY_MAX_SEED,
    maxImages: 1,
    shape: 'aspect-ratio',
    sizeProblem: () => 'Stability AI models take an aspect ratio, not a width and height.',
  },
};

/** The name to use in messages: the catalog's model name, else the family's label. */
export function imageModelLabel(modelId: string): string {
  const family = imageModelFamily(modelId);
  if (family === 'stability') return findModel(modelId)?.name ?? 'Stability AI';
  return family ? IMAGE_MODEL_RULES[family].label : modelId;
}

/** Which generator a model id (bare, profile or ARN) names, or null for any other model. */
export function imageModelFamily(modelId: string): ImageModelFamily | null {
  const base = baseModelId(modelId);
  if (base === NOVA_CANVAS_ID) return 'nova-canvas';
  if (base === TITAN_IMAGE_V2_ID) return 'titan-image-v2';
  if (STABILITY_IMAGE_IDS.includes(base)) return 'stability';
  return null;
}

/** The fields of an image request that the per-model rules look at. */
export interface ImageRequestFields {
  modelId: string;
  task: ImageTask;
  prompt?: string | undefined;
  negativePrompt?: string | undefined;
  /** Nova Canvas and Titan: required. Stability: left out (it takes `aspectRatio`). */
  width?: number | undefined;
  height?: number | undefined;
  quality?: ImageQuality | undefined;
  cfgScale?: number | undefined;
  /** Stability only; left out, the model makes a 1:1 image. */
  aspectRatio?: AspectRatio | undefined;
  seed: number;
  count: number;
  images?: readonly string[] | undefined;
  similarityStrength?: number | undefined;
}

export interface FieldProblem {
  path: string[];
  message: string;
}

function taskProblems(input: ImageRequestFields): FieldProblem[] {
  if (input.task === 'TEXT_IMAGE') {
    return [
      ...(input.prompt === undefined
        ? [{ path: ['prompt'], message: 'Text-to-image needs a prompt.' }]
        : []),
      ...(input.images !== undefined
        ? [{ path: ['images'], message: 'Input images are only used by IMAGE_VARIATION.' }]
        : []),
      ...(input.similarityStrength !== undefined
        ? [
            {
              path: ['similarityStrength'],
              message: 'similarityStrength is only used by IMAGE_VARIATION.',
            },
          ]
        : []),
    ];
  }
  return input.images === undefined
    ? [{ path: ['images'], message: 'Image variation needs 1 to 5 input images.' }]
    : [];
}

function promptProblems(input: ImageRequestFields, rules: ImageModelRules): FieldProblem[] {
  const fields = [
    ['prompt', input.prompt],
    ['negativePrompt', input.negativePrompt],
  ] as const;
  return fields.flatMap(([name, text]) =>
    text !== undefined && text.length > rules.maxPromptChars
      ? [
          {
            path: [name],
            message: `${rules.label} accepts at most ${rules.maxPromptChars} characters here (got ${text.length}).`,
          },
        ]
      : [],
  );
}

/** The fields that belong to the other kind of model (size vs aspect ratio, count). */
function shapeProblems(input: ImageRequestFields, rules: ImageModelRules): FieldProblem[] {
  const label = imageModelLabel(input.modelId);
  if (rules.shape === 'aspect-ratio') {
    const foreign = (['width', 'height', 'quality', 'cfgScale'] as const).filter(
      (k) => input[k] !== undefined,
    );
    return [
      ...foreign.map((k) => ({
        path: [k],
        message: `${label} takes an aspect ratio and a seed; it has no ${k} setting.`,
      })),
      ...(input.task !== 'TEXT_IMAGE'
        ? [{ path: ['task'], message: `The lab uses ${label} for text to image only.` }]
        : []),
      ...(input.count > rules.maxImages
        ? [{ path: ['count'], message: `${label} makes 1 image per call (got ${input.count}).` }]
        : []),
    ];
  }
  const missing = (['width', 'height', 'quality', 'cfgScale'] as const).filter(
    (k) => input[k] === undefined,
  );
  const size =
    input.width !== undefined && input.height !== undefined
      ? rules.sizeProblem(input.width, input.height)
      : null;
  return [
    ...missing.map((k) => ({ path: [k], message: `${rules.label} needs a ${k}.` })),
    ...(input.aspectRatio !== undefined
      ? [
          {
            path: ['aspectRatio'],
            message: `${rules.label} takes a width and height, not an aspect ratio.`,
          },
        ]
      : []),
    ...(size ? [{ path: ['width'], message: size }] : []),
  ];
}

/**
 * Everything wrong with an image request for its model: unsupported model, size or aspect ratio,
 * seed, prompt length, image count, and fields that do not belong to the task or the model.
 * Empty when the request may be sent.
 */
export function imageRequestProblems(input: ImageRequestFields): FieldProblem[] {
  const family = imageModelFamily(input.modelId);
  if (!family) {
    return [
      {
        path: ['modelId'],
        message: `Image generation supports ${[...STABILITY_IMAGE_IDS, NOVA_CANVAS_ID, TITAN_IMAGE_V2_ID].join(', ')}, not ${input.modelId}.`,
      },
    ];
  }
  const rules = IMAGE_MODEL_RULES[family];
  const label = imageModelLabel(input.modelId);
  return [
    ...taskProblems(input),
    ...shapeProblems(input, rules),
    ...(input.seed > rules.maxSeed
      ? [
          {
            path: ['seed'],
            message: `${label} takes a seed from 0 to ${rules.maxSeed.toLocaleString('en-US')} (got ${input.seed}).`,
          },
        ]
      : []),
    ...promptProblems(input, { ...rules, label }),
  ];
}

/**
 * Estimated on-demand cost in USD of a request's images: the catalog's one per-image price for a
 * Stability AI model; the size and quality tier for Nova Canvas and Titan. Null when unknown.
 */
export function estimateImageRequestCost(input: ImageRequestFields): number | null {
  if (imageModelFamily(input.modelId) === 'stability') {
    const model = findModel(input.modelId);
    if (model?.pricing.kind !== 'image' || model.pricing.perImage.length !== 1) return null;
    return (model.pricing.perImage[0]?.usd ?? 0) * input.count;
  }
  if (input.width === undefined || input.height === undefined) return null;
  return estimateImageCost(
    input.modelId,
    input.width,
    input.height,
    input.quality ?? 'standard',
    input.count,
  );
}
