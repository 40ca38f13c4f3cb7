/**
 * The Generate form as one piece of state, and what follows from it: the model family, the
 * request sent to Bedrock (a size, quality and cfgScale for Nova Canvas and Titan; an aspect
 * ratio for a Stability AI model), what is wrong with it, and its estimated cost.
 */
import { useState } from 'react';
import {
  estimateImageRequestCost,
  imageModelFamily,
  imageRequestProblems,
  STABLE_IMAGE_CORE_ID,
  type AspectRatio,
  type ImageQuality,
  type ImageTask,
} from '../../../../shared/image-models';
import type { GenerateImagesInput } from '../../../../shared/contract';
import type { GalleryImage } from '../../db/schema';
import { SIZES } from './image-data';

export interface ImageForm {
  modelId: string;
  task: ImageTask;
  prompt: string;
  negative: string;
  sizeIndex: number;
  aspectRatio: AspectRatio;
  quality: ImageQuality;
  cfgScale: number;
  seed: number;
  count: number;
  sourceId: string;
  similarity: number;
}

/** An active model first: Stable Image Core, the cheapest of the Stability AI models. */
const INITIAL: ImageForm = {
  modelId: STABLE_IMAGE_CORE_ID,
  task: 'TEXT_IMAGE',
  prompt: 'A lighthouse on a rocky coast at sunset, watercolour',
  negative: '',
  sizeIndex: 0,
  aspectRatio: '1:1',
  quality: 'standard',
  cfgScale: 6.5,
  seed: 12,
  count: 1,
  sourceId: '',
  similarity: 0.7,
};

/** The request for `form` (the source image from `gallery`), its problems and its cost. */
export function imageRequestFor(form: ImageForm, gallery: readonly GalleryImage[]) {
  const family = imageModelFamily(form.modelId) ?? 'nova-canvas';
  const texts = {
    ...(form.prompt.trim() ? { prompt: form.prompt.trim() } : {}),
    ...(form.negative.trim() ? { negativePrompt: form.negative.trim() } : {}),
  };
  if (family === 'stability') {
    const request: GenerateImagesInput = {
      modelId: form.modelId,
      task: 'TEXT_IMAGE',
      ...texts,
      aspectRatio: form.aspectRatio,
      seed: form.seed,
      count: 1,
    };
    const problems = imageRequestProblems(request).map((p) => p.message);
    return { family, request, problems, cost: estimateImageRequestCost(request) };
  }
  const [width, height] = SIZES[family][form.sizeIndex] ?? [512, 512];
  const source = gallery.find((g) => g.id === form.sourceId) ?? null;
  const variation = form.task === 'IMAGE_VARIATION';
  const request: GenerateImagesInput = {
    modelId: form.modelId,
    task: form.task,
    ...texts,
    width,
    height,
    quality: form.quality,
    cfgScale: form.cfgScale,
    seed: form.seed,
    count: form.count,
    ...(variation && source
      ? { images: [source.base64], similarityStrength: form.similarity }
      : {}),
  };
  const problems = imageRequestProblems(request).map((p) => p.message);
  if (variation && !source) problems.push('Pick an image from the gallery to vary.');
  return { family, request, problems, cost: estimateImageRequestCost(request) };
}

export function useImageForm() {
  const [form, setForm] = useState<ImageForm>(INITIAL);
  return {
    form,
    set: (patch: Partial<ImageForm>) => setForm((f) => ({ ...f, ...patch })),
  };
}
