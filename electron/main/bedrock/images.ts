/**
 * The diffusion lab's live Bedrock calls: image generation with Nova Canvas or Titan Image
 * Generator v2 (InvokeModel, their shared native JSON format) or with a Stability AI model
 * (InvokeModel, Stability's flat body: prompt, negative_prompt, aspect_ratio, seed), and
 * image-to-text with a vision model (Converse with an image content block).
 *
 * What a model returns is checked before it reaches the renderer: the body must be JSON of the
 * documented shape, `error` must be unset, the number of images must match the request, and each
 * image must be strict base64 of a PNG or JPEG whose header can be read. Anything else is a
 * `model_error` that says what was wrong, never a broken picture.
 */
import {
  ConverseCommand,
  InvokeModelCommand,
  type ContentBlock,
} from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import type {
  DescribeImageInput,
  DescribeImageOutput,
  GeneratedImage,
  GenerateImagesInput,
  GenerateImagesOutput,
} from '../../../shared/contract';
import { isStrictBase64, readImageSize, sniffImageFormat } from '../../../shared/image-bytes';
import {
  estimateImageRequestCost,
  imageModelFamily,
  imageModelLabel,
  type AspectRatio,
} from '../../../shared/image-models';
import { estimateTokenCost } from '../../../shared/models';
import { AppFailure } from '../errors';
import type { BedrockCaller } from './client';
import { recordedCall } from './recorded-call';

// ---------------------------------------------------------------------------------------------
// Request bodies, exactly as the Nova Canvas and Titan Image Generator pages document them

export interface ImageGenerationConfig {
  numberOfImages: number;
  width: number;
  height: number;
  quality: 'standard' | 'premium';
  cfgScale: number;
  seed: number;
}

export type ImageRequestBody =
  | {
      taskType: 'TEXT_IMAGE';
      textToImageParams: { text: string; negativeText?: string };
      imageGenerationConfig: ImageGenerationConfig;
    }
  | {
      taskType: 'IMAGE_VARIATION';
      imageVariationParams: {
        images: string[];
        similarityStrength?: number;
        text?: string;
        negativeText?: string;
      };
      imageGenerationConfig: ImageGenerationConfig;
    };

/**
 * The native InvokeModel body for a validated request. Optional fields are left out rather than
 * sent as null: the models' JSON-schema validation refuses null where a string is expected.
 */
export function imageRequestBody(input: GenerateImagesInput): ImageRequestBody {
  const { width, height, quality, cfgScale } = input;
  // The contract requires these for Nova Canvas and Titan; this guards the type, not the learner.
  if (width === undefined || height === undefined || !quality || cfgScale === undefined) {
    throw new AppFailure({
      code: 'invalid_input',
      message: `${imageModelLabel(input.modelId)} needs a width, height, quality and cfgScale.`,
    });
  }
  const imageGenerationConfig: ImageGenerationConfig = {
    numberOfImages: input.count,
    width,
    height,
    quality,
    cfgScale,
    seed: input.seed,
  };
  const negative = input.negativePrompt !== undefined ? { negativeText: input.negativePrompt } : {};
  if (input.task === 'TEXT_IMAGE') {
    // The contract requires a prompt for TEXT_IMAGE; this guards the type, not the learner.
    if (input.prompt === undefined) {
      throw new AppFailure({ code: 'invalid_input', message: 'Text-to-image needs a prompt.' });
    }
    return {
      taskType: 'TEXT_IMAGE',
      textToImageParams: { text: input.prompt, ...negative },
      imageGenerationConfig,
    };
  }
  return {
    taskType: 'IMAGE_VARIATION',
    imageVariationParams: {
      images: [...(input.images ?? [])],
      ...(input.similarityStrength !== undefined
        ? { similarityStrength: input.similarityStrength }
        : {}),
      ...(input.prompt !== undefined ? { text: input.prompt } : {}),
      ...negative,
    },
    imageGenerationConfig,
  };
}

/**
 * A Stability AI text-to-image body (Bedrock user guide, Stability AI model pages): `mode` and
 * `output_format` are left out (their documented defaults are text-to-image and PNG), and so is
 * `aspect_ratio` when the learner kept the default 1:1. The models take no cfg_scale, quality,
 * width or height here, and make one image per call.
 */
export interface StabilityRequestBody {
  prompt: string;
  negative_prompt?: string;
  aspect_ratio?: AspectRatio;
  seed: number;
}

