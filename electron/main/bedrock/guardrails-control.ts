/**
 * The guardrails lab's control-plane calls (`@aws-sdk/client-bedrock`): create, update, list, get,
 * version and delete guardrails. The request body is the builder's (`guardrailRequestBody`), sent
 * member for member; GetGuardrail's answer is read back into the builder's definition. These
 * calls cost nothing to make and call no model, so they are not written to the invocation log;
 * each has a deadline and its failures are mapped to what the learner should do (a name already
 * taken, the IAM actions missing, a value the service refused).
 */
import {
  CreateGuardrailCommand,
  CreateGuardrailVersionCommand,
  DeleteGuardrailCommand,
  GetGuardrailCommand,
  ListGuardrailsCommand,
  UpdateGuardrailCommand,
  type BedrockClient,
  type GetGuardrailResponse,
  type GuardrailSummary as SdkGuardrailSummary,
} from '@aws-sdk/client-bedrock';
import {
  ContentFilterType,
  FilterStrength,
  PiiEntityType,
  SensitiveInformationAction,
  guardrailRequestBody,
  type GuardrailDefinition,
} from '../../../shared/guardrail-builder';
import {
  GUARDRAIL_CONTROL_ACTIONS,
  type GuardrailDetail,
  type GuardrailSummary,
  type GuardrailWriteOutput,
} from '../../../shared/guardrails-contract';
import type { AppError } from '../../../shared/result';
import { AppFailure, toAppError } from '../errors';
import type { AwsTarget, BedrockTimeouts } from './client';

export interface ControlCaller {
  control: BedrockClient;
  target: AwsTarget;
  timeouts: BedrockTimeouts;
}

/** The most guardrails (or versions) read from ListGuardrails, page after page. */
const MAX_LISTED = 1000;

const iso = (d: Date | undefined) => (d ? d.toISOString() : '');

/**
 * What a failed guardrail call means for the learner. Long on purpose: one ordered list of the
 * control plane's named errors, each with its own remedy; the rest falls to the app's mapping.
 */
export function guardrailFailure(error: unknown, target: AwsTarget, what: string): AppError {
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const message = error instanceof Error ? error.message : String(error);
  const region = target.region;
  if (error instanceof AppFailure) return error.appError;
  if (name === 'ConflictException') {
    return {
      code: 'validation',
      message: `Amazon Bedrock refused to ${what}: ${message}`,
      remedy:
        'Guardrail names are unique in a Region and account: choose another name, or pick the existing guardrail in the list and update it.',
    };
  }
  if (name === 'AccessDeniedException') {
    return {
      code: 'access_denied',
      message: `Access to Amazon Bedrock Guardrails in ${region} was denied while trying to ${what}: ${message}`,
      remedy: `Ask for an IAM policy that allows ${GUARDRAIL_CONTROL_ACTIONS.join(', ')} (and bedrock:ApplyGuardrail for the test bench), or pick another profile in Settings.`,
    };
  }
  if (name === 'ResourceNotFoundException') {
    return {
      code: 'model_not_found',
      message: `The guardrail was not found in ${region}: ${message}`,
      remedy:
        "It may have been deleted, or live in another Region: reload the list, or switch Settings' region to the guardrail's.",
    };
  }
  if (name === 'ResourceInUseException') {
    return {
      code: 'validation',
      message: `Amazon Bedrock could not ${what}: the guardrail is in use (${message}).`,
      remedy:
        'Detach it from the agents or knowledge bases that use it, or wait until its status is READY, then try again.',
    };
  }
  if (name === 'ServiceQuotaExceededException' || name === 'TooManyTagsException') {
    return {
      code: 'validation',
      message: `Amazon Bedrock could not ${what}: a Guardrails quota was reached (${message}).`,
      remedy:
        'Delete guardrails or versions you no longer need, or ask for a higher quota in Service Quotas.',
    };
  }
  if (name === 'ValidationException') {
    return {
      code: 'validation',
      message: `Amazon Bedrock refused the guardrail request: ${message}`,
      remedy: 'Fix the value the message names in the builder, then send it again.',
    };
  }
  return toAppError(error, {
    modelId: 'Amazon Bedrock Guardrails',
    region,
    profile: target.profile,
    iamActions: GUARDRAIL_CONTROL_ACTIONS,
  });
}

/** Sends one control-plane command with a deadline; failures become AppFailures. */
async function send<T>(caller: ControlCaller, what: string, run: (s: AbortSignal) => Promise<T>) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), caller.timeouts.testMs);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      throw new AppFailure({
        code: 'timeout',
        message: `Amazon Bedrock did not answer within ${caller.timeouts.testMs / 1000} seconds while trying to ${what} (${caller.target.region}).`,
        remedy:
          'Check your internet connection, proxy or VPN, and the endpoint in Settings, then try again.',
      });
    }
    throw new AppFailure(guardrailFailure(error, caller.target, what));
  } finally {
    clearTimeout(timer);
  }
}

export function toSummary(g: SdkGuardrailSummary): GuardrailSummary {
  return {
    id: g.id ?? '',
    arn: g.arn ?? '',
    name: g.name ?? '',
    description: g.description ?? null,
    status: g.status ?? 'READY',
    version: g.version ?? 'DRAFT',
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
  };
}

/** Without an identifier, the draft of every guardrail; with one, all its versions. */
export async function listGuardrails(
  caller: ControlCaller,
  guardrailIdentifier?: string,
): Promise<{ guardrails: GuardrailSummary[] }> {
  const out: GuardrailSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await send(caller, 'list guardrails', (abortSignal) =>
      caller.control.send(
        new ListGuardrailsCommand({
          ...(guardrailIdentifier ? { guardrailIdentifier } : {}),
          maxResults: 100,
          ...(nextToken ? { nextToken } : {}),
        }),
        { abortSignal },
      ),
    );
    out.push(...(page.guardrails ?? []).map(toSummary));
    nextToken = page.nextToken;
  } while (nextToken && out.length < MAX_LISTED);
  return { guardrails: out.slice(0, MAX_LISTED) };
}

