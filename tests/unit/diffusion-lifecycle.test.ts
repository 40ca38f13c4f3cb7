/**
 * The Diffusion lab's lifecycle words come from the catalog for every image model it offers, the
 * same `lifecycle` the Models screen shows: the picker lists active models first and names each
 * model's state once ("Legacy: new customers cannot use it", "End of life"); the note under it
 * gives the catalog's details for a legacy or end-of-life model, and nothing for an active one.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../shared/catalog';
import {
  NOVA_CANVAS_ID,
  SD35_LARGE_ID,
  STABLE_IMAGE_CORE_ID,
  imageCallRegion,
  STABLE_IMAGE_ULTRA_ID,
  TITAN_IMAGE_V2_ID,
} from '../../shared/image-models';
import {
  imageModelOptions,
  LIFECYCLE_LABEL,
  lifecycleWarning,
} from '../../renderer/src/features/diffusion-lab/lifecycle-warning';
import { regionNote } from '../../renderer/src/features/diffusion-lab/images/region-note';
import { GalleryImage } from '../../renderer/src/db/schema';

const labModels = imageModelOptions('us-east-1');

describe('the Diffusion lab model picker and lifecycle note', () => {
  it('offers the Stability AI models first (active), then Nova Canvas and Titan', () => {
    expect(labModels.map((o) => o.model.id)).toEqual([
      STABLE_IMAGE_CORE_ID,
      SD35_LARGE_ID,
      STABLE_IMAGE_ULTRA_ID,
      NOVA_CANVAS_ID,
      TITAN_IMAGE_V2_ID,
    ]);
    expect(labModels.slice(0, 3).every((o) => o.model.lifecycle === 'active')).toBe(true);
  });

  it('names each state once, in plain words', () => {
    expect(LIFECYCLE_LABEL).toEqual({
      active: 'Active',
      legacy: 'Legacy: new customers cannot use it',
      'end-of-life': 'End of life',
    });
  });

  it.each(labModels.map((o) => [o.model.id, o] as const))(
    '%s: the note follows the catalog lifecycle and carries its note',
    (_id, option) => {
      const { model } = option;
      const warning = lifecycleWarning(option.id);
      if (model.lifecycle === 'active') {
        expect(warning).toBeNull();
        return;
      }
      expect(warning?.status).toBe(model.lifecycle);
      if (model.note) expect(warning?.text).toContain(model.note);
      // The picker says the state; the note does not say it again in Stratum's own words (the
      // catalog's dated note may name it, with its date).
      const own = (warning?.text ?? '').replace(model.note ?? '', '');
      expect(own).not.toContain(LIFECYCLE_LABEL[model.lifecycle]);
    },
  );

  it('warns for Titan Image Generator v2 (end of life) and Nova Canvas (legacy)', () => {
    expect(lifecycleWarning(TITAN_IMAGE_V2_ID)?.status).toBe('end-of-life');
    expect(lifecycleWarning(TITAN_IMAGE_V2_ID)?.text).toMatch(/likely to fail/);
    expect(lifecycleWarning(NOVA_CANVAS_ID)?.status).toBe('legacy');
    expect(lifecycleWarning(NOVA_CANVAS_ID)?.text).toMatch(/existing customers/);
    // An inference-profile or ARN form of the id is the same model.
    expect(
      lifecycleWarning(`arn:aws:bedrock:us-east-1::foundation-model/${TITAN_IMAGE_V2_ID}`),
    ).toEqual(lifecycleWarning(TITAN_IMAGE_V2_ID));
  });

  it('says nothing for an active model or an id outside the catalog', () => {
    const active = CATALOG.models.find((m) => m.lifecycle === 'active')!;
    expect(lifecycleWarning(active.id)).toBeNull();
    expect(lifecycleWarning('example.not-a-model-v1:0')).toBeNull();
  });

  it('says which Region serves a Stability AI model when it is not the learner’s', () => {
    expect(regionNote(STABLE_IMAGE_CORE_ID, 'us-east-1')).toBe(
      'Stable Image Core 1.1 is offered in us-west-2, not in us-east-1 (your Region in Settings), so Stratum calls it in us-west-2. Your IAM policy must allow bedrock:InvokeModel there.',
    );
    expect(regionNote(STABLE_IMAGE_CORE_ID, 'us-west-2')).toBeNull();
    expect(regionNote(NOVA_CANVAS_ID, 'eu-central-1')).toBeNull();
  });

  it('sends a Stability AI call to us-west-2 from elsewhere, other models and endpoints unchanged', () => {
    expect(imageCallRegion(STABLE_IMAGE_CORE_ID, 'us-east-1', null)).toBe('us-west-2');
    expect(imageCallRegion(STABLE_IMAGE_CORE_ID, 'us-west-2', null)).toBe('us-west-2');
    expect(imageCallRegion(NOVA_CANVAS_ID, 'eu-west-1', null)).toBe('eu-west-1');
    expect(imageCallRegion(STABLE_IMAGE_CORE_ID, 'us-east-1', 'https://vpce.example')).toBe(
      'us-east-1',
    );
  });
});

describe('a gallery row', () => {
  const row = {
    id: 'img-1',
    createdAt: '2026-12-04T10:00:00.000Z',
    modelId: STABLE_IMAGE_CORE_ID,
    task: 'TEXT_IMAGE',
    prompt: 'A lighthouse',
    negativePrompt: null,
    width: 1344,
    height: 768,
    seed: 12,
    similarityStrength: null,
    format: 'png',
    base64: 'iVBORw0KGgo=',
    costUsd: 0.04,
  };
  it('keeps no quality or cfgScale for a Stability AI image, and both for a Nova one', () => {
    expect(GalleryImage.parse({ ...row, quality: null, cfgScale: null })).toMatchObject({
      quality: null,
      cfgScale: null,
    });
    expect(
      GalleryImage.parse({ ...row, modelId: NOVA_CANVAS_ID, quality: 'premium', cfgScale: 6.5 }),
    ).toMatchObject({ quality: 'premium', cfgScale: 6.5 });
    expect(GalleryImage.safeParse({ ...row, quality: 'best', cfgScale: null }).success).toBe(false);
  });
});