export function stabilityRequestBody(input: GenerateImagesInput): StabilityRequestBody {
  if (input.task !== 'TEXT_IMAGE' || input.prompt === undefined) {
    throw new AppFailure({
      code: 'invalid_input',
      message: `${imageModelLabel(input.modelId)} needs a prompt (text to image only).`,
    });
  }
  return {
    prompt: input.prompt,
    ...(input.negativePrompt !== undefined ? { negative_prompt: input.negativePrompt } : {}),
    ...(input.aspectRatio !== undefined && input.aspectRatio !== '1:1'
      ? { aspect_ratio: input.aspectRatio }
      : {}),
    seed: input.seed,
  };
}

// ---------------------------------------------------------------------------------------------
// Response checking

/** Both models answer `{ images: string[], error?: string | null }` (plus fields we ignore). */
const ImageResponseBody = z.object({
  images: z.array(z.string()).optional(),
  error: z.string().nullish(),
});

function modelError(label: string, problem: string): AppFailure {
  return new AppFailure({
    code: 'model_error',
    message: `${label} returned an unusable response: ${problem}`,
    remedy: 'Try again; if it keeps happening, try another seed, size or model.',
  });
}

/** An InvokeModel reply body read as JSON; `notJson` is thrown when it is not JSON. */
export function parseJsonBody(body: Uint8Array | undefined, notJson: () => AppFailure): unknown {
  const text = new TextDecoder().decode(body ?? new Uint8Array());
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}

/** One returned image, checked: strict base64, PNG or JPEG by magic bytes, readable size. */
function checkImage(b64: string, index: number, label: string): GeneratedImage {
  const which = `image ${index + 1}`;
  if (!isStrictBase64(b64)) throw modelError(label, `${which} is not valid base64.`);
  const bytes = Buffer.from(b64, 'base64');
  const format = sniffImageFormat(bytes);
  if (format !== 'png' && format !== 'jpeg') {
    throw modelError(label, `${which} is not a PNG or JPEG file.`);
  }
  const size = readImageSize(bytes);
  if (!size) throw modelError(label, `the header of ${which} cannot be read.`);
  return { pngBase64: b64, format, width: size.width, height: size.height };
}

/**
 * Turns an InvokeModel response body into checked images, or throws a `model_error`. A set
 * `error` field is how Nova Canvas reports images its output filters blocked (the call itself
 * succeeds), so its text is passed on.
 */
export function parseImageResponse(
  body: Uint8Array | undefined,
  expectedCount: number,
  label: string,
): GeneratedImage[] {
  const parsed = ImageResponseBody.safeParse(
    parseJsonBody(body, () => modelError(label, 'the body is not JSON.')),
  );
  if (!parsed.success) {
    throw modelError(label, 'the body does not have the documented { images, error } shape.');
  }
  const { images = [], error } = parsed.data;
  if (error) {
    throw new AppFailure({
      code: 'model_error',
      message: `${label} did not return the images: ${error}`,
      remedy:
        'If the message mentions content filters, rephrase the prompt (or use other input images); otherwise try again.',
    });
  }
  if (images.length !== expectedCount) {
    throw modelError(
      label,
      `it sent ${images.length} image${images.length === 1 ? '' : 's'} instead of ${expectedCount}.`,
    );
  }
  return images.map((b64, i) => checkImage(b64, i, label));
}

/**
 * Stability AI answers `{ seeds, finish_reasons, images }`; a filtered request may carry only
 * `finish_reasons` ("Filter reason: prompt" / "output image" / "input image", or "Inference
 * error"). Seeds are numbers in the documented example (described as strings): both are read.
 */
const StabilityResponseBody = z.object({
  images: z.array(z.string()).optional(),
  seeds: z
    .array(z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]))
    .optional(),
  finish_reasons: z.array(z.string().nullable()),
});

/** What the learner can do about a finish reason, by the part the filter looked at. */
function declinedRemedy(reason: string): string {
  if (/output image/i.test(reason)) {
    return 'The picture it made was held back by its content filter. Try another seed, or rephrase the prompt.';
  }
  return 'Rephrase the prompt (and the negative prompt) without what a content filter may stop, then try again.';
}

/**
 * The checked image and the seed it was made with, or a `model_error`: a finish reason that
 * starts "Filter reason" is the model declining (said as such, with what to do); "Inference
 * error" or any other reason is a failure; a body not of the documented shape is malformed.
 */
