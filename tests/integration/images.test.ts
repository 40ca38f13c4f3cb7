/**
 * The diffusion lab's live Bedrock calls (`generateImages`, `describeImage`) through the contract,
 * the real handlers and the real AWS SDK against the fake Bedrock (never mocked): the exact native
 * bodies sent, the checks on what comes back, validation before any call, error mapping, and the
 * per-image cost estimate.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../electron/main/dispatch';
import { AppFailure } from '../../electron/main/errors';
import { parseImageResponse } from '../../electron/main/bedrock/images';
import { createBackend, type Backend } from '../../electron/main/handlers';
import { openSettingsStore } from '../../electron/main/settings-store';
import {
  DescribeImageInput,
  GenerateImagesInput,
  type DescribeImageOutput,
  type GenerateImagesOutput,
} from '../../shared/contract';
import {
  base64DecodedLength,
  decodeBase64Prefix,
  readImageSize,
  sniffBase64Image,
} from '../../shared/image-bytes';
import type { InvocationRecord } from '../../shared/invocations';
import { estimateImageCost } from '../../shared/models';
import type { AppError, Result } from '../../shared/result';
import { type FakeBedrock } from '../fakes/bedrock';
import { encodePng } from '../fakes/png';
import {
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET_ACCESS_KEY,
  startFakeAws,
  type FakeAws,
} from '../support/app';

let fake: FakeBedrock;
let aws: FakeAws;
let backend: Backend;

beforeAll(async () => {
  aws = await startFakeAws();
  fake = aws.fake;
});

afterAll(() => aws.close());

beforeEach(async () => {
  fake.reset();
  const store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-store-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
});
afterEach(() => backend.dispose());

const NOVA = 'amazon.nova-canvas-v1:0';
const TITAN = 'amazon.titan-image-generator-v2:0';

/** A real PNG, as a learner's upload would be (the fake wants input sides of 320..4096). */
const INPUT_PNG = encodePng(320, 320, (x, y) => [x & 0xff, y & 0xff, 128]).toString('base64');

/** The smallest JPEG header that names a size: SOI, an APP0 segment, then SOF0. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
}

/** Base64 of a `length`-byte file that starts like a PNG: enough for size-limit checks. */
function pngOfBytes(length: number): string {
  const bytes = Buffer.alloc(length, 7);
  Buffer.from(INPUT_PNG, 'base64').copy(bytes, 0, 0, 64);
  return bytes.toString('base64');
}

const textImage = (overrides: Partial<GenerateImagesInput> = {}): GenerateImagesInput => ({
  modelId: NOVA,
  task: 'TEXT_IMAGE',
  prompt: 'Three red apples on a wooden table, soft morning light',
  width: 512,
  height: 512,
  quality: 'standard',
  cfgScale: 6.5,
  seed: 42,
  count: 1,
  ...overrides,
});

/** Every result crosses to the renderer: none may ever carry the secret key. */
async function call(name: string, input: unknown): Promise<Result<unknown>> {
  const result = await dispatchRequest(backend.requests, name, input);
  expect(JSON.stringify(result)).not.toContain(FAKE_SECRET_ACCESS_KEY);
  return result;
}

async function generate(input: unknown): Promise<GenerateImagesOutput> {
  const result = await call('generateImages', input);
  if (!result.ok) throw new Error(`generateImages failed: ${JSON.stringify(result.error)}`);
  return result.value as GenerateImagesOutput;
}

async function generateError(input: unknown): Promise<AppError> {
  const result = await call('generateImages', input);
  if (result.ok) throw new Error('generateImages unexpectedly succeeded');
  return result.error;
}

/**
 * Decodes a PNG the way a viewer must: the signature, IHDR, then every IDAT inflated to exactly
 * one filter byte plus width × 3 bytes per row (8-bit RGB, the fake's only kind).
 */
function decodePng(b64: string): { width: number; height: number } {
  const bytes = Buffer.from(b64, 'base64');
  expect(sniffBase64Image(b64)).toBe('png');
  const size = readImageSize(bytes);
  if (!size) throw new Error('no PNG header');
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(size.height * (1 + size.width * 3));
  return size;
}

function onlyInvoke() {
  const calls = fake.modelCalls();
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({ operation: 'invoke', contentType: 'application/json' });
  return calls[0]!;
}

