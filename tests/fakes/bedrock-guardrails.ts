/**
 * What the fake's guardrails report: the `trace.guardrail` object (a GuardrailTraceAssessment) of
 * a Converse / ConverseStream response, in the shape the Bedrock Runtime API reference gives:
 * `inputAssessment` (a map from guardrail id to a GuardrailAssessment), `outputAssessments` (a map
 * from guardrail id to a list of them), `modelOutput` and `actionReason`.
 */
import type { GuardrailRequestInfo } from './bedrock-converse.js';
import type { JsonObject } from './json.js';

/** Which policy the fake guardrail's intervention names. */
export type GuardrailPolicyName =
  'contentFilter' | 'deniedTopic' | 'word' | 'sensitiveInformation' | 'contextualGrounding';

export interface GuardrailIntervention {
  /** Block the prompt ('input') or the model's answer ('output', the default). */
  on?: 'input' | 'output';
  /** The policy that acts (default 'contentFilter': VIOLENCE, HIGH confidence). */
  policy?: GuardrailPolicyName;
}

/** One GuardrailAssessment in which `policy` blocked something. */
export function blockingAssessment(policy: GuardrailPolicyName): JsonObject {
  switch (policy) {
    case 'contentFilter':
      return {
        contentPolicy: {
          filters: [
            {
              type: 'VIOLENCE',
              confidence: 'HIGH',
              filterStrength: 'HIGH',
              action: 'BLOCKED',
              detected: true,
            },
          ],
        },
      };
    case 'deniedTopic':
      return {
        topicPolicy: {
          topics: [{ name: 'Investment advice', type: 'DENY', action: 'BLOCKED', detected: true }],
        },
      };
    case 'word':
      return {
        wordPolicy: {
          customWords: [{ match: 'forbidden', action: 'BLOCKED', detected: true }],
          managedWordLists: [],
        },
      };
    case 'sensitiveInformation':
      return {
        sensitiveInformationPolicy: {
          piiEntities: [
            { match: 'jane@example.com', type: 'EMAIL', action: 'BLOCKED', detected: true },
          ],
          regexes: [],
        },
      };
    case 'contextualGrounding':
      return {
        contextualGroundingPolicy: {
          filters: [
            { type: 'GROUNDING', threshold: 0.75, score: 0.12, action: 'BLOCKED', detected: true },
          ],
        },
      };
  }
}

/**
 * The trace for a request with a guardrail: with an intervention, the assessment of the side it
 * blocked names the policy; without one, the assessments are empty (nothing acted).
 * `modelOutput` is the model's own answer, reported when the output was assessed.
 */
export function guardrailTrace(
  applied: GuardrailRequestInfo,
  intervention: GuardrailIntervention | null,
  modelText: string,
): JsonObject {
  const id = applied.guardrail.id;
  if (!intervention) {
    return {
      inputAssessment: { [id]: {} },
      outputAssessments: { [id]: [{}] },
      modelOutput: [modelText],
    };
  }
  const policy = intervention.policy ?? 'contentFilter';
  if (intervention.on === 'input') {
    return {
      inputAssessment: { [id]: blockingAssessment(policy) },
      actionReason: 'Guardrail blocked.',
    };
  }
  return {
    inputAssessment: { [id]: {} },
    outputAssessments: { [id]: [blockingAssessment(policy)] },
    modelOutput: [modelText],
    actionReason: 'Guardrail blocked.',
  };
}
