/**
 * The parameter rules of the two image generators the diffusion lab calls through InvokeModel:
 * Amazon Nova Canvas and Amazon Titan Image Generator G1 v2. They share one native request format
 * (taskType + task params + imageGenerationConfig) but differ in sizes, seeds and prompt length,
 * so the contract checks a request against its model's rules before any (billed) call is made,
 * and the renderer can build its controls from the same numbers.
 *
 * Sources: the Amazon Nova user guide ("Request and response structure for image generation":
 * text and negativeText 1-1024 characters; the AWS code examples draw Nova Canvas seeds from
 * 0..858,993,459) and the Bedrock user guide page for Titan Image Generator G1 models. The size
 * rules match the strict fake in tests/fakes/bedrock-invoke.ts, which follows the same pages.
 */
import { baseModelId } from './models';

export const NOVA_CANVAS_ID = 'amazon.nova-canvas-v1:0';
export const TITAN_IMAGE_V2_ID = 'amazon.titan-image-generator-v2:0';

export type ImageModelFamily = 'nova-canvas' | 'titan-image-v2';
export type ImageTask = 'TEXT_IMAGE' | 'IMAGE_VARIATION';
export type ImageQuality = 'standard' | 'premium';

export interface ImageModelRules {
  label: string;
  /** Longest `text` / `negativeText`, in characters. */
  maxPromptChars: number;
  maxSeed: number;
  /** A sentence saying what is wrong with a size, or null when the model accepts it. */
  sizeProblem(width: number, height: number): string | null;
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
    sizeProblem: novaCanvasSizeProblem,
  },
  'titan-image-v2': {
    label: 'Titan Image Generator v2',
    maxPromptChars: 512,
    maxSeed: 2_147_483_646,
    sizeProblem: titanV2SizeProblem,
  },
};

/** Which generator a model id (bare, profile or ARN) names, or null for any other model. */
export function imageModelFamily(modelId: string): ImageModelFamily | null {
  const base = baseModelId(modelId);
  if (base === NOVA_CANVAS_ID) return 'nova-canvas';
  if (base === TITAN_IMAGE_V2_ID) return 'titan-image-v2';
  return null;
}

/** The fields of an image request that the per-model rules look at. */
export interface ImageRequestFields {
  modelId: string;
  task: ImageTask;
  prompt?: string | undefined;
  negativePrompt?: string | undefined;
  width: number;
  height: number;
  seed: number;
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

/**
 * Everything wrong with an image request for its model: unsupported model, size, seed, prompt
 * length, and fields that do not belong to the task. Empty when the request may be sent.
 */
export function imageRequestProblems(input: ImageRequestFields): FieldProblem[] {
  const family = imageModelFamily(input.modelId);
  if (!family) {
    return [
      {
        path: ['modelId'],
        message: `Image generation supports ${NOVA_CANVAS_ID} (Nova Canvas) and ${TITAN_IMAGE_V2_ID} (Titan Image Generator v2), not ${input.modelId}.`,
      },
    ];
  }
  const rules = IMAGE_MODEL_RULES[family];
  const size = rules.sizeProblem(input.width, input.height);
  return [
    ...taskProblems(input),
    ...(size ? [{ path: ['width'], message: size }] : []),
    ...(input.seed > rules.maxSeed
      ? [
          {
            path: ['seed'],
            message: `${rules.label} takes a seed from 0 to ${rules.maxSeed.toLocaleString('en-US')} (got ${input.seed}).`,
          },
        ]
      : []),
    ...promptProblems(input, rules),
  ];
}
