/**
 * The agent timeline's reducers: runAgent events become model, tool-group, answer and notice
 * items (parallel calls grouped by turn, pending calls replaced by their results), Stop marks
 * calls still waiting, and InvokeAgent's chunks join into one answer after the trace.
 */
import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../shared/agent-contract';
import type { JsonObject } from '../../shared/question-draft';
import {
  bedrockAgentItems,
  finishAgentRun,
  finishBedrockAgent,
  reduceAgentRun,
  reduceBedrockAgent,
  startAgentRunView,
  startBedrockAgentView,
} from '../../renderer/src/features/guardrails-lab/agent/timeline';

const call = (id: string, name: string, input: JsonObject = {}) => ({ toolUseId: id, name, input });

function play(events: AgentEvent[]) {
  return events.reduce(reduceAgentRun, startAgentRunView('run-0001'));
}

describe('reduceAgentRun', () => {
  it('groups a turn’s calls, replaces pending calls by results and ends with the answer', () => {
    const view = play([
      { type: 'model-call', turn: 1 },
      {
        type: 'model-turn',
        turn: 1,
        text: 'Looking.',
        toolCalls: [call('a', 'calculator'), call('b', 'current_date')],
        stopReason: 'tool_use',
        inputTokens: 100,
        outputTokens: 20,
        latencyMs: 300,
        costUsd: 0.0001,
      },
      {
        type: 'tools-pending',
        turn: 1,
        calls: [call('a', 'calculator'), call('b', 'current_date')],
      },
    ]);
    expect(view.status).toBe('waiting');
    const tools = view.items.find((i) => i.kind === 'tools');
    expect(tools?.kind === 'tools' && tools.runs.map((r) => r.status)).toEqual([
      'pending',
      'pending',
    ]);
    const run = (id: string, status: 'success' | 'declined') => ({
      type: 'tool-result' as const,
      turn: 1,
      parallel: true,
      run: {
        ...call(id, id === 'a' ? 'calculator' : 'current_date'),
        status,
        output: status === 'success' ? { value: 4 } : null,
        error: status === 'success' ? null : 'declined',
      },
      durationMs: 1,
    });
    const more: AgentEvent[] = [
      run('a', 'success'),
      run('b', 'declined'),
      { type: 'model-call', turn: 2 } as const,
      {
        type: 'end' as const,
        status: 'done' as const,
        finalText: 'Four.',
        notice: null,
        steps: 2,
        inputTokens: 200,
        outputTokens: 30,
        costUsd: 0.0002,
      },
    ];
    const done = more.reduce(reduceAgentRun, view);
    expect(done.items.map((i) => i.kind)).toEqual(['model', 'tools', 'model', 'answer']);
    const group = done.items[1];
    expect(group?.kind === 'tools' && group.runs.map((r) => [r.toolUseId, r.status])).toEqual([
      ['a', 'success'],
      ['b', 'declined'],
    ]);
    expect(done.status).toBe('done');
    expect(done.totals).toEqual({ steps: 2, inputTokens: 200, outputTokens: 30, costUsd: 0.0002 });
  });

  it('a step-limit end shows its notice as a warning and no answer', () => {
    const view = play([
      {
        type: 'end',
        status: 'step-limit',
        finalText: null,
        notice: 'The agent reached its limit of 3 steps.',
        steps: 3,
        inputTokens: 1,
        outputTokens: 1,
        costUsd: null,
      },
    ]);
    expect(view.items).toEqual([
      {
        kind: 'notice',
        key: 'notice',
        tone: 'warn',
        text: 'The agent reached its limit of 3 steps.',
      },
    ]);
  });

  it('Stop marks calls still waiting and says how many steps ran', () => {
    const view = play([
      { type: 'model-call', turn: 1 },
      {
        type: 'model-turn',
        turn: 1,
        text: '',
        toolCalls: [call('a', 'calculator')],
        stopReason: 'tool_use',
        inputTokens: 1,
        outputTokens: 1,
        latencyMs: 1,
        costUsd: null,
      },
      { type: 'tools-pending', turn: 1, calls: [call('a', 'calculator')] },
    ]);
    const stopped = finishAgentRun(view, { code: 'cancelled', message: 'Stopped.' });
    expect(stopped.status).toBe('stopped');
    const tools = stopped.items.find((i) => i.kind === 'tools');
    expect(tools?.kind === 'tools' && tools.runs[0]?.status).toBe('declined');
    expect(stopped.items.at(-1)).toMatchObject({ kind: 'notice', text: 'Stopped after 1 step.' });
    expect(finishAgentRun(view, { code: 'throttled', message: 'Slow down.' }).status).toBe(
      'failed',
    );
  });
});

describe('reduceBedrockAgent', () => {
  it('puts the trace first and the joined chunks last, as the answer', () => {
    let view = startBedrockAgentView();
    view = reduceBedrockAgent(view, { type: 'chunk', text: 'Hello ' });
    view = reduceBedrockAgent(view, {
      type: 'trace',
      step: {
        stage: 'orchestration',
        kind: 'rationale',
        traceId: 't1',
        text: 'I will look it up.',
        details: [],
        inputTokens: null,
        outputTokens: null,
        eventTime: null,
      },
    });
    view = reduceBedrockAgent(view, { type: 'chunk', text: 'world.' });
    view = finishBedrockAgent(view, null);
    expect(bedrockAgentItems(view).map((i) => i.kind)).toEqual(['trace', 'answer']);
    expect(bedrockAgentItems(view).at(-1)).toMatchObject({ text: 'Hello world.' });
    expect(bedrockAgentItems(view)[0]).toMatchObject({ label: 'Rationale', stats: null });
    expect(finishBedrockAgent(view, { code: 'cancelled', message: 'x' }).status).toBe('stopped');
  });
});
