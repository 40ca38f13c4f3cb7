/**
 * The guardrails lab's control-plane calls (`@aws-sdk/client-bedrock`): create, update, list, get,
 * version and delete guardrails. The request body is the builder's (`guardrailRequestBody`), sent
 * member for member; GetGuardrail's answer is read back into the builder's definition. Each is
 * a recorded call (feature 'guardrails'), so it is in the invocation log with its latency and
 * outcome; it calls no model, so its cost there is "not applicable" (see CONTROL_PLANE_OPERATIONS).
 * Each has a deadline, and its failures are mapped to what the learner should do (a name already
 * taken, the IAM actions missing, a value the service refused).
 */
import {
  CreateGuardrailCommand,
  CreateGuardrailVersionCommand,
  DeleteGuardrailCommand,
  GetGuardrailCommand,
  ListGuardrailsCommand,
  UpdateGuardrailCommand,
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
import type { InvocationRecord } from '../../../shared/invocations';
import type { AppError } from '../../../shared/result';
import { AppFailure, toAppError } from '../errors';
import type { AwsTarget, ControlCaller } from './client';
import { controlPlaneCall } from './control-call';

/** How a guardrail call names its guardrail in the invocation log. */
function guardrailLogId(guardrailIdentifier: string): string {
  return `guardrail/${guardrailIdentifier}`;
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

type GuardrailOperation = Extract<
  InvocationRecord['operation'],
  | 'ListGuardrails'
  | 'GetGuardrail'
  | 'CreateGuardrail'
  | 'UpdateGuardrail'
  | 'CreateGuardrailVersion'
  | 'DeleteGuardrail'
>;

/**
 * Sends one control-plane command as a recorded call: logged under `operation` and `resource`,
 * with a deadline; failures become AppFailures that say what the learner should do.
 */
function send<T>(
  caller: ControlCaller,
  call: { operation: GuardrailOperation; resource: string; what: string },
  run: (options: { abortSignal: AbortSignal; requestTimeout: number }) => Promise<T>,
): Promise<T> {
  return controlPlaneCall(
    caller,
    {
      feature: 'guardrails',
      operation: call.operation,
      resource: call.resource,
      iamActions: GUARDRAIL_CONTROL_ACTIONS,
      describe: (error) => new AppFailure(guardrailFailure(error, caller.target, call.what)),
    },
    run,
  );
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
    const listing = {
      operation: 'ListGuardrails',
      resource: guardrailIdentifier ? guardrailLogId(guardrailIdentifier) : 'guardrails',
      what: 'list guardrails',
    } as const;
    const page = await send(caller, listing, (options) =>
      caller.control.send(
        new ListGuardrailsCommand({
          ...(guardrailIdentifier ? { guardrailIdentifier } : {}),
          maxResults: 100,
          ...(nextToken ? { nextToken } : {}),
        }),
        options,
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
  const call = {
    operation: 'GetGuardrail',
    resource: guardrailLogId(guardrailIdentifier),
    what: 'read the guardrail',
  } as const;
  const r = await send(caller, call, (options) =>
    caller.control.send(
      new GetGuardrailCommand({
        guardrailIdentifier,
        ...(version ? { guardrailVersion: version } : {}),
      }),
      options,
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
  const call = {
    operation: 'CreateGuardrail',
    resource: `new guardrail "${body.name}"`,
    what: `create the guardrail "${body.name}"`,
  } as const;
  const r = await send(caller, call, (options) =>
    caller.control.send(new CreateGuardrailCommand(body), options),
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
  const call = {
    operation: 'UpdateGuardrail',
    resource: guardrailLogId(guardrailIdentifier),
    what: `update the guardrail "${body.name}"`,
  } as const;
  const r = await send(caller, call, (options) =>
    caller.control.send(new UpdateGuardrailCommand({ guardrailIdentifier, ...body }), options),
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
  const call = {
    operation: 'CreateGuardrailVersion',
    resource: guardrailLogId(guardrailIdentifier),
    what: 'create a version of the guardrail',
  } as const;
  const r = await send(caller, call, (options) =>
    caller.control.send(
      new CreateGuardrailVersionCommand({
        guardrailIdentifier,
        ...(description ? { description } : {}),
      }),
      options,
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
  const call = {
    operation: 'DeleteGuardrail',
    resource: guardrailLogId(guardrailIdentifier),
    what: 'delete the guardrail',
  } as const;
  await send(caller, call, (options) =>
    caller.control.send(
      new DeleteGuardrailCommand({
        guardrailIdentifier,
        ...(version ? { guardrailVersion: version } : {}),
      }),
      options,
    ),
  );
  return { deleted: true };
}
