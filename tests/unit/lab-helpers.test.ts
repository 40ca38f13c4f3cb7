/**
 * The labs' small pure helpers: the live run's cost (Nova Micro's list price, $0.000035 per 1K
 * input and $0.00014 per 1K output tokens, worked by hand) and the image request the Bedrock tab
 * builds (Nova Canvas standard up to 1024x1024: $0.04 an image).
 */
import { describe, expect, it } from 'vitest';
import {
  imageRequestFor,
  type ImageForm,
} from '../../renderer/src/features/diffusion-lab/use-image-form';
import {
  estimateLiveRun,
  liveRunCost,
  NEXT_WORD_MAX_TOKENS,
} from '../../renderer/src/features/token-lab/live-cost';
import type { GalleryImage } from '../../renderer/src/db/schema';

describe('live run cost', () => {
  it('prices the tokens main reported at the list price', () => {
    // 10,000 in x 0.000035 / 1K = 0.00035; 2,000 out x 0.00014 / 1K = 0.00028.
    expect(
      liveRunCost('us.amazon.nova-micro-v1:0', { inputTokens: 10_000, outputTokens: 2_000 }),
    ).toBeCloseTo(0.00063, 12);
    expect(liveRunCost('acme.unpriced-v1:0', { inputTokens: 10, outputTokens: 1 })).toBeNull();
  });
  it('bounds the preview by the output cap per call', () => {
    const e = estimateLiveRun('amazon.nova-micro-v1:0', 'After the rain, the streets were', 20);
    expect(e.outputTokens).toBe(NEXT_WORD_MAX_TOKENS * 20);
    expect(e.inputTokens % 20).toBe(0);
    expect(e.costUsd).toBeCloseTo((e.inputTokens * 0.000035 + e.outputTokens * 0.00014) / 1000, 12);
  });
});

const FORM: ImageForm = {
  modelId: 'amazon.nova-canvas-v1:0',
  task: 'TEXT_IMAGE',
  prompt: '  A lighthouse  ',
  negative: ' ',
  sizeIndex: 1,
  aspectRatio: '16:9',
  quality: 'standard',
  cfgScale: 6.5,
  seed: 12,
  count: 2,
  sourceId: '',
  similarity: 0.7,
};

describe('imageRequestFor', () => {
  it('builds a text-to-image request with the chosen size, trimmed prompts and its cost', () => {
    const { request, problems, cost } = imageRequestFor(FORM, []);
    expect(request).toMatchObject({ width: 1024, height: 1024, prompt: 'A lighthouse', count: 2 });
    expect('negativePrompt' in request).toBe(false);
    expect(problems).toEqual([]);
    expect(cost).toBeCloseTo(0.08, 12);
  });
  it('asks for a gallery image before a variation', () => {
    const { problems } = imageRequestFor({ ...FORM, task: 'IMAGE_VARIATION' }, []);
    expect(problems).toContain('Pick an image from the gallery to vary.');
  });
  it('sends the chosen gallery image and similarity with a variation', () => {
    const image = { id: 'g1', base64: 'AAAA' } as GalleryImage;
    const { request } = imageRequestFor({ ...FORM, task: 'IMAGE_VARIATION', sourceId: 'g1' }, [
      image,
    ]);
    expect(request).toMatchObject({ images: ['AAAA'], similarityStrength: 0.7 });
  });
});
