/**
 * The Generate form as one piece of state, and what follows from it: the model family, the size,
 * the request sent to Bedrock, what is wrong with it, and its estimated cost.
 */
import { useState } from 'react';
import {
  imageModelFamily,
  imageRequestProblems,
  NOVA_CANVAS_ID,
  type ImageQuality,
  type ImageTask,
} from '../../../../shared/image-models';
import { estimateImageCost } from '../../../../shared/models';
import type { GalleryImage } from '../../db/schema';
import { SIZES } from './image-data';

export interface ImageForm {
  modelId: string;
  task: ImageTask;
  prompt: string;
  negative: string;
  sizeIndex: number;
  quality: ImageQuality;
  cfgScale: number;
  seed: number;
  count: number;
  sourceId: string;
  similarity: number;
}

const INITIAL: ImageForm = {
  modelId: NOVA_CANVAS_ID,
  task: 'TEXT_IMAGE',
  prompt: 'A lighthouse on a rocky coast at sunset, watercolour',
  negative: '',
  sizeIndex: 0,
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
  const [width, height] = SIZES[family][form.sizeIndex] ?? [512, 512];
  const source = gallery.find((g) => g.id === form.sourceId) ?? null;
  const variation = form.task === 'IMAGE_VARIATION';
  const request = {
    modelId: form.modelId,
    task: form.task,
    ...(form.prompt.trim() ? { prompt: form.prompt.trim() } : {}),
    ...(form.negative.trim() ? { negativePrompt: form.negative.trim() } : {}),
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
  const cost = estimateImageCost(form.modelId, width, height, form.quality, form.count);
  return { family, request, problems, cost };
}

export function useImageForm() {
  const [form, setForm] = useState<ImageForm>(INITIAL);
  return {
    form,
    set: (patch: Partial<ImageForm>) => setForm((f) => ({ ...f, ...patch })),
  };
}
