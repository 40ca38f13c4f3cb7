/**
 * Generating images on Bedrock: one call, its images kept in the gallery with the parameters that
 * made them and their share of the cost main reports. `runs` changes on each finished call.
 */
import { useState } from 'react';
import type { GenerateImagesInput } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/result';
import { call } from '../../api';
import { addImages } from '../../db/gallery';
import type { GalleryImage } from '../../db/schema';

export function useGenerateImages(onError: (e: AppError | null) => void) {
  const [busy, setBusy] = useState(false);
  const [latest, setLatest] = useState<GalleryImage[]>([]);
  const [runs, setRuns] = useState(0);

  const generate = async (request: GenerateImagesInput) => {
    setBusy(true);
    onError(null);
    const result = await call('generateImages', request);
    setBusy(false);
    if (!result.ok) {
      onError(result.error);
      return;
    }
    const createdAt = new Date().toISOString();
    const { images, costUsd, seed } = result.value;
    const perImage = costUsd === null ? null : costUsd / images.length;
    const rows: GalleryImage[] = images.map((img) => ({
      id: crypto.randomUUID(),
      createdAt,
      modelId: request.modelId,
      task: request.task,
      prompt: request.prompt ?? null,
      negativePrompt: request.negativePrompt ?? null,
      width: img.width,
      height: img.height,
      // A Stability AI model has neither: the row keeps the schema's defaults and the gallery
      // does not show them for it (Gallery.tsx).
      quality: request.quality ?? null,
      cfgScale: request.cfgScale ?? null,
      // The seed the model says it used (a Stability AI model picks one when asked for 0).
      seed,
      similarityStrength:
        request.task === 'IMAGE_VARIATION' ? (request.similarityStrength ?? null) : null,
      format: img.format,
      base64: img.pngBase64,
      costUsd: perImage,
    }));
    await addImages(rows);
    setLatest(rows);
    setRuns((n) => n + 1);
  };

  return { busy, latest, runs, generate };
}