describe('generateImages: TEXT_IMAGE', () => {
  it('Nova Canvas 512×512 × 2: two decodable PNGs of that size, from exactly the documented body', async () => {
    const out = await generate(textImage({ count: 2, negativePrompt: 'blurry, text' }));
    expect(out.images).toHaveLength(2);
    for (const image of out.images) {
      expect(image).toMatchObject({ format: 'png', width: 512, height: 512 });
      expect(decodePng(image.pngBase64)).toEqual({ width: 512, height: 512 });
    }
    expect(out.images[0]!.pngBase64).not.toBe(out.images[1]!.pngBase64);
    expect(out).toMatchObject({ modelId: NOVA, seed: 42 });
    expect(out.latencyMs).toBeGreaterThanOrEqual(0);
    expect(out.costUsd).toBeCloseTo(0.08, 10); // 2 × $0.04 (standard, up to 1024×1024)

    const recorded = onlyInvoke();
    expect(recorded).toMatchObject({ modelId: NOVA, status: 200, accessKeyId: FAKE_ACCESS_KEY_ID });
    expect(recorded.body).toStrictEqual({
      taskType: 'TEXT_IMAGE',
      textToImageParams: {
        text: 'Three red apples on a wooden table, soft morning light',
        negativeText: 'blurry, text',
      },
      imageGenerationConfig: {
        numberOfImages: 2,
        width: 512,
        height: 512,
        quality: 'standard',
        cfgScale: 6.5,
        seed: 42,
      },
    });
  });

  it('leaves out negativeText when there is none, and reproduces an image from the same seed', async () => {
    const first = await generate(textImage());
    const again = await generate(textImage());
    const other = await generate(textImage({ seed: 43 }));
    expect(first.images[0]!.pngBase64).toBe(again.images[0]!.pngBase64);
    expect(first.images[0]!.pngBase64).not.toBe(other.images[0]!.pngBase64);
    const body = fake.modelCalls()[0]!.body as { textToImageParams: object };
    expect(Object.keys(body.textToImageParams)).toEqual(['text']);
  });

  it('Nova Canvas accepts a wide, large size within its rules', async () => {
    const out = await generate(textImage({ width: 2048, height: 512, quality: 'premium' }));
    expect(out.images[0]).toMatchObject({ width: 2048, height: 512 });
    expect(out.costUsd).toBeCloseTo(0.06, 10); // premium, 1,048,576 px: the 1024×1024 tier
  });

  it('Titan Image Generator v2 with a documented size (1173×640)', async () => {
    const out = await generate(
      textImage({
        modelId: TITAN,
        width: 1173,
        height: 640,
        count: 3,
        cfgScale: 8,
        seed: 2_000_000_000,
      }),
    );
    expect(out.images).toHaveLength(3);
    for (const image of out.images)
      expect(decodePng(image.pngBase64)).toEqual({ width: 1173, height: 640 });
    expect(out.costUsd).toBeCloseTo(0.03, 10); // 3 × $0.01 (standard, 512×512 or larger)
    expect(onlyInvoke().body).toStrictEqual({
      taskType: 'TEXT_IMAGE',
      textToImageParams: { text: 'Three red apples on a wooden table, soft morning light' },
      imageGenerationConfig: {
        numberOfImages: 3,
        width: 1173,
        height: 640,
        quality: 'standard',
        cfgScale: 8,
        seed: 2_000_000_000,
      },
    });
  });
});

describe('generateImages: IMAGE_VARIATION', () => {
  it('sends the input image and similarityStrength, with no text when there is no prompt', async () => {
    const out = await generate({
      ...textImage({ task: 'IMAGE_VARIATION', width: 640, height: 384, count: 1 }),
      prompt: undefined,
      images: [INPUT_PNG],
      similarityStrength: 0.6,
    });
    expect(out.images).toHaveLength(1);
    expect(decodePng(out.images[0]!.pngBase64)).toEqual({ width: 640, height: 384 });
    expect(onlyInvoke().body).toStrictEqual({
      taskType: 'IMAGE_VARIATION',
      imageVariationParams: { images: [INPUT_PNG], similarityStrength: 0.6 },
      imageGenerationConfig: {
        numberOfImages: 1,
        width: 640,
        height: 384,
        quality: 'standard',
        cfgScale: 6.5,
        seed: 42,
      },
    });
  });

  it('passes an optional prompt and negative prompt as text and negativeText (Titan v2)', async () => {
    const out = await generate(
      textImage({
        modelId: TITAN,
        task: 'IMAGE_VARIATION',
        prompt: 'in watercolour',
        negativePrompt: 'photo',
        images: [INPUT_PNG, INPUT_PNG],
        similarityStrength: 1,
        count: 2,
      }),
    );
    expect(out.images).toHaveLength(2);
    expect(onlyInvoke().body).toMatchObject({
      taskType: 'IMAGE_VARIATION',
      imageVariationParams: {
        images: [INPUT_PNG, INPUT_PNG],
        similarityStrength: 1,
        text: 'in watercolour',
        negativeText: 'photo',
      },
    });
  });
});

