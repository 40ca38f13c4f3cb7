/**
 * The Compare view's pure parts: the form's reducer and rules (columns, what blocks a run, a
 * preset), the status each run shows, the ConverseStream input a column sends, and how a run's
 * updates are paced (at once after a quiet frame, otherwise when the frame's time is up).
 */
import { describe, expect, it } from 'vitest';
import {
  columnsOf,
  formProblem,
  formReducer,
  initialForm,
} from '../../renderer/src/features/playground/compare/compare-form';
import {
  columnInput,
  slotStatus,
} from '../../renderer/src/features/playground/compare/compare-store';
import { PRESETS } from '../../renderer/src/features/playground/presets';
import { finishConverse, startingRun } from '../../renderer/src/streams/converse-run';

const MODELS = ['us.amazon.nova-micro-v1:0', 'us.amazon.nova-lite-v1:0', 'acme.unknown-v1:0'];
const form = () => initialForm(MODELS, 'amazon.nova-micro-v1:0');

describe('compare form', () => {
  it('sends one column per shown model at the shared temperature, or one model per temperature', () => {
    expect(columnsOf(form())).toEqual([
      { modelId: 'us.amazon.nova-micro-v1:0', temperature: 0.7 },
      { modelId: 'us.amazon.nova-lite-v1:0', temperature: 0.7 },
    ]);
    let f = formReducer(form(), { type: 'set', patch: { mode: 'temperatures', count: 3 } });
    f = formReducer(f, { type: 'column-temperature', index: 1, temperature: 0.25 });
    expect(columnsOf(f)).toEqual([
      { modelId: 'amazon.nova-micro-v1:0', temperature: 0 },
      { modelId: 'amazon.nova-micro-v1:0', temperature: 0.25 },
      { modelId: 'amazon.nova-micro-v1:0', temperature: 1 },
    ]);
    f = formReducer(form(), { type: 'column-model', index: 0, modelId: 'acme.other-v1:0' });
    expect(columnsOf(f).map((c) => c.modelId)).toEqual(['acme.other-v1:0', MODELS[1]]);
  });

  it('blocks a run without a prompt, and a system prompt for a model that refuses one', () => {
    const blank = formReducer(form(), { type: 'set', patch: { prompt: '  ' } });
    expect(formProblem(blank, columnsOf(blank))).toBe('Write a prompt first.');
    expect(formProblem(form(), columnsOf(form()))).toBeNull();
    const system = formReducer(form(), { type: 'set', patch: { system: 'Be brief.' } });
    expect(formProblem(system, columnsOf(system))).toBeNull();
    const refusing = formReducer(system, {
      type: 'column-model',
      index: 1,
      modelId: 'amazon.nova-canvas-v1:0',
    });
    expect(formProblem(refusing, columnsOf(refusing))).toBe(
      'Amazon Nova Canvas does not accept a system prompt: clear the system prompt or pick another model.',
    );
  });

  it('loads a preset: its words and max tokens, and its temperature when columns share one', () => {
    const preset = PRESETS.find((p) => p.temperature !== 0.7)!;
    const loaded = formReducer(form(), { type: 'preset', id: preset.id });
    expect(loaded).toMatchObject({
      presetId: preset.id,
      maxTokens: preset.maxTokens,
      temperature: preset.temperature,
    });
    expect(loaded.prompt).not.toBe(form().prompt);
    const temps = formReducer(form(), { type: 'set', patch: { mode: 'temperatures' } });
    expect(formReducer(temps, { type: 'preset', id: preset.id }).temperature).toBe(0.7);
    const none = formReducer(loaded, { type: 'preset', id: '' });
    expect(none).toEqual({ ...loaded, presetId: '' });
  });
});

describe('compare runs', () => {
  it('shows each way a run can be', () => {
    expect(slotStatus(null)).toBe('waiting');
    expect(slotStatus(startingRun())).toBe('streaming');
    expect(slotStatus(finishConverse(startingRun(), null, 10))).toBe('done');
    expect(slotStatus(finishConverse(startingRun(), { code: 'cancelled', message: '' }, 10))).toBe(
      'cancelled',
    );
    expect(
      slotStatus(finishConverse(startingRun(), { code: 'throttled', message: 'Slow down' }, 10)),
    ).toBe('failed');
  });

  it("sends the trimmed prompt, caps max tokens at the model's limit, and leaves out a blank system", () => {
    const request = {
      mode: 'models' as const,
      columns: [],
      runsPerColumn: 1,
      system: '  ',
      prompt: ' Hi ',
      maxTokens: 4096,
    };
    const input = columnInput(request, { modelId: 'acme.unknown-v1:0', temperature: 0.3 });
    expect(input).toEqual({
      modelId: 'acme.unknown-v1:0',
      feature: 'compare',
      messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
      inferenceConfig: { maxTokens: 4096, temperature: 0.3 },
    });
    const withSystem = columnInput(
      { ...request, system: ' Be brief. ', maxTokens: 10 },
      { modelId: 'us.amazon.nova-micro-v1:0', temperature: 0 },
    );
    expect(withSystem.system).toBe('Be brief.');
    expect(withSystem.inferenceConfig?.maxTokens).toBe(10);
  });
});
