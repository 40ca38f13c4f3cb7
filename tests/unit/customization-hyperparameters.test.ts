/** Hyperparameter ranges per model (Bedrock User Guide, checked 2026-12-04) and the API map. */
import { describe, expect, it } from 'vitest';
import { checkHyperParameters, decimalString, HYPERPARAMETERS } from '../../shared/customization';

describe('hyperparameters', () => {
  it('fills in the documented defaults as strings', () => {
    expect(checkHyperParameters('nova-micro', {})).toEqual({
      hyperParameters: { epochCount: '2', learningRate: '0.00001', learningRateWarmupSteps: '10' },
      problems: [],
    });
    expect(checkHyperParameters('titan-text-premier', {}).hyperParameters.learningRate).toBe(
      '0.000001',
    );
  });

  it('reports values out of range, not whole, or unknown, and sends nothing then', () => {
    const result = checkHyperParameters('claude-3-haiku', {
      epochCount: 11,
      batchSize: 2.5,
      learningRate: 0.1,
    });
    expect(result.hyperParameters).toEqual({});
    expect(result.problems).toEqual([
      { name: 'learningRate', message: '"learningRate" is not a hyperparameter of this model.' },
      { name: 'epochCount', message: 'Epoch count must be from 1 to 10; it is 11.' },
      { name: 'batchSize', message: 'Batch size must be a whole number.' },
    ]);
  });

  it('has no ranges for a model whose page was not read', () => {
    expect(HYPERPARAMETERS['cohere-command']).toBeUndefined();
    expect(checkHyperParameters('cohere-command', {}).problems).toHaveLength(1);
  });

  it('writes small numbers without an exponent', () => {
    expect(decimalString(1e-7)).toBe('0.0000001');
    expect(decimalString(5e-6)).toBe('0.000005');
    expect(decimalString(2)).toBe('2');
  });
});
