/**
 * The Stability AI text-to-image models in the diffusion lab: their rules (prompt length, seed
 * range, aspect ratios instead of a size, one image, text to image only), the contract that
 * applies them before any call, the InvokeModel body, the response checks (a content filter is
 * the model declining; a malformed body is a clear error) and the per-image cost.
 */
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../electron/main/errors';
import { parseStabilityResponse, stabilityRequestBody } from '../../electron/main/bedrock/images';
import { GenerateImagesInput } from '../../shared/contract';
import {
  estimateImageRequestCost,
  imageModelFamily,
  imageRequestProblems,
  SD35_LARGE_ID,
  seedZeroIsRandom,
  STABILITY_MAX_SEED,
  STABLE_IMAGE_CORE_ID,
  STABLE_IMAGE_ULTRA_ID,
} from '../../shared/image-models';
import { encodePng } from '../fakes/png';
import { imageRequestFor } from '../../renderer/src/features/diffusion-lab/use-image-form';

const core = (over: Partial<GenerateImagesInput> = {}): GenerateImagesInput => ({
  modelId: STABLE_IMAGE_CORE_ID,
  task: 'TEXT_IMAGE',
  prompt: 'A lighthouse at dusk',
  aspectRatio: '16:9',
  seed: 7,
  count: 1,
  ...over,
});

const messages = (input: Partial<GenerateImagesInput>) =>
  imageRequestProblems(core(input)).map((p) => p.message);

const body = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const PNG = encodePng(16, 16, () => [10, 20, 30]).toString('base64');

