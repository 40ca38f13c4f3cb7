/**
 * The guardrails lab's contract: the Bedrock control plane's guardrail operations
 * (`@aws-sdk/client-bedrock`: CreateGuardrail, UpdateGuardrail, ListGuardrails, GetGuardrail,
 * CreateGuardrailVersion, DeleteGuardrail) and Bedrock Runtime's ApplyGuardrail, as the renderer
 * asks for them and as main answers. A definition is checked with `guardrailProblems` on the way
 * in, so a request over one of the service model's limits is refused before anything is sent.
 *
 * IAM actions (AWS user guide, "Set up permissions to use Amazon Bedrock Guardrails"):
 * managing needs bedrock:CreateGuardrail, CreateGuardrailVersion, DeleteGuardrail, GetGuardrail,
 * ListGuardrails and UpdateGuardrail; applying needs bedrock:ApplyGuardrail.
 */
import { z } from 'zod';
import { GuardrailDefinition, guardrailProblems } from './guardrail-builder';
import { GuardrailContentSource, GuardrailRunSummary } from './guardrail-suite';
import { GuardrailIdentifier, GuardrailVersion } from './guardrails';

/** The IAM actions managing guardrails needs (named in the access-denied remedy). */
export const GUARDRAIL_CONTROL_ACTIONS = [
  'bedrock:CreateGuardrail',
  'bedrock:UpdateGuardrail',
  'bedrock:ListGuardrails',
  'bedrock:GetGuardrail',
  'bedrock:CreateGuardrailVersion',
  'bedrock:DeleteGuardrail',
] as const;
/** The IAM action the test bench needs. */
export const APPLY_GUARDRAIL_ACTIONS = ['bedrock:ApplyGuardrail'] as const;

/** A definition with no error (warnings are allowed): refused here with the first rule broken. */
const SendableDefinition = GuardrailDefinition.superRefine((def, ctx) => {
  for (const p of guardrailProblems(def)) {
    if (p.severity !== 'error') continue;
    ctx.addIssue({
      code: 'custom',
      path: p.path ? p.path.split(/[.[\]]+/).filter(Boolean) : [],
      message: p.message,
    });
  }
});

/** One guardrail (or one version of it) as ListGuardrails reports it. */
export const GuardrailSummary = z.object({
  id: z.string().min(1).max(64),
  arn: z.string().max(2048),
  name: z.string().max(200),
  description: z.string().max(2000).nullable(),
  /** CREATING, UPDATING, VERSIONING, READY, FAILED or DELETING. */
  status: z.string().max(50),
  /** DRAFT or a version number. */
  version: z.string().max(20),
  createdAt: z.string().max(100),
  updatedAt: z.string().max(100),
});
export type GuardrailSummary = z.infer<typeof GuardrailSummary>;

/** Without an identifier: the working draft of every guardrail; with one: all its versions. */
export const ListGuardrailsInput = z
  .object({ guardrailIdentifier: GuardrailIdentifier.optional() })
  .strict();
export const ListGuardrailsOutput = z.object({ guardrails: z.array(GuardrailSummary).max(5000) });
export type ListGuardrailsOutput = z.infer<typeof ListGuardrailsOutput>;

export const GetGuardrailInput = z
  .object({ guardrailIdentifier: GuardrailIdentifier, version: GuardrailVersion.optional() })
  .strict();
/** GetGuardrail's answer: the summary and the definition read back in the builder's terms. */
export const GuardrailDetail = z.object({
  summary: GuardrailSummary,
  definition: GuardrailDefinition,
  /** Reasons the service gives when the status is FAILED. */
  statusReasons: z.array(z.string().max(2000)).max(100),
});
export type GuardrailDetail = z.infer<typeof GuardrailDetail>;

export const CreateGuardrailInput = z.object({ definition: SendableDefinition }).strict();
export const UpdateGuardrailInput = z
  .object({ guardrailIdentifier: GuardrailIdentifier, definition: SendableDefinition })
  .strict();
/** What Create, Update and CreateGuardrailVersion answer: the id and the version written. */
export const GuardrailWriteOutput = z.object({
  guardrailId: z.string().min(1).max(64),
  arn: z.string().max(2048).nullable(),
  version: z.string().max(20),
});
export type GuardrailWriteOutput = z.infer<typeof GuardrailWriteOutput>;

export const CreateGuardrailVersionInput = z
  .object({
    guardrailIdentifier: GuardrailIdentifier,
    /** GuardrailDescription: 1-200 characters, optional. */
    description: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/** Without a version the whole guardrail (draft and every version) is deleted. */
export const DeleteGuardrailInput = z
  .object({
    guardrailIdentifier: GuardrailIdentifier,
    version: z
      .string()
      .regex(/^[1-9][0-9]{0,7}$/, 'Only a numbered version can be deleted on its own.')
      .optional(),
  })
  .strict();
export const DeleteGuardrailOutput = z.object({ deleted: z.literal(true) });

/**
 * ApplyGuardrail: a text checked as a prompt (INPUT) or a model answer (OUTPUT); with a grounding
 * source and a query, the answer is also scored for contextual grounding and relevance. Lengths
 * are Stratum's caps (the suite's), not AWS limits.
 */
export const ApplyGuardrailInput = z
  .object({
    guardrailIdentifier: GuardrailIdentifier,
    guardrailVersion: GuardrailVersion,
    source: GuardrailContentSource,
    text: z.string().min(1, 'Enter the text to check.').max(10_000),
    groundingSource: z.string().min(1).max(10_000).nullable(),
    query: z.string().min(1).max(1_000).nullable(),
  })
  .strict()
  .refine((i) => (i.groundingSource === null) === (i.query === null), {
    message: 'Contextual grounding needs both a source and a query.',
    path: ['query'],
  });
export type ApplyGuardrailInput = z.infer<typeof ApplyGuardrailInput>;

export const ApplyGuardrailOutput = z.object({
  summary: GuardrailRunSummary,
  /** Measured in main: request sent to response read. */
  latencyMs: z.number().nonnegative(),
});
export type ApplyGuardrailOutput = z.infer<typeof ApplyGuardrailOutput>;