const pick = <T extends string>(values: readonly T[], v: string | undefined, fallback: T): T =>
  values.find((x) => x === v) ?? fallback;

/** GetGuardrail's policies read back as the builder's definition (unknown enums fall back). */
export function definitionOf(r: GetGuardrailResponse): GuardrailDefinition {
  const grounding = r.contextualGroundingPolicy?.filters ?? [];
  const threshold = (type: string) => grounding.find((f) => f.type === type)?.threshold ?? null;
  const strength = (v: string | undefined) => pick(FilterStrength.options, v, 'NONE');
  const action = (v: string | undefined) => pick(SensitiveInformationAction.options, v, 'NONE');
  return {
    name: r.name ?? '',
    description: r.description ?? '',
    contentFilters: (r.contentPolicy?.filters ?? []).flatMap((f) => {
      const type = ContentFilterType.safeParse(f.type);
      if (!type.success) return [];
      const inputStrength = strength(f.inputStrength);
      return [{ type: type.data, inputStrength, outputStrength: strength(f.outputStrength) }];
    }),
    deniedTopics: (r.topicPolicy?.topics ?? []).map((t) => ({
      name: t.name ?? '',
      definition: t.definition ?? '',
      examples: t.examples ?? [],
    })),
    wordFilters: {
      words: (r.wordPolicy?.words ?? []).map((w) => w.text ?? ''),
      profanity: (r.wordPolicy?.managedWordLists ?? []).some((m) => m.type === 'PROFANITY'),
    },
    sensitiveInformation: {
      piiEntities: (r.sensitiveInformationPolicy?.piiEntities ?? []).flatMap((p) => {
        const type = PiiEntityType.safeParse(p.type);
        return type.success ? [{ type: type.data, action: action(p.action) }] : [];
      }),
      regexes: (r.sensitiveInformationPolicy?.regexes ?? []).map((x) => ({
        name: x.name ?? '',
        description: x.description ?? '',
        pattern: x.pattern ?? '',
        action: action(x.action),
      })),
    },
    contextualGrounding: { grounding: threshold('GROUNDING'), relevance: threshold('RELEVANCE') },
    blockedInputMessaging: r.blockedInputMessaging ?? '',
    blockedOutputsMessaging: r.blockedOutputsMessaging ?? '',
  };
}

export async function getGuardrail(
  caller: ControlCaller,
  guardrailIdentifier: string,
  version?: string,
): Promise<GuardrailDetail> {
  const r = await send(caller, 'read the guardrail', (abortSignal) =>
    caller.control.send(
      new GetGuardrailCommand({
        guardrailIdentifier,
        ...(version ? { guardrailVersion: version } : {}),
      }),
      { abortSignal },
    ),
  );
  return {
    summary: {
      id: r.guardrailId ?? guardrailIdentifier,
      arn: r.guardrailArn ?? '',
      name: r.name ?? '',
      description: r.description ?? null,
      status: r.status ?? 'READY',
      version: r.version ?? version ?? 'DRAFT',
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    },
    definition: definitionOf(r),
    statusReasons: r.statusReasons ?? [],
  };
}

export async function createGuardrail(
  caller: ControlCaller,
  definition: GuardrailDefinition,
): Promise<GuardrailWriteOutput> {
  const body = guardrailRequestBody(definition);
  const r = await send(caller, `create the guardrail "${body.name}"`, (abortSignal) =>
    caller.control.send(new CreateGuardrailCommand(body), { abortSignal }),
  );
  return {
    guardrailId: r.guardrailId ?? '',
    arn: r.guardrailArn ?? null,
    version: r.version ?? 'DRAFT',
  };
}

/** UpdateGuardrail replaces the working draft as a whole: the full definition is sent. */
export async function updateGuardrail(
  caller: ControlCaller,
  guardrailIdentifier: string,
  definition: GuardrailDefinition,
): Promise<GuardrailWriteOutput> {
  const body = guardrailRequestBody(definition);
  const r = await send(caller, `update the guardrail "${body.name}"`, (abortSignal) =>
    caller.control.send(new UpdateGuardrailCommand({ guardrailIdentifier, ...body }), {
      abortSignal,
    }),
  );
  return {
    guardrailId: r.guardrailId ?? guardrailIdentifier,
    arn: r.guardrailArn ?? null,
    version: r.version ?? 'DRAFT',
  };
}

/** A numbered, read-only snapshot of the working draft. */
export async function createGuardrailVersion(
  caller: ControlCaller,
  guardrailIdentifier: string,
  description?: string,
): Promise<GuardrailWriteOutput> {
  const r = await send(caller, 'create a version of the guardrail', (abortSignal) =>
    caller.control.send(
      new CreateGuardrailVersionCommand({
        guardrailIdentifier,
        ...(description ? { description } : {}),
      }),
      { abortSignal },
    ),
  );
  return { guardrailId: r.guardrailId ?? guardrailIdentifier, arn: null, version: r.version ?? '' };
}

/** Without a version, the guardrail and every version of it; AWS keeps no copy to undo with. */
export async function deleteGuardrail(
  caller: ControlCaller,
  guardrailIdentifier: string,
  version?: string,
): Promise<{ deleted: true }> {
  await send(caller, 'delete the guardrail', (abortSignal) =>
    caller.control.send(
      new DeleteGuardrailCommand({
        guardrailIdentifier,
        ...(version ? { guardrailVersion: version } : {}),
      }),
      { abortSignal },
    ),
  );
  return { deleted: true };
}