export function parseStabilityResponse(
  body: Uint8Array | undefined,
  label: string,
): { image: GeneratedImage; seed: number | null } {
  const parsed = StabilityResponseBody.safeParse(
    parseJsonBody(body, () => modelError(label, 'the body is not JSON.')),
  );
  if (!parsed.success) {
    throw modelError(
      label,
      'the body does not have the documented { seeds, finish_reasons, images } shape.',
    );
  }
  const { images = [], seeds = [], finish_reasons: reasons } = parsed.data;
  const reason = reasons.find((r) => r !== null);
  if (reason !== undefined && reason.startsWith('Filter reason')) {
    throw new AppFailure({
      code: 'model_error',
      message: `${label} declined to make this image: its content filter stopped it (${reason}).`,
      remedy: declinedRemedy(reason),
    });
  }
  if (reason !== undefined) {
    throw new AppFailure({
      code: 'model_error',
      message: `${label} did not make the image (${reason}).`,
      remedy: 'Try again in a moment; if it keeps happening, try another seed or model.',
    });
  }
  const [b64] = images;
  if (images.length !== 1 || b64 === undefined) {
    throw modelError(label, `it sent ${images.length} images instead of 1.`);
  }
  return { image: checkImage(b64, 0, label), seed: seeds[0] ?? null };
}

// ---------------------------------------------------------------------------------------------
// Calls

/**
 * Generates `input.count` images with one InvokeModel call. The request has already passed the
 * contract's per-model checks; the service still validates it (and its errors are mapped).
 */
export async function generateImages(
  caller: BedrockCaller,
  input: GenerateImagesInput,
): Promise<GenerateImagesOutput> {
  const stability = imageModelFamily(input.modelId) === 'stability';
  const label = imageModelLabel(input.modelId);
  const body = JSON.stringify(stability ? stabilityRequestBody(input) : imageRequestBody(input));
  const costUsd = estimateImageRequestCost(input);
  return recordedCall(
    {
      feature: 'images',
      operation: 'InvokeModel',
      modelId: input.modelId,
      target: caller.target,
      record: caller.record,
      timeoutMs: caller.timeouts.callMs,
    },
    async (meter) => {
      const response = await caller.client.send(
        new InvokeModelCommand({
          modelId: input.modelId,
          contentType: 'application/json',
          accept: 'application/json',
          body,
        }),
        meter.sendOptions,
      );
      const made = stability
        ? parseStabilityResponse(response.body, label)
        : { images: parseImageResponse(response.body, input.count, label), seed: null };
      const images = 'image' in made ? [made.image] : made.images;
      // The cost is this request's own estimate (size and quality tier for Nova and Titan, the
      // one per-image price for Stability), so the log needs no pricing inputs.
      meter.images(images.length);
      meter.cost(costUsd);
      return {
        images,
        modelId: input.modelId,
        seed: made.seed ?? input.seed,
        latencyMs: meter.elapsed(),
        costUsd,
      };
    },
  );
}

/** Image first, then the question: the order the vision models' prompting guides recommend. */
function describeContent(input: DescribeImageInput): ContentBlock[] {
  return [
    {
      image: { format: input.format, source: { bytes: Buffer.from(input.imageBase64, 'base64') } },
    },
    { text: input.question },
  ];
}

/** Asks a vision model about one image with a single (non-streaming) Converse call. */
export async function describeImage(
  caller: BedrockCaller,
  input: DescribeImageInput,
): Promise<DescribeImageOutput> {
  return recordedCall(
    {
      feature: 'images',
      operation: 'Converse',
      modelId: input.modelId,
      target: caller.target,
      record: caller.record,
      timeoutMs: caller.timeouts.callMs,
    },
    async (meter) => {
      const response = await caller.client.send(
        new ConverseCommand({
          modelId: input.modelId,
          messages: [{ role: 'user', content: describeContent(input) }],
          inferenceConfig: { maxTokens: input.maxTokens },
        }),
        meter.sendOptions,
      );
      const text = (response.output?.message?.content ?? []).map((b) => b.text ?? '').join('');
      const inputTokens = response.usage?.inputTokens ?? null;
      const outputTokens = response.usage?.outputTokens ?? null;
      meter.usage(inputTokens, outputTokens);
      meter.stopReason(response.stopReason ?? null);
      return {
        text,
        inputTokens,
        outputTokens,
        latencyMs: meter.elapsed(),
        costUsd:
          inputTokens !== null && outputTokens !== null
            ? estimateTokenCost(input.modelId, inputTokens, outputTokens)
            : null,
      };
    },
  );
}
