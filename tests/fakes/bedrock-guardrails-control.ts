/**
 * The control plane's guardrail operations in the fake (`@aws-sdk/client-bedrock`, reached through
 * AWS_ENDPOINT_URL_BEDROCK): CreateGuardrail, UpdateGuardrail, GetGuardrail, ListGuardrails,
 * CreateGuardrailVersion and DeleteGuardrail over a store of guardrails, each with its working
 * draft and numbered versions (read-only snapshots). Request bodies are checked against the
 * Bedrock service model's limits (botocore bedrock 2023-04-20: names 1-50 `[0-9a-zA-Z-_]+`,
 * 1-30 topics with definitions of 1-200 and at most 5 examples, 1-6 content filters, 1-10,000
 * words of 1-100, 1-10 regexes, blocked messages 1-500...) and refused with the service's
 * ValidationException; a name already used in the Region is a ConflictException.
 *
 * The guardrails the fake owns for chat (`fakeguardrail01` by default) are in the store too, in
 * every Region, with versions DRAFT and 1, so they are listed and can be applied. `denyAccess`
 * makes every guardrail operation answer 403 AccessDeniedException (a profile without the IAM
 * actions).
 */
import { randomBytes } from 'node:crypto';
import { BedrockError, constraintError, validationError } from './bedrock-errors.js';
import type { FakeGuardrail } from './bedrock-converse.js';
import { isRecord, type JsonObject } from './json.js';

export const FAKE_ACCOUNT_ID = '123456789012';

/** A guardrail's configuration as CreateGuardrail takes it (validated). */
export interface GuardrailConfig {
  name: string;
  description?: string;
  topicPolicyConfig?: { topicsConfig: JsonObject[] };
  contentPolicyConfig?: { filtersConfig: JsonObject[] };
  wordPolicyConfig?: { wordsConfig?: JsonObject[]; managedWordListsConfig?: JsonObject[] };
  sensitiveInformationPolicyConfig?: {
    piiEntitiesConfig?: JsonObject[];
    regexesConfig?: JsonObject[];
  };
  contextualGroundingPolicyConfig?: { filtersConfig: JsonObject[] };
  blockedInputMessaging: string;
  blockedOutputsMessaging: string;
}

interface Snapshot {
  config: GuardrailConfig;
  description?: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredGuardrail {
  id: string;
  /** null: the fake's own guardrails, present in every Region. */
  region: string | null;
  draft: Snapshot;
  versions: Map<string, Snapshot>;
  nextVersion: number;
}

const NAME = /^[0-9a-zA-Z_-]+$/;
const TOPIC_NAME = /^[0-9a-zA-Z_ !?.-]+$/;
const VERSION = /^(([1-9][0-9]{0,7})|(DRAFT))$/;
const STRENGTHS = ['NONE', 'LOW', 'MEDIUM', 'HIGH'];
const FILTER_TYPES = ['SEXUAL', 'VIOLENCE', 'HATE', 'INSULTS', 'MISCONDUCT', 'PROMPT_ATTACK'];
const PII_ACTIONS = ['BLOCK', 'ANONYMIZE', 'NONE'];
export const PII_TYPES = [
  'ADDRESS', 'AGE', 'AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'CA_HEALTH_NUMBER',
  'CA_SOCIAL_INSURANCE_NUMBER', 'CREDIT_DEBIT_CARD_CVV', 'CREDIT_DEBIT_CARD_EXPIRY',
  'CREDIT_DEBIT_CARD_NUMBER', 'DRIVER_ID', 'EMAIL', 'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
  'IP_ADDRESS', 'LICENSE_PLATE', 'MAC_ADDRESS', 'NAME', 'PASSWORD', 'PHONE', 'PIN', 'SWIFT_CODE',
  'UK_NATIONAL_HEALTH_SERVICE_NUMBER', 'UK_NATIONAL_INSURANCE_NUMBER',
  'UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER', 'URL', 'USERNAME', 'US_BANK_ACCOUNT_NUMBER',
  'US_BANK_ROUTING_NUMBER', 'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER', 'US_PASSPORT_NUMBER',
  'US_SOCIAL_SECURITY_NUMBER', 'VEHICLE_IDENTIFICATION_NUMBER',
]; // prettier-ignore

const len = (s: string) => Array.from(s).length;

function str(value: unknown, path: string, min: number, max: number, pattern?: RegExp): string {
  if (typeof value !== 'string') throw constraintError(path, value, 'Member must not be null');
  if (len(value) < min)
    throw constraintError(path, value, `Member must have length greater than or equal to ${min}`);
  if (len(value) > max)
    throw constraintError(path, value, `Member must have length less than or equal to ${max}`);
  if (pattern && !pattern.test(value))
    throw constraintError(
      path,
      value,
      `Member must satisfy regular expression pattern: ${pattern.source}`,
    );
  return value;
}

function list(value: unknown, path: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) throw constraintError(path, value, 'Member must not be null');
  if (value.length < min)
    throw constraintError(path, '[…]', `Member must have length greater than or equal to ${min}`);
  if (value.length > max)
    throw constraintError(path, '[…]', `Member must have length less than or equal to ${max}`);
  return value;
}