describe('generateImages: validation before any call', () => {
  const variation = { task: 'IMAGE_VARIATION' as const, images: [INPUT_PNG] };
  const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64');
  it.each<[string, Record<string, unknown>]>([
    ['a Nova size that is not a multiple of 16', { width: 500, height: 512 }],
    ['a Nova side under 320', { width: 304, height: 512 }],
    ['a Nova side over 4096', { width: 4112, height: 1024 }],
    ['more than 4,194,304 pixels', { width: 2064, height: 2048 }],
    ['an aspect ratio beyond 1:4', { width: 320, height: 1600 }],
    ['an undocumented Titan size', { modelId: TITAN, width: 1000, height: 1000 }],
    ['a Nova seed above 858,993,459', { seed: 858_993_460 }],
    ['a Titan seed above 2,147,483,646', { modelId: TITAN, seed: 2_147_483_647 }],
    ['a negative seed', { seed: -1 }],
    ['a fractional seed', { seed: 1.5 }],
    ['cfgScale under 1.1', { cfgScale: 1 }],
    ['cfgScale over 10', { cfgScale: 10.5 }],
    ['count 0', { count: 0 }],
    ['count 6', { count: 6 }],
    ['a Titan prompt over 512 characters', { modelId: TITAN, prompt: 'a'.repeat(513) }],
    ['a Nova prompt over 1024 characters', { prompt: 'a'.repeat(1025) }],
    ['a blank prompt', { prompt: '   ' }],
    ['text-to-image without a prompt', { prompt: undefined }],
    ['input images on TEXT_IMAGE', { images: [INPUT_PNG] }],
    ['a variation without images', { task: 'IMAGE_VARIATION' }],
    ['six input images', { ...variation, images: Array(6).fill(INPUT_PNG) }],
    ['a GIF input image', { ...variation, images: [gif] }],
    [
      'a data: URL instead of base64',
      { ...variation, images: [`data:image/png;base64,${INPUT_PNG}`] },
    ],
    ['similarityStrength under 0.2', { ...variation, similarityStrength: 0.1 }],
    ['a text model', { modelId: 'amazon.nova-lite-v1:0' }],
    ['an unknown field', { style: 'PHOTOREALISM' }],
  ])('rejects %s', async (_label, overrides) => {
    const error = await generateError({ ...textImage(), ...overrides });
    expect(error.code).toBe('invalid_input');
    expect(fake.modelCalls()).toHaveLength(0);
  });

  it('accepts the documented extremes', () => {
    const ok = (input: Partial<GenerateImagesInput>) =>
      GenerateImagesInput.safeParse(textImage(input)).success;
    expect(ok({ seed: 858_993_459 })).toBe(true);
    expect(ok({ modelId: TITAN, seed: 2_147_483_646 })).toBe(true);
    expect(ok({ width: 4096, height: 1024 })).toBe(true); // 4:1 and 4,194,304 pixels
    expect(ok({ width: 320, height: 1280 })).toBe(true); // 1:4
    expect(ok({ cfgScale: 1.1 })).toBe(true);
    expect(ok({ cfgScale: 10, count: 5 })).toBe(true);
    expect(ok({ modelId: 'us.amazon.nova-canvas-v1:0' })).toBe(true);
  });

  it('checks multi-megabyte input images quickly, up to 10 MiB each', () => {
    const variation = (images: string[]) =>
      GenerateImagesInput.safeParse(textImage({ task: 'IMAGE_VARIATION', images }));
    const started = performance.now();
    expect(variation([pngOfBytes(10 * 1024 * 1024)]).success).toBe(true);
    expect(variation([pngOfBytes(10 * 1024 * 1024 + 1)]).success).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('says what is wrong, naming the field', async () => {
    const error = await generateError(textImage({ width: 500 }));
    expect(error.message).toMatch(/multiples of 16/);
    expect(error.message).toMatch(/width/);
  });
});

describe('generateImages: model output and errors', () => {
  it('turns non-base64 model output into model_error, never into an image', async () => {
    fake.setBehavior({ kind: 'malformed' });
    const error = await generateError(textImage());
    expect(error).toMatchObject({ code: 'model_error', remedy: expect.any(String) });
    expect(error.message).toMatch(
      /Nova Canvas returned an unusable response: image 1 is not valid base64/,
    );
  });

  it('turns a wrong image count into model_error', async () => {
    fake.setBehavior({ kind: 'malformed' }); // one image, whatever was asked for
    const error = await generateError(textImage({ count: 2 }));
    expect(error.code).toBe('model_error');
    expect(error.message).toMatch(/1 image instead of 2/);
  });

  it('maps AccessDenied to access_denied with a remedy', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const error = await generateError(textImage());
    expect(error.code).toBe('access_denied');
    expect(error.message).toContain(NOVA);
    expect(error.remedy).toMatch(/bedrock:InvokeModel/);
  });

  it('maps throttling to throttled after the SDK retries', async () => {
    fake.setBehavior({ kind: 'throttle' });
    const error = await generateError(textImage());
    expect(error.code).toBe('throttled');
    expect(fake.modelCalls().length).toBeGreaterThanOrEqual(3);
  });

  it('passes the service own validation errors on', async () => {
    // 1024-character prompts are fine for Nova Canvas: the fake (like the service) agrees.
    const out = await generate(textImage({ prompt: 'a'.repeat(1024) }));
    expect(out.images).toHaveLength(1);
    // The service still validates input images the contract cannot see into (PNG sides).
    const tiny = encodePng(32, 32, () => [0, 0, 0]).toString('base64');
    const error = await generateError({
      ...textImage({ task: 'IMAGE_VARIATION' }),
      images: [tiny],
    });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/between 320 and 4096/);
  });
});

