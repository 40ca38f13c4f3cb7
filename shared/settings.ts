import { z } from 'zod';
import { RegionId } from './regions';

/** A Bedrock model id, inference-profile id or ARN as the user may type it. */
export const ModelId = z
  .string()
  .trim()
  .min(3)
  .max(2048)
  .regex(
    /^[A-Za-z0-9._:/-]+$/,
    'A model id looks like amazon.nova-micro-v1:0 or us.amazon.nova-lite-v1:0.',
  );

/**
 * True for this machine's own addresses (127.0.0.0/8, ::1, localhost): the only hosts an
 * endpoint may reach over cleartext http (the fake Bedrock, a local proxy).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && Number(v4[1]) === 127 && v4.slice(2).every((n) => Number(n) <= 255);
}

/** What shared/ needs of the WHATWG URL parser (Node and every browser have it; shared/ has no DOM or Node types). */
interface ParsedUrl {
  protocol: string;
  hostname: string;
}
const WhatwgUrl = (globalThis as unknown as { URL: new (text: string) => ParsedUrl }).URL;

/** Why an endpoint URL cannot be used, or null when it can. */
export function endpointProblem(url: string): string | null {
  let parsed: ParsedUrl;
  try {
    parsed = new WhatwgUrl(url);
  } catch {
    return 'The endpoint must be a full URL such as https://bedrock-runtime.us-east-1.amazonaws.com.';
  }
  if (parsed.protocol === 'https:') return null;
  // Worded as before (an e2e test selects on it); the http case is narrowed just below.
  if (parsed.protocol !== 'http:') return 'The endpoint must start with http:// or https://.';
  if (isLoopbackHost(parsed.hostname)) return null;
  return `Use https:// for ${parsed.hostname}: cleartext http:// is allowed only for this computer (localhost, 127.0.0.1, ::1), such as a local proxy.`;
}

export const EndpointUrl = z
  .string()
  .trim()
  .url('The endpoint must be a full URL such as https://bedrock-runtime.us-east-1.amazonaws.com.')
  .superRefine((url, ctx) => {
    const problem = endpointProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const DEFAULT_TEXT_MODEL = 'amazon.nova-micro-v1:0';

/** The outcome of the last "Test connection", kept so Home can show it without a new call. */
export const ConnectionCheck = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    at: z.iso.datetime(),
    modelId: z.string(),
    region: z.string(),
    profile: z.string().nullable(),
    latencyMs: z.number().nonnegative(),
    replyText: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    at: z.iso.datetime(),
    modelId: z.string(),
    region: z.string(),
    profile: z.string().nullable(),
    code: z.string(),
    message: z.string(),
    remedy: z.string().optional(),
  }),
]);
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

/** The learner's own monthly spending limit for Bedrock calls, in USD (a warning, not a cap). */
export const MonthlyBudgetUsd = z
  .number()
  .positive('A budget must be more than 0 USD (leave it empty for no budget).')
  .max(1_000_000, 'A budget may be at most 1,000,000 USD.');

export const Settings = z.object({
  version: z.literal(1),
  aws: z.object({
    /** null = the environment / default credential chain. */
    profile: z.string().min(1).nullable(),
    region: RegionId,
    /** null = the SDK's default endpoint (which honours AWS_ENDPOINT_URL_BEDROCK_RUNTIME). */
    endpoint: EndpointUrl.nullable(),
    defaultTextModel: ModelId,
  }),
  lastConnection: ConnectionCheck.nullable(),
  /**
   * The invocation log dashboard warns when the month's estimated cost reaches this. null = no
   * budget. Settings files written before the budget existed load with null.
   */
  monthlyBudgetUsd: MonthlyBudgetUsd.nullable().default(null),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  aws: { profile: null, region: 'us-east-1', endpoint: null, defaultTextModel: DEFAULT_TEXT_MODEL },
  lastConnection: null,
  monthlyBudgetUsd: null,
};

/** What the renderer may change. `lastConnection` is written by the main process only. */
export const SettingsPatch = z
  .object({
    aws: Settings.shape.aws.partial().strict(),
    /** null removes the budget. */
    monthlyBudgetUsd: MonthlyBudgetUsd.nullable(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Settings plus what the app noticed while loading them (for example a corrupt file set aside). */
export const SettingsState = z.object({
  settings: Settings,
  /** Where the settings live on disk (shown so a learner can find or delete the file). */
  path: z.string(),
  notice: z
    .object({
      kind: z.literal('recovered'),
      message: z.string(),
      movedTo: z.string().nullable(),
    })
    .nullable(),
});
export type SettingsState = z.infer<typeof SettingsState>;
