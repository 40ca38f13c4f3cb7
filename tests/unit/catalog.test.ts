import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../shared/catalog';
import {
  modelDisplayName,
  baseModelId,
  estimateTokenCost,
  findModel,
  inferenceProfileSuggestion,
  invocableModelId,
} from '../../shared/models';
import { geographiesFor } from '../../shared/regions';

describe('the model catalog', () => {
  it('has unique ids', () => {
    const ids = CATALOG.models.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers the families the exam and the labs need', () => {
    const names = CATALOG.models.map((m) => `${m.provider} ${m.name}`).join('\n');
    for (const pattern of [
      /Anthropic Claude.*Haiku/,
      /Anthropic Claude.*Sonnet/,
      /Amazon Nova Micro/,
      /Amazon Nova Lite/,
      /Amazon Nova Pro/,
      /Amazon Nova Canvas/,
      /Amazon Titan Text Embeddings V2/,
      /Amazon Titan Image Generator/,
      /Meta Llama/,
      /Mistral AI/,
      /Cohere/,
      /AI21 Labs/,
      /Stability AI/,
    ]) {
      expect(names).toMatch(pattern);
    }
  });

  it('names every inference profile as <geography>.<base id>', () => {
    for (const model of CATALOG.models) {
      for (const [geo, id] of Object.entries(model.inferenceProfiles)) {
        expect(id).toBe(`${geo}.${model.id}`);
      }
    }
  });

  it('gives a profile to every model that needs one', () => {
    for (const model of CATALOG.models.filter((m) => m.requiresInferenceProfile)) {
      expect(Object.keys(model.inferenceProfiles).length, model.id).toBeGreaterThan(0);
    }
  });

  it('prices models by what they produce', () => {
    for (const m of CATALOG.models) {
      const expected = m.features.imageGeneration
        ? 'image'
        : m.features.embeddings
          ? 'embedding'
          : 'tokens';
      expect(m.pricing.kind, m.id).toBe(expected);
    }
  });

  it('flags match modalities', () => {
    for (const m of CATALOG.models) {
      expect(m.features.vision, m.id).toBe(
        m.inputModalities.includes('image') && m.outputModalities.includes('text'),
      );
      expect(m.features.imageGeneration, m.id).toBe(m.outputModalities.includes('image'));
      expect(m.features.embeddings, m.id).toBe(m.outputModalities.includes('embedding'));
    }
  });
});

describe('catalog helpers', () => {
  it('strips profile prefixes and ARNs to the base id', () => {
    expect(baseModelId('us.amazon.nova-lite-v1:0')).toBe('amazon.nova-lite-v1:0');
    expect(baseModelId('global.anthropic.claude-sonnet-4-5-20250929-v1:0')).toBe(
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
    );
    expect(baseModelId('arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0')).toBe(
      'amazon.nova-micro-v1:0',
    );
    expect(baseModelId('amazon.nova-micro-v1:0')).toBe('amazon.nova-micro-v1:0');
  });

  it('maps regions to profile geographies', () => {
    expect(geographiesFor('us-west-2')).toEqual(['us', 'global']);
    expect(geographiesFor('eu-central-1')).toEqual(['eu', 'global']);
    expect(geographiesFor('ap-northeast-1')[0]).toBe('jp');
    expect(geographiesFor('ap-southeast-2')[0]).toBe('au');
    expect(geographiesFor('ap-south-1')).toEqual(['apac', 'global']);
    expect(geographiesFor('us-gov-west-1')).toEqual(['us-gov']);
  });

  it('suggests the profile of the region’s geography', () => {
    const sonnet = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
    expect(inferenceProfileSuggestion(sonnet, 'us-east-1')).toBe(`us.${sonnet}`);
    expect(inferenceProfileSuggestion(sonnet, 'eu-west-3')).toBe(`eu.${sonnet}`);
    expect(inferenceProfileSuggestion('amazon.titan-embed-text-v2:0', 'us-east-1')).toBeNull();
    expect(inferenceProfileSuggestion('unknown.model-v1:0', 'us-east-1')).toBeNull();
  });

  it('calls a model through a profile where one exists, else by its id', () => {
    const titan = findModel('amazon.titan-embed-text-v2:0')!;
    expect(invocableModelId(titan, 'us-east-1')).toBe('amazon.titan-embed-text-v2:0');
    const sonnet = findModel('us.anthropic.claude-sonnet-4-5-20250929-v1:0')!;
    expect(invocableModelId(sonnet, 'eu-west-1')).toBe(
      'eu.anthropic.claude-sonnet-4-5-20250929-v1:0',
    );
  });

  it('estimates token cost from per-1k prices', () => {
    const micro = findModel('amazon.nova-micro-v1:0')!;
    if (micro.pricing.kind !== 'tokens') throw new Error('Nova Micro is priced by token');
    const { inputPer1k, outputPer1k } = micro.pricing;
    // 2,000 input and 500 output tokens: 2 x input rate + 0.5 x output rate.
    expect(estimateTokenCost('amazon.nova-micro-v1:0', 2000, 500)).toBeCloseTo(
      2 * inputPer1k + 0.5 * outputPer1k,
      12,
    );
    expect(estimateTokenCost('amazon.titan-embed-text-v2:0', 10, 10)).toBeNull();
  });
});

describe('modelDisplayName', () => {
  it('names the maker once', () => {
    expect(modelDisplayName({ provider: 'Amazon', name: 'Nova Micro' })).toBe('Amazon Nova Micro');
    expect(modelDisplayName({ provider: 'Amazon', name: 'Amazon Nova Micro' })).toBe(
      'Amazon Nova Micro',
    );
    expect(modelDisplayName({ provider: 'Anthropic', name: 'Claude Haiku 4.5' })).toBe(
      'Anthropic Claude Haiku 4.5',
    );
    expect(modelDisplayName({ provider: 'Mistral AI', name: 'Mistral Large' })).toBe(
      'Mistral Large',
    );
  });
});