function oneOf(value: unknown, path: string, allowed: string[]): string {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw constraintError(
      path,
      value,
      `Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
  return value;
}

function obj(value: unknown, path: string): JsonObject {
  if (!isRecord(value)) throw constraintError(path, value, 'Member must not be null');
  return value;
}

function checkTopics(p: JsonObject) {
  list(p['topicsConfig'], 'topicPolicyConfig.topicsConfig', 1, 30).forEach((raw, i) => {
    const t = obj(raw, `topicPolicyConfig.topicsConfig.${i + 1}.member`);
    const at = `topicPolicyConfig.topicsConfig.${i + 1}.member`;
    str(t['name'], `${at}.name`, 1, 100, TOPIC_NAME);
    str(t['definition'], `${at}.definition`, 1, 200);
    if (t['examples'] !== undefined) {
      list(t['examples'], `${at}.examples`, 0, 5).forEach((e, j) =>
        str(e, `${at}.examples.${j + 1}.member`, 1, 100),
      );
    }
    oneOf(t['type'], `${at}.type`, ['DENY']);
  });
}

function checkContent(p: JsonObject) {
  list(p['filtersConfig'], 'contentPolicyConfig.filtersConfig', 1, 6).forEach((raw, i) => {
    const at = `contentPolicyConfig.filtersConfig.${i + 1}.member`;
    const f = obj(raw, at);
    const type = oneOf(f['type'], `${at}.type`, FILTER_TYPES);
    oneOf(f['inputStrength'], `${at}.inputStrength`, STRENGTHS);
    const out = oneOf(f['outputStrength'], `${at}.outputStrength`, STRENGTHS);
    if (type === 'PROMPT_ATTACK' && out !== 'NONE') {
      throw validationError('PromptAttack filter output strength must be NONE.');
    }
  });
}

function checkWords(p: JsonObject) {
  if (p['wordsConfig'] === undefined && p['managedWordListsConfig'] === undefined) {
    throw validationError('wordPolicyConfig needs wordsConfig or managedWordListsConfig.');
  }
  if (p['wordsConfig'] !== undefined) {
    list(p['wordsConfig'], 'wordPolicyConfig.wordsConfig', 1, 10_000).forEach((raw, i) =>
      str(obj(raw, 'word')['text'], `wordPolicyConfig.wordsConfig.${i + 1}.member.text`, 1, 100),
    );
  }
  if (p['managedWordListsConfig'] !== undefined) {
    list(p['managedWordListsConfig'], 'wordPolicyConfig.managedWordListsConfig', 1, 1).forEach(
      (raw) => oneOf(obj(raw, 'list')['type'], 'managedWordListsConfig.type', ['PROFANITY']),
    );
  }
}

function checkSensitive(p: JsonObject) {
  if (p['piiEntitiesConfig'] === undefined && p['regexesConfig'] === undefined) {
    throw validationError(
      'sensitiveInformationPolicyConfig needs piiEntitiesConfig or regexesConfig.',
    );
  }
  if (p['piiEntitiesConfig'] !== undefined) {
    list(p['piiEntitiesConfig'], 'piiEntitiesConfig', 1, 1000).forEach((raw, i) => {
      const e = obj(raw, 'pii');
      oneOf(e['type'], `piiEntitiesConfig.${i + 1}.member.type`, PII_TYPES);
      oneOf(e['action'], `piiEntitiesConfig.${i + 1}.member.action`, PII_ACTIONS);
    });
  }
  if (p['regexesConfig'] !== undefined) {
    list(p['regexesConfig'], 'regexesConfig', 1, 10).forEach((raw, i) => {
      const r = obj(raw, 'regex');
      const at = `regexesConfig.${i + 1}.member`;
      str(r['name'], `${at}.name`, 1, 100);
      if (r['description'] !== undefined) str(r['description'], `${at}.description`, 1, 1000);
      const pattern = str(r['pattern'], `${at}.pattern`, 1, 500);
      try {
        new RegExp(pattern);
      } catch {
        throw validationError(`The regex pattern of ${String(r['name'])} is not valid.`);
      }
      oneOf(r['action'], `${at}.action`, PII_ACTIONS);
    });
  }
}

function checkGrounding(p: JsonObject) {
  list(p['filtersConfig'], 'contextualGroundingPolicyConfig.filtersConfig', 1, 2).forEach(
    (raw, i) => {
      const f = obj(raw, 'filter');
      oneOf(f['type'], `filtersConfig.${i + 1}.member.type`, ['GROUNDING', 'RELEVANCE']);
      const t = f['threshold'];
      if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t >= 1) {
        throw constraintError(
          `filtersConfig.${i + 1}.member.threshold`,
          t,
          'Member must be between 0 and 0.99',
        );
      }
    },
  );
}

const CREATE_KEYS = new Set([
  'name', 'description', 'topicPolicyConfig', 'contentPolicyConfig', 'wordPolicyConfig',
  'sensitiveInformationPolicyConfig', 'contextualGroundingPolicyConfig', 'blockedInputMessaging',
  'blockedOutputsMessaging', 'tags', 'clientRequestToken', 'kmsKeyId',
]); // prettier-ignore

/** CreateGuardrail's (or UpdateGuardrail's) body, checked against the service model. */
export function validateGuardrailConfig(body: unknown): GuardrailConfig {
  const b = obj(body, 'body');
  for (const key of Object.keys(b)) {
    if (!CREATE_KEYS.has(key)) throw validationError(`Unknown member ${key}.`);
  }
  str(b['name'], 'name', 1, 50, NAME);
  if (b['description'] !== undefined) str(b['description'], 'description', 1, 200);
  str(b['blockedInputMessaging'], 'blockedInputMessaging', 1, 500);
  str(b['blockedOutputsMessaging'], 'blockedOutputsMessaging', 1, 500);
  const policies = [
    ['topicPolicyConfig', checkTopics],
    ['contentPolicyConfig', checkContent],
    ['wordPolicyConfig', checkWords],
    ['sensitiveInformationPolicyConfig', checkSensitive],
    ['contextualGroundingPolicyConfig', checkGrounding],
  ] as const;
  let any = false;
  for (const [key, check] of policies) {
    if (b[key] === undefined) continue;
    any = true;
    check(obj(b[key], key));
  }
  if (!any) throw validationError('A guardrail must have at least one policy configured.');
  const config: JsonObject = { ...b };
  for (const key of ['tags', 'clientRequestToken', 'kmsKeyId']) delete config[key];
  return config as unknown as GuardrailConfig;
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The config the fake's own guardrails (fakeguardrail01) have: two content filters. */
function ownConfig(g: FakeGuardrail): GuardrailConfig {
  return {
    name: g.id,
    description: 'A guardrail the fake Bedrock owns (for chat tests).',
    contentPolicyConfig: {
      filtersConfig: [
        { type: 'VIOLENCE', inputStrength: 'HIGH', outputStrength: 'HIGH' },
        { type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE' },
      ],
    },
    blockedInputMessaging: g.blockedInputMessage,
    blockedOutputsMessaging: g.blockedOutputMessage,
  };
}

export class GuardrailStore {
  readonly guardrails = new Map<string, StoredGuardrail>();
  /** When true every guardrail operation answers 403 AccessDeniedException. */
  accessDenied = false;

  constructor(own: readonly FakeGuardrail[]) {
    for (const g of own) {
      const snap = { config: ownConfig(g), createdAt: now(), updatedAt: now() };
      const versions = new Map<string, Snapshot>();
      for (const v of g.versions) if (v !== 'DRAFT') versions.set(v, snap);
      this.guardrails.set(g.id, {
        id: g.id,
        region: null,
        draft: snap,
        versions,
        nextVersion: versions.size + 1,
      });
    }
  }

  denyAccess(on: boolean): void {
    this.accessDenied = on;
  }

  checkAccess(operation: string): void {
    if (!this.accessDenied) return;
    throw new BedrockError(
      'AccessDeniedException',
      `User: arn:aws:iam::${FAKE_ACCOUNT_ID}:user/learner is not authorized to perform: bedrock:${operation} because no identity-based policy allows the bedrock:${operation} action`,
    );
  }

  arn(g: StoredGuardrail, region: string): string {
    return `arn:aws:bedrock:${g.region ?? region}:${FAKE_ACCOUNT_ID}:guardrail/${g.id}`;
  }

  /** The guardrail an id or ARN names in `region`, else 404. */
  find(identifier: string, region: string): StoredGuardrail {
    const arn = /^arn:aws(-[^:]+)?:bedrock:([a-z0-9-]+):\d{12}:guardrail\/([a-z0-9]+)$/.exec(
      identifier,
    );
    const id = arn ? (arn[3] ?? '') : identifier;
    const g = this.guardrails.get(id);
    if (!g || (g.region !== null && g.region !== region) || (arn && arn[2] !== region)) {
      throw new BedrockError('ResourceNotFoundException', `Guardrail ${identifier} was not found.`);
    }
    return g;
  }

  /** The snapshot of a version ('DRAFT' or a number), else 404 / 400. */
  snapshot(g: StoredGuardrail, version: string): Snapshot {
    if (!VERSION.test(version))
      throw constraintError(
        'guardrailVersion',
        version,
        'Member must satisfy regular expression pattern: (([1-9][0-9]{0,7})|(DRAFT))',
      );
    const snap = version === 'DRAFT' ? g.draft : g.versions.get(version);
    if (!snap)
      throw new BedrockError(
        'ResourceNotFoundException',
        `Version ${version} of guardrail ${g.id} was not found.`,
      );
    return snap;
  }

  private nameTaken(name: string, region: string, except?: string): boolean {
    return [...this.guardrails.values()].some(
      (g) =>
        g.id !== except &&
        (g.region === null || g.region === region) &&
        g.draft.config.name === name,
    );
  }

  create(body: unknown, region: string): JsonObject {
    this.checkAccess('CreateGuardrail');
    const config = validateGuardrailConfig(body);
    if (this.nameTaken(config.name, region)) {
      throw new BedrockError(
        'ConflictException',
        `A guardrail named ${config.name} already exists.`,
      );
    }
    const id = randomBytes(6).toString('hex').replace(/^\d/, 'g');
    const at = now();
    const g: StoredGuardrail = {
      id,
      region,
      draft: { config, createdAt: at, updatedAt: at },
      versions: new Map(),
      nextVersion: 1,
    };
    this.guardrails.set(id, g);
    return { guardrailId: id, guardrailArn: this.arn(g, region), version: 'DRAFT', createdAt: at };
  }

  update(identifier: string, body: unknown, region: string): JsonObject {
    this.checkAccess('UpdateGuardrail');
    const g = this.find(identifier, region);
    if (isRecord(body) && ('tags' in body || 'clientRequestToken' in body)) {
      throw validationError('UpdateGuardrail does not take tags or clientRequestToken.');
    }
    const config = validateGuardrailConfig(body);
    if (this.nameTaken(config.name, region, g.id)) {
      throw new BedrockError(
        'ConflictException',
        `A guardrail named ${config.name} already exists.`,
      );
    }
    g.draft = { config, createdAt: g.draft.createdAt, updatedAt: now() };
    return {
      guardrailId: g.id,
      guardrailArn: this.arn(g, region),
      version: 'DRAFT',
      updatedAt: g.draft.updatedAt,
    };
  }

  createVersion(identifier: string, body: unknown, region: string): JsonObject {
    this.checkAccess('CreateGuardrailVersion');
    const g = this.find(identifier, region);
    const b = isRecord(body) ? body : {};
    if (b['description'] !== undefined) str(b['description'], 'description', 1, 200);
    const version = String(g.nextVersion++);
    const at = now();
    g.versions.set(version, {
      config: structuredClone(g.draft.config),
      ...(typeof b['description'] === 'string' ? { description: b['description'] } : {}),
      createdAt: at,
      updatedAt: at,
    });
    return { guardrailId: g.id, version };
  }

  get(identifier: string, version: string | null, region: string): JsonObject {
    this.checkAccess('GetGuardrail');
    const g = this.find(identifier, region);
    const v = version ?? 'DRAFT';
    const snap = this.snapshot(g, v);
    const c = snap.config;
    const rename = <T>(value: T | undefined, key: string) =>
      value === undefined ? {} : { [key]: value };
    return {
      name: c.name,
      ...rename(snap.description ?? c.description, 'description'),
      guardrailId: g.id,
      guardrailArn: this.arn(g, region),
      version: v,
      status: 'READY',
      ...rename(c.topicPolicyConfig && { topics: c.topicPolicyConfig.topicsConfig }, 'topicPolicy'),
      ...rename(
        c.contentPolicyConfig && { filters: c.contentPolicyConfig.filtersConfig },
        'contentPolicy',
      ),
      ...rename(
        c.wordPolicyConfig && {
          words: c.wordPolicyConfig.wordsConfig ?? [],
          managedWordLists: c.wordPolicyConfig.managedWordListsConfig ?? [],
        },
        'wordPolicy',
      ),
      ...rename(
        c.sensitiveInformationPolicyConfig && {
          piiEntities: c.sensitiveInformationPolicyConfig.piiEntitiesConfig ?? [],
          regexes: c.sensitiveInformationPolicyConfig.regexesConfig ?? [],
        },
        'sensitiveInformationPolicy',
      ),
      ...rename(
        c.contextualGroundingPolicyConfig && {
          filters: c.contextualGroundingPolicyConfig.filtersConfig,
        },
        'contextualGroundingPolicy',
      ),
      createdAt: snap.createdAt,
      updatedAt: snap.updatedAt,
      blockedInputMessaging: c.blockedInputMessaging,
      blockedOutputsMessaging: c.blockedOutputsMessaging,
    };
  }

  list(query: URLSearchParams, region: string): JsonObject {
    this.checkAccess('ListGuardrails');
    const max = Number(query.get('maxResults') ?? '20');
    if (!Number.isInteger(max) || max < 1 || max > 1000) {
      throw constraintError(
        'maxResults',
        query.get('maxResults'),
        'Member must be between 1 and 1000',
      );
    }
    const identifier = query.get('guardrailIdentifier');
    const summary = (g: StoredGuardrail, version: string, snap: Snapshot) => ({
      id: g.id,
      arn: this.arn(g, region),
      status: 'READY',
      name: snap.config.name,
      ...((snap.description ?? snap.config.description)
        ? { description: snap.description ?? snap.config.description }
        : {}),
      version,
      createdAt: snap.createdAt,
      updatedAt: snap.updatedAt,
    });
    const all = identifier
      ? (() => {
          const g = this.find(identifier, region);
          return [
            summary(g, 'DRAFT', g.draft),
            ...[...g.versions].map(([v, s]) => summary(g, v, s)),
          ];
        })()
      : [...this.guardrails.values()]
          .filter((g) => g.region === null || g.region === region)
          .map((g) => summary(g, 'DRAFT', g.draft));
    const offset = Number(query.get('nextToken') ?? '0') || 0;
    const page = all.slice(offset, offset + max);
    return {
      guardrails: page,
      ...(offset + max < all.length ? { nextToken: String(offset + max) } : {}),
    };
  }

  delete(identifier: string, version: string | null, region: string): JsonObject {
    this.checkAccess('DeleteGuardrail');
    const g = this.find(identifier, region);
    if (version === null) {
      this.guardrails.delete(g.id);
    } else {
      if (!/^[1-9][0-9]{0,7}$/.test(version))
        throw validationError('Only a numbered version can be deleted.');
      this.snapshot(g, version);
      g.versions.delete(version);
    }
    return {};
  }

  /** The guardrails Converse may use in `region` (the fake's own and those created there). */
  forConverse(region: string): FakeGuardrail[] {
    return [...this.guardrails.values()]
      .filter((g) => g.region === null || g.region === region)
      .map((g) => ({
        id: g.id,
        versions: ['DRAFT', ...g.versions.keys()],
        blockedInputMessage: g.draft.config.blockedInputMessaging,
        blockedOutputMessage: g.draft.config.blockedOutputsMessaging,
      }));
  }
}

/** The guardrail operation a request names, by method and path, else null. */
export function guardrailRoute(
  method: string,
  path: string,
):
  | 'create-guardrail'
  | 'update-guardrail'
  | 'get-guardrail'
  | 'list-guardrails'
  | 'create-guardrail-version'
  | 'delete-guardrail'
  | 'apply-guardrail'
  | null {
  if (path === '/guardrails') {
    if (method === 'POST') return 'create-guardrail';
    if (method === 'GET') return 'list-guardrails';
    return null;
  }
  if (/^\/guardrails\/[^/]+$/.test(path)) {
    if (method === 'GET') return 'get-guardrail';
    if (method === 'PUT') return 'update-guardrail';
    if (method === 'POST') return 'create-guardrail-version';
    if (method === 'DELETE') return 'delete-guardrail';
    return null;
  }
  if (method === 'POST' && /^\/guardrail\/[^/]+\/version\/[^/]+\/apply$/.test(path)) {
    return 'apply-guardrail';
  }
  return null;
}
