/**
 * Image to text: which image (the bundled apples or one from the gallery), which vision model,
 * the question, and the answer with the cost main reports for the call.
 */
import { useMemo, useState } from 'react';
import { choiceFor, modelOptions } from '../../../../shared/models';
import type { AppError } from '../../../../shared/result';
import { call } from '../../api';
import type { GalleryImage } from '../../db/schema';
import { applesPng } from './image-data';

export function useDescribe(gallery: readonly GalleryImage[], region: string) {
  const models = useMemo(
    () => modelOptions(region, (m) => m.features.vision && m.lifecycle !== 'end-of-life'),
    [region],
  );
  const [modelId, setModelId] = useState(() =>
    choiceFor(
      models.find((m) => m.id.includes('nova-lite'))?.id ??
        models[0]?.id ??
        'us.amazon.nova-lite-v1:0',
      models,
    ),
  );
  const [imageId, setImageId] = useState('apples');
  const [question, setQuestion] = useState('How many apples are in this picture?');
  const [answer, setAnswer] = useState<{ text: string; cost: number | null; at: number } | null>(
    null,
  );
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const apples = useMemo(() => applesPng(), []);
  const chosen =
    imageId === 'apples'
      ? { format: 'png' as const, base64: apples }
      : (gallery.find((g) => g.id === imageId) ?? null);

  const ask = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    const result = await call('describeImage', {
      modelId,
      imageBase64: chosen.base64,
      format: chosen.format,
      question,
      maxTokens: 300,
    });
    setBusy(false);
    if (result.ok)
      setAnswer((a) => ({
        text: result.value.text,
        cost: result.value.costUsd,
        at: (a?.at ?? 0) + 1,
      }));
    else setError(result.error);
  };

  return {
    models,
    modelId,
    setModelId,
    imageId,
    setImageId,
    question,
    setQuestion,
    chosen,
    answer,
    error,
    busy,
    ask,
  };
}
