/**
 * The Diffusion lab's lifecycle warning comes from the catalog for every image model it offers,
 * the same `lifecycle` the Models screen shows: Titan Image Generator v2 (end of life) gets a
 * warning as well as Nova Canvas (legacy), and an active model gets none.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../shared/catalog';
import { imageModelFamily, NOVA_CANVAS_ID, TITAN_IMAGE_V2_ID } from '../../shared/image-models';
import { modelOptions } from '../../shared/models';
import {
  LIFECYCLE_LABEL,
  lifecycleWarning,
} from '../../renderer/src/features/diffusion-lab/lifecycle-warning';

const labModels = modelOptions('us-east-1', (m) => imageModelFamily(m.id) !== null);

describe('the Diffusion lab lifecycle warning', () => {
  it('offers both image generators', () => {
    expect(labModels.map((o) => o.model.id).sort()).toEqual(
      [NOVA_CANVAS_ID, TITAN_IMAGE_V2_ID].sort(),
    );
  });

  it.each(labModels.map((o) => [o.model.id, o] as const))(
    '%s: the warning follows the catalog lifecycle and carries its note',
    (_id, option) => {
      const { model } = option;
      const warning = lifecycleWarning(option.id);
      if (model.lifecycle === 'active') {
        expect(warning).toBeNull();
        expect(LIFECYCLE_LABEL[model.lifecycle]).toBeNull();
        return;
      }
      expect(warning?.status).toBe(model.lifecycle);
      expect(warning?.text).toContain(model.lifecycle === 'legacy' ? 'legacy' : 'end of life');
      if (model.note) expect(warning?.text).toContain(model.note);
      expect(LIFECYCLE_LABEL[model.lifecycle]).toMatch(/legacy|end of life/);
    },
  );

  it('warns for Titan Image Generator v2 (end of life) and Nova Canvas (legacy)', () => {
    expect(lifecycleWarning(TITAN_IMAGE_V2_ID)?.status).toBe('end-of-life');
    expect(lifecycleWarning(TITAN_IMAGE_V2_ID)?.text).toMatch(/end of life.*likely to fail/);
    expect(lifecycleWarning(NOVA_CANVAS_ID)?.status).toBe('legacy');
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
});
