/** Narrowing helpers for request bodies, which arrive as `unknown` JSON. */

export type JsonObject = Record<string, unknown>;

/** A value as it would appear in an error message (strings bare, the rest as JSON). */
export function show(value: unknown): string {
  if (typeof value === 'string') return value;
  const json: string | undefined = JSON.stringify(value);
  return json ?? 'undefined';
}

/** A URL path segment, percent-decoded (as it came when the escapes are malformed). */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict standard base64 (what the SDK sends for blobs); undefined when malformed or empty. */
export function decodeBase64(value: unknown): Buffer | undefined {
  if (typeof value !== 'string' || value.length === 0 || !BASE64.test(value)) return undefined;
  return Buffer.from(value, 'base64');
}

/**
 * A deterministic example value for a JSON schema: enough for the common tool-input shapes
 * (objects with required properties, arrays, enums, consts, primitives). Used when a request
 * forces a tool and the behaviour did not script the input.
 */
export function sampleFromSchema(schema: unknown, depth = 0): unknown {
  if (!isRecord(schema) || depth > 8) return null;
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  if ('default' in schema) return schema['default'];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0)
      return sampleFromSchema(options[0], depth + 1);
  }
  const rawType: unknown = schema['type'];
  const type: unknown = Array.isArray(rawType) ? (rawType as unknown[])[0] : rawType;
  switch (type) {
    case 'object':
      return sampleObject(schema, depth);
    case 'array': {
      const min = isInteger(schema['minItems']) ? schema['minItems'] : 1;
      return Array.from({ length: Math.max(min, 1) }, () =>
        sampleFromSchema(schema['items'], depth + 1),
      );
    }
    case 'string':
      return sampleString(schema);
    case 'integer':
      return isInteger(schema['minimum']) ? schema['minimum'] : 1;
    case 'number':
      return isFiniteNumber(schema['minimum']) ? schema['minimum'] : 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return isRecord(schema['properties']) ? sampleObject(schema, depth) : 'fake';
  }
}

function sampleObject(schema: JsonObject, depth: number): JsonObject {
  const properties = isRecord(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required'])
    ? schema['required'].filter((k): k is string => typeof k === 'string')
    : Object.keys(properties);
  const out: JsonObject = {};
  for (const key of required) out[key] = sampleFromSchema(properties[key], depth + 1);
  return out;
}

function sampleString(schema: JsonObject): string {
  const min = isInteger(schema['minLength']) ? schema['minLength'] : 0;
  const base = 'fake';
  return base.length >= min ? base : base.padEnd(min, 'x');
}
