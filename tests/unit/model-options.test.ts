/** One id per model: pickers list each model once, and any form of its id finds it. */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../shared/catalog';
import { baseModelId, choiceFor, modelOptions, optionFor } from '../../shared/models';

describe('modelOptions', () => {
  it('lists every model once, under the id to call in the region', () => {
    for (const region of ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'sa-east-1']) {
      const options = modelOptions(region);
      const models = options.map((o) => o.model.id);
      expect(new Set(models).size).toBe(models.length);
      expect(models).toHaveLength(CATALOG.models.length);
      for (const o of options) expect(baseModelId(o.id)).toBe(o.model.id);
    }
  });

  it('calls Nova Micro through the US profile in us-east-1 and the EU one in eu-west-1', () => {
    const us = modelOptions('us-east-1').find((o) => o.model.id === 'amazon.nova-micro-v1:0');
    const eu = modelOptions('eu-west-1').find((o) => o.model.id === 'amazon.nova-micro-v1:0');
    expect(us?.id).toBe('us.amazon.nova-micro-v1:0');
    expect(eu?.id).toBe('eu.amazon.nova-micro-v1:0');
  });
});

describe('optionFor and choiceFor', () => {
  const options = modelOptions('us-east-1', (m) => m.outputModalities.includes('text'));
  it('finds a model from its base id, another geography or an ARN', () => {
    for (const id of [
      'amazon.nova-micro-v1:0',
      'us.amazon.nova-micro-v1:0',
      'eu.amazon.nova-micro-v1:0',
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0',
    ]) {
      expect(optionFor(id, options)?.model.id).toBe('amazon.nova-micro-v1:0');
      expect(choiceFor(id, options)).toBe('us.amazon.nova-micro-v1:0');
    }
  });
  it('leaves an id outside the list as it is', () => {
    expect(optionFor('acme.unknown-v1:0', options)).toBeNull();
    expect(choiceFor('acme.unknown-v1:0', options)).toBe('acme.unknown-v1:0');
  });
});
