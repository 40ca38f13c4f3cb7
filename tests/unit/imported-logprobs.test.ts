/** Reading an imported model's chat answer with log probabilities into the token lab's tokens. */
import { describe, expect, it } from 'vitest';
import {
  InvokeImportedInput,
  logprobsRequestBody,
  parseLogprobsResponse,
} from '../../shared/imported-models-contract';

/** The AWS page's example answer (custom-model-import-advanced-features, Log probabilities). */
const AWS_EXAMPLE = {
  id: 'chatcmpl-xxx',
  object: 'chat.completion',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'A rainbow' },
      logprobs: {
        content: [
          {
            token: 'A',
            logprob: -0.07903262227773666,
            bytes: [65],
            top_logprobs: [{ token: 'A', logprob: -0.07903262227773666, bytes: [65] }],
          },
          {
            token: ' rainbow',
            logprob: -0.20187227427959442,
            bytes: [32, 114, 97, 105, 110, 98, 111, 119],
            top_logprobs: [
              { token: ' sun', logprob: -3.2 },
              { token: ' rainbow', logprob: -0.20187227427959442 },
            ],
          },
        ],
      },
      finish_reason: 'length',
    },
  ],
  usage: { prompt_tokens: 41, completion_tokens: 10, total_tokens: 51 },
};

describe('parseLogprobsResponse', () => {
  it('turns each token into its probability, alternatives most likely first', () => {
    const r = parseLogprobsResponse(AWS_EXAMPLE);
    if (!r.ok) throw new Error(r.problem);
    expect(r.value.text).toBe('A rainbow');
    expect(r.value.finishReason).toBe('length');
    expect(r.value.inputTokens).toBe(41);
    expect(r.value.outputTokens).toBe(10);
    expect(r.value.tokens.map((t) => t.token)).toEqual(['A', ' rainbow']);
    expect(r.value.tokens[0]?.probability).toBeCloseTo(Math.exp(-0.07903262227773666), 12);
    expect(r.value.tokens[1]?.alternatives.map((a) => a.token)).toEqual([' rainbow', ' sun']);
    expect(r.value.hasAlternatives).toBe(true);
  });

  it('says when the answer has no log probabilities', () => {
    const noLogprobs = { choices: [{ ...AWS_EXAMPLE.choices[0], logprobs: null }] };
    expect(parseLogprobsResponse(noLogprobs)).toEqual({
      ok: false,
      problem: 'the answer carries no log probabilities (logprobs is null)',
    });
  });

  it('names the field of a malformed answer', () => {
    const bad = structuredClone(AWS_EXAMPLE) as { choices: { logprobs: { content: object[] } }[] };
    bad.choices[0]!.logprobs.content[1] = { token: ' rainbow', logprob: 'high' };
    const r = parseLogprobsResponse(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/at choices\.0\.logprobs\.content\.1\.logprob$/);
    const positive = structuredClone(AWS_EXAMPLE);
    positive.choices[0]!.logprobs.content[0]!.logprob = 0.5;
    const p = parseLogprobsResponse(positive);
    expect(!p.ok && p.problem).toMatch(/at most 0/);
    expect(parseLogprobsResponse({ choices: [] })).toEqual({
      ok: false,
      problem: 'the answer has no choices at choices',
    });
    expect(parseLogprobsResponse('not json').ok).toBe(false);
  });

  it('keeps tokens without alternatives when none were asked for', () => {
    const plain = structuredClone(AWS_EXAMPLE) as unknown as {
      choices: { logprobs: { content: { top_logprobs?: unknown }[] } }[];
    };
    for (const t of plain.choices[0]!.logprobs.content) delete t.top_logprobs;
    const r = parseLogprobsResponse(plain);
    expect(r.ok && r.value.hasAlternatives).toBe(false);
  });
});

describe('logprobsRequestBody', () => {
  const input = InvokeImportedInput.parse({
    modelArn: 'arn:aws:bedrock:us-east-1:123456789012:imported-model/k3v9x2m8q4tz',
    prompt: 'How is the rainbow formed?',
    maxTokens: 10,
    temperature: 0.5,
    topLogprobs: 3,
  });

  it('is the AWS example body: messages, max_tokens, temperature, logprobs, top_logprobs', () => {
    expect(logprobsRequestBody(input)).toEqual({
      messages: [{ role: 'user', content: 'How is the rainbow formed?' }],
      max_tokens: 10,
      temperature: 0.5,
      logprobs: true,
      top_logprobs: 3,
    });
    expect(logprobsRequestBody({ ...input, topLogprobs: 0 })).not.toHaveProperty('top_logprobs');
  });

  it('refuses an ARN that is not an imported model', () => {
    const r = InvokeImportedInput.safeParse({ ...input, modelArn: 'anthropic.claude-3-haiku' });
    expect(r.success).toBe(false);
  });
});