describe('Stability AI rules', () => {
  it('knows the three catalog models (bare, profile-shaped or ARN ids)', () => {
    for (const id of [STABLE_IMAGE_CORE_ID, SD35_LARGE_ID, STABLE_IMAGE_ULTRA_ID]) {
      expect(imageModelFamily(id)).toBe('stability');
    }
    expect(imageModelFamily(`arn:aws:bedrock:us-west-2::foundation-model/${SD35_LARGE_ID}`)).toBe(
      'stability',
    );
  });

  it('accepts a text-to-image request with an aspect ratio and a seed', () => {
    expect(messages({})).toEqual([]);
    expect(messages({ seed: 0 })).toEqual([]);
    expect(messages({ seed: STABILITY_MAX_SEED, prompt: 'x'.repeat(10_000) })).toEqual([]);
  });

  it('refuses what a Stability model does not take, saying why', () => {
    expect(messages({ seed: STABILITY_MAX_SEED + 1 })).toEqual([
      `Stable Image Core 1.1 takes a seed from 0 to 4,294,967,294 (got ${STABILITY_MAX_SEED + 1}).`,
    ]);
    expect(messages({ prompt: 'x'.repeat(10_001) })[0]).toMatch(/at most 10000 characters/);
    expect(messages({ width: 1024, height: 1024 })).toEqual([
      'Stable Image Core 1.1 takes an aspect ratio and a seed; it has no width setting.',
      'Stable Image Core 1.1 takes an aspect ratio and a seed; it has no height setting.',
    ]);
    expect(messages({ cfgScale: 7 })[0]).toMatch(/no cfgScale setting/);
    expect(messages({ count: 2 })).toEqual([
      'Stable Image Core 1.1 makes 1 image per call (got 2).',
    ]);
    expect(messages({ task: 'IMAGE_VARIATION', images: [PNG] })).toContain(
      'The lab uses Stable Image Core 1.1 for text to image only.',
    );
  });

  it('keeps Nova Canvas and Titan on a size (no aspect ratio, size fields required)', () => {
    const nova = { modelId: 'amazon.nova-canvas-v1:0', aspectRatio: undefined };
    expect(messages({ ...nova })).toEqual([
      'Nova Canvas needs a width.',
      'Nova Canvas needs a height.',
      'Nova Canvas needs a quality.',
      'Nova Canvas needs a cfgScale.',
    ]);
    expect(
      messages({
        ...nova,
        width: 512,
        height: 512,
        quality: 'standard',
        cfgScale: 6,
        aspectRatio: '1:1',
      }),
    ).toEqual(['Nova Canvas takes a width and height, not an aspect ratio.']);
  });

  it('the contract refuses a bad aspect ratio before any call', () => {
    const result = GenerateImagesInput.safeParse({ ...core(), aspectRatio: '4:3' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['aspectRatio']);
    expect(GenerateImagesInput.safeParse(core()).success).toBe(true);
  });

  it('prices one image at the catalog price', () => {
    expect(estimateImageRequestCost(core())).toBe(0.04);
    expect(estimateImageRequestCost(core({ modelId: SD35_LARGE_ID }))).toBe(0.08);
    expect(estimateImageRequestCost(core({ modelId: STABLE_IMAGE_ULTRA_ID }))).toBe(0.14);
  });
});

describe('the Stability AI body and response', () => {
  it('sends prompt, negative_prompt, aspect_ratio and seed; 1:1 is the default, left out', () => {
    expect(stabilityRequestBody(core({ negativePrompt: 'people' }))).toEqual({
      prompt: 'A lighthouse at dusk',
      negative_prompt: 'people',
      aspect_ratio: '16:9',
      seed: 7,
    });
    expect(stabilityRequestBody(core({ aspectRatio: '1:1' }))).toEqual({
      prompt: 'A lighthouse at dusk',
      seed: 7,
    });
  });

  it('reads the image and the seed the model used', () => {
    const made = parseStabilityResponse(
      body({ seeds: [2130420379], finish_reasons: [null], images: [PNG] }),
      'Stable Image Core 1.1',
    );
    expect(made.seed).toBe(2130420379);
    expect(made.image).toMatchObject({ format: 'png', width: 16, height: 16 });
  });

  it('reports a content filter as the model declining, with what to do', () => {
    const fail = (() => {
      try {
        parseStabilityResponse(body({ finish_reasons: ['Filter reason: prompt'] }), 'SD3.5');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(fail).toBeInstanceOf(AppFailure);
    const error = (fail as AppFailure).appError;
    expect(error.code).toBe('model_error');
    expect(error.message).toBe(
      'SD3.5 declined to make this image: its content filter stopped it (Filter reason: prompt).',
    );
    expect(error.remedy).toMatch(/Rephrase the prompt/);
  });

  it('says plainly when the body is malformed', () => {
    expect(() => parseStabilityResponse(body({ images: 'x' }), 'Core')).toThrow(
      /documented \{ seeds, finish_reasons, images \} shape/,
    );
    expect(() =>
      parseStabilityResponse(body({ seeds: [1], finish_reasons: [null], images: ['!!'] }), 'Core'),
    ).toThrow(/not valid base64/);
    expect(() =>
      parseStabilityResponse(body({ finish_reasons: ['Inference error'] }), 'Core'),
    ).toThrow(/did not make the image \(Inference error\)/);
  });
});

describe('the Generate form with a Stability AI model', () => {
  it('builds an aspect-ratio request of one image, priced from the catalog', () => {
    const { family, request, problems, cost } = imageRequestFor(
      {
        modelId: STABLE_IMAGE_CORE_ID,
        task: 'IMAGE_VARIATION',
        prompt: ' A fox ',
        negative: '',
        sizeIndex: 2,
        aspectRatio: '9:16',
        quality: 'premium',
        cfgScale: 8,
        seed: 0,
        count: 4,
        sourceId: '',
        similarity: 0.7,
      },
      [],
    );
    expect(family).toBe('stability');
    expect(request).toEqual({
      modelId: STABLE_IMAGE_CORE_ID,
      task: 'TEXT_IMAGE',
      prompt: 'A fox',
      aspectRatio: '9:16',
      seed: 0,
      count: 1,
    });
    expect(problems).toEqual([]);
    expect(cost).toBe(0.04);
  });
});

describe('seed 0', () => {
  it('is said to mean "random" only where the Bedrock page says so (Core, SD3.5 Large)', () => {
    expect(seedZeroIsRandom(STABLE_IMAGE_CORE_ID)).toBe(true);
    expect(seedZeroIsRandom(SD35_LARGE_ID)).toBe(true);
    expect(seedZeroIsRandom(STABLE_IMAGE_ULTRA_ID)).toBe(false);
  });
});
