/**
 * Curated next-word tables for teaching. ILLUSTRATIVE: the numbers were chosen by hand, not
 * measured from a model (the first scenario's listed words carry the seed notes' probabilities).
 * Logits are ln(p), so the softmax at temperature 1 reproduces each table exactly.
 */
import type { Candidate } from '../../lib/sampling';

export interface ScenarioStep {
  candidates: Candidate[];
  /** Tables for what comes after some of the candidates. */
  next?: Record<string, ScenarioStep>;
}

export interface Scenario {
  id: string;
  title: string;
  prompt: string;
  note: string;
  root: ScenarioStep;
}

function table(entries: [string, number][], next?: Record<string, ScenarioStep>): ScenarioStep {
  return {
    candidates: entries.map(([token, p]) => ({ token, logit: Math.log(p) })),
    ...(next ? { next } : {}),
  };
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'rain',
    title: 'After the rain…',
    prompt: 'After the rain, the streets were',
    note: 'The seed notes’ example: several words are plausible, so sampled answers differ from run to run.',
    root: table(
      [
        ['wet', 0.4],
        ['flooded', 0.25],
        ['slippery', 0.15],
        ['empty', 0.05],
        ['muddy', 0.05],
        ['clean', 0.04],
        ['blocked', 0.03],
        ['quiet', 0.02],
        ['dark', 0.01],
      ],
      {
        flooded: table([
          ['and', 0.4],
          ['with', 0.25],
          ['from', 0.15],
          ['because', 0.05],
          ['until', 0.05],
          ['.', 0.04],
          ['after', 0.03],
          ['again', 0.02],
          ['overnight', 0.01],
        ]),
        wet: table([
          ['and', 0.38],
          ['.', 0.22],
          ['from', 0.12],
          ['with', 0.1],
          ['after', 0.06],
          ['again', 0.05],
          ['for', 0.04],
          ['overnight', 0.03],
        ]),
      },
    ),
  },
  {
    id: 'capital',
    title: 'A fact',
    prompt: 'The capital of France is',
    note: 'One continuation dominates: low entropy, so even sampling nearly always gives the same word.',
    root: table([
      ['Paris', 0.92],
      ['a', 0.03],
      ['the', 0.02],
      ['located', 0.015],
      ['known', 0.01],
      ['one', 0.005],
    ]),
  },
  {
    id: 'colour',
    title: 'A matter of taste',
    prompt: 'My favourite colour is',
    note: 'Many answers are equally reasonable: high entropy, where temperature changes the output most.',
    root: table([
      ['blue', 0.3],
      ['green', 0.18],
      ['red', 0.15],
      ['purple', 0.12],
      ['black', 0.08],
      ['yellow', 0.07],
      ['orange', 0.05],
      ['pink', 0.05],
    ]),
  },
  {
    id: 'bedrock',
    title: 'Exam vocabulary',
    prompt: 'Amazon Bedrock is a',
    note: 'A domain phrase: a few words carry most of the probability, with a long tail.',
    root: table([
      ['fully', 0.35],
      ['managed', 0.2],
      ['service', 0.15],
      ['serverless', 0.1],
      ['platform', 0.08],
      ['great', 0.05],
      ['new', 0.04],
      ['generative', 0.03],
    ]),
  },
];