describe('parseImageResponse', () => {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const png = encodePng(16, 16, () => [1, 2, 3]).toString('base64');
  const fail = (body: Uint8Array, count = 1): AppError => {
    try {
      parseImageResponse(body, count, 'Nova Canvas');
    } catch (error) {
      if (error instanceof AppFailure) return error.appError;
      throw error;
    }
    throw new Error('parseImageResponse accepted the body');
  };

  it('accepts PNG and JPEG images and reads their sizes from their headers', () => {
    const jpeg = jpegHeader(640, 480).toString('base64');
    expect(parseImageResponse(encode({ images: [png, jpeg], error: null }), 2, 'x')).toEqual([
      { pngBase64: png, format: 'png', width: 16, height: 16 },
      { pngBase64: jpeg, format: 'jpeg', width: 640, height: 480 },
    ]);
  });

  it('passes on the error field (content filters) as model_error', () => {
    const error = fail(
      encode({
        images: [],
        error: 'All of the generated images have been blocked by our content filters.',
      }),
    );
    expect(error).toMatchObject({ code: 'model_error', remedy: expect.stringMatching(/rephrase/) });
    expect(error.message).toMatch(/blocked by our content filters/);
    // Even with images alongside it: a set error is never ignored.
    expect(fail(encode({ images: [png], error: 'Some images were blocked.' })).code).toBe(
      'model_error',
    );
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['a body that is not JSON', new TextEncoder().encode('<html>'), /not JSON/],
    [
      'images that are not an array',
      encode({ images: 'abc' }),
      /documented \{ images, error \} shape/,
    ],
    ['no images at all', encode({}), /0 images instead of 1/],
    [
      'a GIF',
      encode({ images: [Buffer.from('GIF89a....').toString('base64')] }),
      /not a PNG or JPEG/,
    ],
    ['a truncated PNG', encode({ images: [png.slice(0, 12)] }), /header of image 1 cannot be read/],
    [
      'URL-safe base64',
      encode({ images: [png.replace(/\+/g, '-').replace(/\//g, '_') + '-'] }),
      /not valid base64/,
    ],
  ])('refuses %s', (_label, body, message) => {
    const error = fail(body);
    expect(error.code).toBe('model_error');
    expect(error.message).toMatch(message);
  });
});

describe('describeImage', () => {
  const describeInput = (overrides: Partial<DescribeImageInput> = {}): DescribeImageInput => ({
    modelId: 'amazon.nova-lite-v1:0',
    imageBase64: INPUT_PNG,
    format: 'png',
    question: 'How many apples are in this picture?',
    maxTokens: 100,
    ...overrides,
  });

  it('sends an image block then the question, and returns the text, tokens and cost', async () => {
    fake.setBehavior({ kind: 'reply', text: 'There are 3 apples.' });
    const result = await call('describeImage', describeInput());
    expect(result.ok).toBe(true);
    const out = (result as { value: DescribeImageOutput }).value;
    expect(out).toMatchObject({
      text: 'There are 3 apples.',
      inputTokens: expect.any(Number),
      outputTokens: 5, // ceil(19 characters / 4)
    });
    expect(out.latencyMs).toBeGreaterThanOrEqual(0);
    // Nova Lite: $0.00006 / 1k input, $0.00024 / 1k output.
    expect(out.costUsd).toBeCloseTo((out.inputTokens! * 0.00006 + 5 * 0.00024) / 1000, 12);

    const calls = fake.modelCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ operation: 'converse', modelId: 'amazon.nova-lite-v1:0' });
    expect(calls[0]!.body).toStrictEqual({
      messages: [
        {
          role: 'user',
          content: [
            // On the wire the SDK base64-encodes the Uint8Array it was given.
            { image: { format: 'png', source: { bytes: INPUT_PNG } } },
            { text: 'How many apples are in this picture?' },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 100 },
    });
  });

  it.each<[string, Partial<DescribeImageInput>]>([
    ['a format that does not match the bytes', { format: 'jpeg' }],
    ['bytes that are no image', { imageBase64: Buffer.from('hello world!').toString('base64') }],
    ['an image over 3.75 MB', { imageBase64: pngOfBytes(3_750_001) }],
    ['an empty question', { question: ' ' }],
    ['maxTokens over 1000', { maxTokens: 1001 }],
  ])('rejects %s before any call', async (_label, overrides) => {
    const result = await call('describeImage', describeInput(overrides));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fake.modelCalls()).toHaveLength(0);
  });

  it('reports a model that cannot see images as a validation error', async () => {
    const result = await call(
      'describeImage',
      describeInput({ modelId: 'amazon.nova-micro-v1:0' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!result.ok) expect(result.error.message).toMatch(/image content block/);
  });

  it('maps throttling and access denied', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    expect(await call('describeImage', describeInput())).toMatchObject({
      ok: false,
      error: { code: 'access_denied', remedy: expect.any(String) },
    });
    fake.setBehavior({ kind: 'throttle' });
    expect(await call('describeImage', describeInput())).toMatchObject({
      ok: false,
      error: { code: 'throttled' },
    });
  });

  it('accepts each Converse image format by its magic bytes', () => {
    const jpeg = jpegHeader(10, 10).toString('base64');
    expect(
      DescribeImageInput.safeParse(describeInput({ imageBase64: jpeg, format: 'jpeg' })).success,
    ).toBe(true);
    const webp = Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1').toString('base64');
    expect(
      DescribeImageInput.safeParse(describeInput({ imageBase64: webp, format: 'webp' })).success,
    ).toBe(true);
  });
});

describe('image bytes', () => {
  it('decodes a base64 prefix exactly like Buffer', () => {
    const bytes = Buffer.from(INPUT_PNG, 'base64');
    expect(Buffer.from(decodeBase64Prefix(INPUT_PNG, 33))).toEqual(bytes.subarray(0, 33));
    expect(base64DecodedLength(INPUT_PNG)).toBe(bytes.length);
    expect(base64DecodedLength('QQ==')).toBe(1);
    expect(base64DecodedLength('QUI=')).toBe(2);
  });

  it('reads PNG and JPEG sizes', () => {
    expect(readImageSize(Buffer.from(INPUT_PNG, 'base64'))).toEqual({ width: 320, height: 320 });
    expect(readImageSize(jpegHeader(1173, 640))).toEqual({ width: 1173, height: 640 });
    expect(readImageSize(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined();
  });
});

describe('estimateImageCost', () => {
  it.each<[string, string, number, number, 'standard' | 'premium', number, number]>([
    // Nova Canvas: $0.04 / $0.06 up to 1024×1024, $0.06 / $0.08 up to 2048×2048.
    ['Nova 512×512 standard × 2', NOVA, 512, 512, 'standard', 2, 0.08],
    ['Nova 1024×1024 premium × 1', NOVA, 1024, 1024, 'premium', 1, 0.06],
    ['Nova 1280×720 (921,600 px) standard × 3', NOVA, 1280, 720, 'standard', 3, 0.12],
    ['Nova 2048×1024 standard × 1', NOVA, 2048, 1024, 'standard', 1, 0.06],
    ['Nova 2048×2048 premium × 5', NOVA, 2048, 2048, 'premium', 5, 0.4],
    // Titan v2: $0.008 / $0.01 under 512×512, $0.01 / $0.012 from 512×512 up.
    ['Titan 384×576 (221,184 px) standard × 4', TITAN, 384, 576, 'standard', 4, 0.032],
    ['Titan 512×512 premium × 1', TITAN, 512, 512, 'premium', 1, 0.012],
    ['Titan 1024×1024 standard × 5', TITAN, 1024, 1024, 'standard', 5, 0.05],
    ['Titan 1408×768 premium × 2', TITAN, 1408, 768, 'premium', 2, 0.024],
  ])('%s', (_label, model, width, height, quality, count, usd) => {
    expect(estimateImageCost(model, width, height, quality, count)).toBeCloseTo(usd, 10);
  });

  it('is null when the model, its tier or the size is unknown', () => {
    expect(estimateImageCost('amazon.nova-lite-v1:0', 512, 512, 'standard', 1)).toBeNull();
    expect(estimateImageCost('example.unknown-v1:0', 512, 512, 'standard', 1)).toBeNull();
    expect(estimateImageCost(NOVA, 4096, 4096, 'standard', 1)).toBeNull();
    expect(estimateImageCost(NOVA, 512.5, 512, 'standard', 1)).toBeNull();
    // A Stability model has a per-image price but no size tiers Stratum knows how to pick.
    expect(
      estimateImageCost('stability.stable-image-core-v1:1', 1024, 1024, 'standard', 1),
    ).toBeNull();
  });
});

describe('generateImages: Stability AI (aspect ratio, one image)', () => {
  const CORE = 'stability.stable-image-core-v1:1';
  const SD35 = 'stability.sd3-5-large-v1:0';
  const stability = (overrides: Partial<GenerateImagesInput> = {}): GenerateImagesInput => ({
    modelId: CORE,
    task: 'TEXT_IMAGE',
    prompt: 'Three red apples on a wooden table',
    aspectRatio: '16:9',
    seed: 42,
    count: 1,
    ...overrides,
  });

  /** The fake itself, over the wire, without the contract in front of it. */
  async function raw(body: Record<string, unknown>, modelId = CORE) {
    const client = new BedrockRuntimeClient({
      region: 'us-west-2',
      endpoint: fake.url,
      credentials: { accessKeyId: FAKE_ACCESS_KEY_ID, secretAccessKey: FAKE_SECRET_ACCESS_KEY },
      requestHandler: new NodeHttpHandler(),
    });
    try {
      const res = await client.send(
        new InvokeModelCommand({
          modelId,
          contentType: 'application/json',
          accept: 'application/json',
          body: JSON.stringify(body),
        }),
      );
      return { ok: true as const, body: JSON.parse(new TextDecoder().decode(res.body)) as unknown };
    } catch (error) {
      const e = error as Error;
      return { ok: false as const, name: e.name, message: e.message };
    } finally {
      client.destroy();
    }
  }

  it('calls a Stability AI model in us-west-2 when Settings name a Region that does not serve it', async () => {
    // Settings start in us-east-1; the catalog lists the Stability AI models in us-west-2 only.
    await generate(stability());
    expect(fake.modelCalls().map((c) => c.region)).toEqual(['us-west-2']);
    const log = await call('listInvocations', undefined);
    if (!log.ok) throw new Error('no log');
    expect((log.value as { records: InvocationRecord[] }).records[0]).toMatchObject({
      modelId: CORE,
      region: 'us-west-2',
    });
    fake.reset();
    await generate({
      modelId: NOVA,
      task: 'TEXT_IMAGE',
      prompt: 'A red apple',
      width: 512,
      height: 512,
      quality: 'standard',
      cfgScale: 6.5,
      seed: 1,
      count: 1,
    });
    expect(fake.modelCalls().map((c) => c.region)).toEqual(['us-east-1']);
  });

  it('round-trips: the documented body goes out, a PNG and the seed come back, priced', async () => {
    const out = await generate(stability({ negativePrompt: 'people' }));
    expect(onlyInvoke()).toMatchObject({
      modelId: CORE,
      body: {
        prompt: 'Three red apples on a wooden table',
        negative_prompt: 'people',
        aspect_ratio: '16:9',
        seed: 42,
      },
    });
    expect(out.images).toHaveLength(1);
    const size = decodePng(out.images[0]!.pngBase64);
    expect(size.width).toBeGreaterThan(size.height); // 16:9 is wide
    expect(out).toMatchObject({ modelId: CORE, seed: 42, costUsd: 0.04 });
    const log = await call('listInvocations', undefined);
    if (!log.ok) throw new Error('no log');
    const [record] = (log.value as { records: InvocationRecord[] }).records;
    expect(record).toMatchObject({
      feature: 'images',
      operation: 'InvokeModel',
      modelId: CORE,
      images: 1,
      costUsd: 0.04,
    });
  });

  it('reports the seed the model picked when asked for 0 (random)', async () => {
    const out = await generate(stability({ seed: 0, modelId: SD35, aspectRatio: '1:1' }));
    expect(onlyInvoke().body).toEqual({ prompt: 'Three red apples on a wooden table', seed: 0 });
    expect(out.seed).toBeGreaterThan(0);
    expect(out.costUsd).toBe(0.08);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an undocumented aspect ratio', { aspectRatio: '4:3' }],
    ['a seed above 4,294,967,294', { seed: 4_294_967_295 }],
    ['a prompt over 10,000 characters', { prompt: 'a'.repeat(10_001) }],
    ['a width and height', { width: 1024, height: 1024 }],
    ['a cfgScale', { cfgScale: 7 }],
    ['two images', { count: 2 }],
    ['an image variation', { task: 'IMAGE_VARIATION', images: [INPUT_PNG] }],
  ])('the contract refuses %s before any call', async (_label, overrides) => {
    const error = await generateError({ ...stability(), ...overrides });
    expect(error.code).toBe('invalid_input');
    expect(fake.modelCalls()).toHaveLength(0);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a bad aspect ratio',
      { aspect_ratio: '4:3' },
      /#\/aspect_ratio: .*4:3.* is not a valid enum value/,
    ],
    ['a seed out of range', { seed: 4_294_967_295 }, /#\/seed: 4294967295 is not less or equal/],
    ['an over-long prompt', { prompt: 'a'.repeat(10_001) }, /expected maxLength: 10000/],
    ['an unknown field', { cfg_scale: 7 }, /extraneous key \[cfg_scale\] is not permitted/],
    ['no prompt', { prompt: undefined }, /required key \[prompt\] not found/],
  ])('the fake, sent %s raw, answers ValidationException', async (_label, change, pattern) => {
    const result = await raw(
      { prompt: 'apples', seed: 1, ...change },
      change['seed'] !== undefined ? SD35 : CORE,
    );
    expect(result).toMatchObject({ ok: false, name: 'ValidationException' });
    expect(result.ok ? '' : result.message).toMatch(pattern);
  });

  it('a content filter is the model declining, with what to do (no image, no gallery row)', async () => {
    const error = await generateError(stability({ prompt: 'apples [[filter:prompt]]' }));
    expect(error).toMatchObject({ code: 'model_error' });
    expect(error.message).toBe(
      'Stable Image Core 1.1 declined to make this image: its content filter stopped it (Filter reason: prompt).',
    );
    expect(error.remedy).toMatch(/Rephrase the prompt/);
    const output = await generateError(stability({ prompt: 'apples [[filter:output]]' }));
    expect(output.remedy).toMatch(/another seed/);
  });

  it('honours the fault switches: malformed, access denied, throttling', async () => {
    fake.setBehavior({ kind: 'malformed' });
    const malformed = await generateError(stability());
    expect(malformed.code).toBe('model_error');
    expect(malformed.message).toMatch(
      /Stable Image Core 1.1 returned an unusable response: image 1 is not valid base64/,
    );
    fake.reset();
    fake.setBehavior({ kind: 'accessDenied' });
    expect((await generateError(stability())).code).toBe('access_denied');
    fake.reset();
    fake.setBehavior({ kind: 'throttle' });
    expect((await generateError(stability())).code).toBe('throttled');
  });
});
