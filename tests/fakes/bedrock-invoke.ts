/**
 * InvokeModel for the models whose native bodies the fake understands: Titan Text Embeddings V2
 * and the image generators (Nova Canvas, Titan Image Generator v2, and the Stability AI
 * text-to-image models). Bodies are validated with the service's JSON-schema error style
 * ("Malformed input request: #/path: ...").
 */
import { createHash } from 'node:crypto';
import { malformedInput, validationError } from './bedrock-errors.js';
import type { FakeModel } from './bedrock-models.js';
import {
  decodeBase64,
  isFiniteNumber,
  isInteger,
  isRecord,
  show,
  type JsonObject,
} from './json.js';
import { encodePng, readPngSize, sniffImageFormat, type Rgb } from './png.js';

export interface InvokeResult {
  body: JsonObject;
  inputTokens: number;
  outputTokens: number;
}

/**
 * Validates a native body (throwing the service's ValidationException) and returns the work of
 * producing the response, so behaviours like `throttle` do not pay for rendering images.
 * Models whose native format the fake does not implement are refused.
 */
export function prepareInvoke(model: FakeModel, body: unknown): () => InvokeResult {
  if (model.modelId === 'amazon.titan-embed-text-v2:0') {
    const result = invokeTitanEmbedV2(body);
    return () => result;
  }
  if (COHERE_EMBED_V3.includes(model.modelId)) {
    const result = invokeCohereEmbedV3(body);
    return () => result;
  }
  const rules = IMAGE_RULES[model.modelId];
  if (rules) return invokeImageModel(rules, body);
  const stability = STABILITY_RULES[model.modelId];
  if (stability) return invokeStability(stability, body);
  throw validationError(
    `The fake Bedrock implements InvokeModel only for amazon.titan-embed-text-v2:0, cohere.embed-english-v3, cohere.embed-multilingual-v3, amazon.nova-canvas-v1:0, amazon.titan-image-generator-v2:0 and ${Object.keys(STABILITY_RULES).join(', ')} (not ${model.modelId}); use Converse for text models.`,
  );
}

/**
 * The malformed-output variant of a model's response, for the `malformed` behaviour: images that
 * are not base64; embeddings of the wrong length (2 numbers), one per text for Cohere.
 */
export function malformedInvokeBody(model: FakeModel, body?: unknown): JsonObject {
  if (STABILITY_RULES[model.modelId]) {
    return { seeds: [1], finish_reasons: [null], images: ['not base64!!'] };
  }
  if (model.kind === 'image') return { images: ['not base64!!'], error: null };
  if (COHERE_EMBED_V3.includes(model.modelId)) {
    const texts = isRecord(body) && Array.isArray(body['texts']) ? body['texts'] : [''];
    return {
      id: 'malformed',
      texts,
      embeddings: texts.map(() => [0.1, 0.2]),
      response_type: 'embeddings_floats',
    };
  }
  return { embedding: [0.1, 0.2], embeddingsByType: {}, inputTextTokenCount: 1 };
}

// ---------------------------------------------------------------------------------------------
// Cohere Embed v3 (English and Multilingual): 1,024 dimensions

const COHERE_EMBED_V3 = ['cohere.embed-english-v3', 'cohere.embed-multilingual-v3'];
const COHERE_KEYS = ['texts', 'images', 'input_type', 'truncate', 'embedding_types'];
const COHERE_INPUT_TYPES = ['search_document', 'search_query', 'classification', 'clustering'];
const COHERE_TRUNCATE = ['NONE', 'START', 'END'];
const COHERE_TYPES = ['float', 'int8', 'uint8', 'binary', 'ubinary'];
const COHERE_MAX_TEXTS = 96;
const COHERE_MAX_CHARS = 2048;

/**
 * Cohere Embed v3 (model-parameters-embed-v3): `input_type` required, 1..96 `texts` of at most
 * 2,048 characters, `truncate` NONE|START|END. Without `embedding_types` the reply is
 * `{ embeddings: [[...]], response_type: 'embeddings_floats' }`; with it,
 * `{ embeddings: { float: [[...]], ... }, response_type: 'embeddings_by_type' }`.
 */
function invokeCohereEmbedV3(body: unknown): InvokeResult {
  const request = requireObject(body, '#');
  rejectExtraneous(request, COHERE_KEYS, '#');
  if (request['images'] !== undefined) {
    throw validationError('The fake Bedrock does not implement image embeddings for Cohere Embed.');
  }
  const inputType = request['input_type'];
  if (inputType === undefined) throw malformedInput('#', 'required key [input_type] not found');
  if (typeof inputType !== 'string' || !COHERE_INPUT_TYPES.includes(inputType)) {
    throw malformedInput('#/input_type', `${show(inputType)} is not a valid enum value`);
  }
  const texts = request['texts'];
  if (texts === undefined) throw malformedInput('#', 'required key [texts] not found');
  if (!Array.isArray(texts)) {
    throw malformedInput('#/texts', `expected type: JSONArray, found: ${jsonTypeName(texts)}`);
  }
  if (texts.length < 1) throw malformedInput('#/texts', 'expected minimum item count: 1, found: 0');
  if (texts.length > COHERE_MAX_TEXTS) {
    throw malformedInput(
      '#/texts',
      `expected maximum item count: ${COHERE_MAX_TEXTS}, found: ${texts.length}`,
    );
  }
  const strings = texts.map((t, i) => {
    if (typeof t !== 'string') {
      throw malformedInput(`#/texts/${i}`, `expected type: String, found: ${jsonTypeName(t)}`);
    }
    if (t.length > COHERE_MAX_CHARS) {
      throw malformedInput(
        `#/texts/${i}`,
        `expected maxLength: ${COHERE_MAX_CHARS}, actual: ${t.length}`,
      );
    }
    return t;
  });
  const truncate = request['truncate'];
  if (
    truncate !== undefined &&
    (typeof truncate !== 'string' || !COHERE_TRUNCATE.includes(truncate))
  ) {
    throw malformedInput('#/truncate', `${show(truncate)} is not a valid enum value`);
  }
  const types = request['embedding_types'];
  if (types !== undefined) {
    if (!Array.isArray(types) || types.length < 1) {
      throw malformedInput('#/embedding_types', 'expected a non-empty JSONArray');
    }
    types.forEach((t, i) => {
      if (typeof t !== 'string' || !COHERE_TYPES.includes(t)) {
        throw malformedInput(`#/embedding_types/${i}`, `${show(t)} is not a valid enum value`);
      }
    });
  }
  const vectors = strings.map((t) => embedText(t || ' ', 1024, true));
  const inputTokens = strings.reduce((n, t) => n + Math.max(1, Math.ceil(t.length / 4)), 0);
  const id = createHash('sha256').update(strings.join('\u0000')).digest('hex').slice(0, 32);
  if (types === undefined) {
    return {
      body: { id, texts: strings, embeddings: vectors, response_type: 'embeddings_floats' },
      inputTokens,
      outputTokens: 0,
    };
  }
  const byType: JsonObject = {};
  for (const t of types as string[]) {
    byType[t] = t === 'float' ? vectors : vectors.map((v) => v.map((x) => Math.round(x * 127)));
  }
  return {
    body: { id, texts: strings, embeddings: byType, response_type: 'embeddings_by_type' },
    inputTokens,
    outputTokens: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Titan Text Embeddings V2

const EMBED_KEYS = ['inputText', 'dimensions', 'normalize', 'embeddingTypes'];
const EMBED_DIMENSIONS = [1024, 512, 256];
const EMBED_MAX_TOKENS = 8192;
const EMBED_MAX_CHARS = 50_000;

function invokeTitanEmbedV2(body: unknown): InvokeResult {
  const request = requireObject(body, '#');
  rejectExtraneous(request, EMBED_KEYS, '#');
  const inputText = request['inputText'];
  if (inputText === undefined) throw malformedInput('#', 'required key [inputText] not found');
  if (typeof inputText !== 'string') {
    throw malformedInput('#/inputText', `expected type: String, found: ${jsonTypeName(inputText)}`);
  }
  if (inputText.length < 1) throw malformedInput('#/inputText', 'expected minLength: 1, actual: 0');
  if (inputText.length > EMBED_MAX_CHARS) {
    throw malformedInput(
      '#/inputText',
      `expected maxLength: ${EMBED_MAX_CHARS}, actual: ${inputText.length}`,
    );
  }
  const tokens = Math.max(1, Math.ceil(inputText.length / 4));
  if (tokens > EMBED_MAX_TOKENS) {
    throw validationError(
      `400 Bad Request: Too many input tokens. Max input tokens: ${EMBED_MAX_TOKENS}, request input token count: ${tokens}`,
    );
  }
  const dimensions = request['dimensions'] ?? 1024;
  if (!isInteger(dimensions) || !EMBED_DIMENSIONS.includes(dimensions)) {
    throw malformedInput('#/dimensions', `${show(dimensions)} is not a valid enum value`);
  }
  const normalize = request['normalize'] ?? true;
  if (typeof normalize !== 'boolean') {
    throw malformedInput(
      '#/normalize',
      `expected type: Boolean, found: ${jsonTypeName(normalize)}`,
    );
  }
  const types = validateEmbeddingTypes(request['embeddingTypes']);
  const vector = embedText(inputText, dimensions, normalize);
  const byType: JsonObject = {};
  if (types.includes('float')) byType['float'] = vector;
  if (types.includes('binary')) byType['binary'] = vector.map((x) => (x > 0 ? 1 : 0));
  return {
    body: {
      ...(types.includes('float') ? { embedding: vector } : {}),
      embeddingsByType: byType,
      inputTextTokenCount: tokens,
    },
    inputTokens: tokens,
    outputTokens: 0,
  };
}

function validateEmbeddingTypes(value: unknown): string[] {
  if (value === undefined) return ['float'];
  if (!Array.isArray(value)) {
    throw malformedInput(
      '#/embeddingTypes',
      `expected type: JSONArray, found: ${jsonTypeName(value)}`,
    );
  }
  if (value.length < 1)
    throw malformedInput('#/embeddingTypes', 'expected minimum item count: 1, found: 0');
  value.forEach((t, i) => {
    if (t !== 'float' && t !== 'binary') {
      throw malformedInput(`#/embeddingTypes/${i}`, `${show(t)} is not a valid enum value`);
    }
  });
  if (new Set(value).size !== value.length) {
    throw malformedInput('#/embeddingTypes', 'array items are not unique');
  }
  return value.filter((t): t is string => typeof t === 'string');
}

/**
 * Deterministic embedding by feature hashing: each word adds signed weight to a few hashed
 * dimensions, so texts that share words get a high cosine similarity (useful for search tests),
 * plus a little whole-text noise so different texts never collide exactly.
 */
export function embedText(text: string, dimensions: number, normalize: boolean): number[] {
  const v = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [text];
  for (const word of words) addHashed(v, word, 4, 1);
  addHashed(v, `\u0000${text}`, 8, 0.05);
  if (!normalize) return v.map((x) => round(x));
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => round(x / norm));
}

function addHashed(v: number[], feature: string, count: number, weight: number): void {
  const digest = createHash('sha256').update(feature).digest();
  for (let i = 0; i < count; i++) {
    const word = digest.readUInt32BE(i * 4);
    const index = word % v.length;
    const sign = word & 0x80000000 ? -1 : 1;
    v[index] = (v[index] ?? 0) + sign * weight * (1 + (digest[i + 24] ?? 0) / 255);
  }
}

function round(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

// ---------------------------------------------------------------------------------------------
// Image generation

interface ImageRules {
  label: string;
  maxTextLength: number;
  maxSeed: number;
  defaultSeed: number;
  defaultCfgScale: number;
  textToImageKeys: string[];
  /** A problem with the requested size, or undefined when it is allowed. */
  checkSize: (width: number, height: number) => string | undefined;
}

/** Nova Canvas: sides 320-4096 in steps of 16, aspect 1:4..4:1, at most 4,194,304 pixels. */
function novaCanvasSize(width: number, height: number): string | undefined {
  for (const [name, side] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (side < 320 || side > 4096) return `${name} must be between 320 and 4096, got ${side}`;
    if (side % 16 !== 0) return `${name} must be divisible by 16, got ${side}`;
  }
  if (width * height > 4_194_304) {
    return `total pixel count must not exceed 4194304, got ${width * height}`;
  }
  if (width / height > 4 || height / width > 4) return 'aspect ratio must be between 1:4 and 4:1';
  return undefined;
}

/** Titan Image Generator v2 accepts only its documented list of sizes. */
const TITAN_SIZES = new Set([
  '1024x1024',
  '768x768',
  '512x512',
  '768x1152',
  '384x576',
  '1152x768',
  '576x384',
  '768x1280',
  '384x640',
  '1280x768',
  '640x384',
  '896x1152',
  '448x576',
  '1152x896',
  '576x448',
  '768x1408',
  '384x704',
  '1408x768',
  '704x384',
  '640x1408',
  '320x704',
  '1408x640',
  '704x320',
  '1152x640',
  '1173x640',
]);

const NOVA_STYLES = [
  '3D_ANIMATED_FAMILY_FILM',
  'DESIGN_SKETCH',
  'FLAT_VECTOR_ILLUSTRATION',
  'GRAPHIC_NOVEL_ILLUSTRATION',
  'MAXIMALISM',
  'MIDCENTURY_RETRO',
  'PHOTOREALISM',
  'SOFT_DIGITAL_PAINTING',
];

const IMAGE_RULES: Record<string, ImageRules> = {
  'amazon.nova-canvas-v1:0': {
    label: 'Nova Canvas',
    maxTextLength: 1024,
    // The documented Nova Canvas range (AWS examples draw seeds from 0..858,993,459).
    maxSeed: 858_993_459,
    defaultSeed: 12,
    defaultCfgScale: 6.5,
    textToImageKeys: [
      'text',
      'negativeText',
      'conditionImage',
      'controlMode',
      'controlStrength',
      'style',
    ],
    checkSize: novaCanvasSize,
  },
  'amazon.titan-image-generator-v2:0': {
    label: 'Titan Image Generator v2',
    maxTextLength: 512,
    maxSeed: 2_147_483_646,
    defaultSeed: 42,
    defaultCfgScale: 8,
    textToImageKeys: ['text', 'negativeText', 'conditionImage', 'controlMode', 'controlStrength'],
    checkSize: (w, h) =>
      TITAN_SIZES.has(`${w}x${h}`) ? undefined : `${w}x${h} is not a supported image size`,
  },
};

const KNOWN_UNSUPPORTED_TASKS = [
  'INPAINTING',
  'OUTPAINTING',
  'COLOR_GUIDED_GENERATION',
  'BACKGROUND_REMOVAL',
  'VIRTUAL_TRY_ON',
];

interface GenerationConfig {
  width: number;
  height: number;
  seed: number;
  numberOfImages: number;
}

function invokeImageModel(rules: ImageRules, body: unknown): () => InvokeResult {
  const request = requireObject(body, '#');
  const taskType = request['taskType'];
  if (taskType === undefined) throw malformedInput('#', 'required key [taskType] not found');
  let prompt: string;
  if (taskType === 'TEXT_IMAGE') {
    rejectExtraneous(request, ['taskType', 'textToImageParams', 'imageGenerationConfig'], '#');
    prompt = validateTextToImage(rules, request['textToImageParams']);
  } else if (taskType === 'IMAGE_VARIATION') {
    rejectExtraneous(request, ['taskType', 'imageVariationParams', 'imageGenerationConfig'], '#');
    prompt = validateImageVariation(rules, request['imageVariationParams']);
  } else if (typeof taskType === 'string' && KNOWN_UNSUPPORTED_TASKS.includes(taskType)) {
    throw validationError(
      `The fake Bedrock does not implement taskType ${taskType}; only TEXT_IMAGE and IMAGE_VARIATION.`,
    );
  } else {
    throw malformedInput('#/taskType', `${show(taskType)} is not a valid enum value`);
  }
  const config = validateGenerationConfig(rules, request['imageGenerationConfig']);
  return () => {
    const images = Array.from({ length: config.numberOfImages }, (_, i) =>
      renderImage(config, `${show(taskType)}|${prompt}`, i).toString('base64'),
    );
    return { body: { images, error: null }, inputTokens: 0, outputTokens: 0 };
  };
}

function validateTextToImage(rules: ImageRules, value: unknown): string {
  if (value === undefined) throw malformedInput('#', 'required key [textToImageParams] not found');
  const params = requireObject(value, '#/textToImageParams');
  rejectExtraneous(params, rules.textToImageKeys, '#/textToImageParams');
  const text = params['text'];
  if (text === undefined)
    throw malformedInput('#/textToImageParams', 'required key [text] not found');
  checkPromptText(rules, text, '#/textToImageParams/text');
  if (params['negativeText'] !== undefined) {
    checkPromptText(rules, params['negativeText'], '#/textToImageParams/negativeText');
  }
  if (params['conditionImage'] !== undefined) {
    checkInputImage(params['conditionImage'], '#/textToImageParams/conditionImage');
  }
  const controlMode = params['controlMode'];
  if (controlMode !== undefined && controlMode !== 'CANNY_EDGE' && controlMode !== 'SEGMENTATION') {
    throw malformedInput(
      '#/textToImageParams/controlMode',
      `${show(controlMode)} is not a valid enum value`,
    );
  }
  checkRange(params['controlStrength'], 0, 1, '#/textToImageParams/controlStrength', false);
  const style = params['style'];
  if (style !== undefined && (typeof style !== 'string' || !NOVA_STYLES.includes(style))) {
    throw malformedInput('#/textToImageParams/style', `${show(style)} is not a valid enum value`);
  }
  return text;
}

function validateImageVariation(rules: ImageRules, value: unknown): string {
  if (value === undefined)
    throw malformedInput('#', 'required key [imageVariationParams] not found');
  const params = requireObject(value, '#/imageVariationParams');
  rejectExtraneous(
    params,
    ['images', 'similarityStrength', 'text', 'negativeText'],
    '#/imageVariationParams',
  );
  const images = params['images'];
  if (images === undefined) {
    throw malformedInput('#/imageVariationParams', 'required key [images] not found');
  }
  if (!Array.isArray(images)) {
    throw malformedInput(
      '#/imageVariationParams/images',
      `expected type: JSONArray, found: ${jsonTypeName(images)}`,
    );
  }
  if (images.length < 1 || images.length > 5) {
    throw malformedInput(
      '#/imageVariationParams/images',
      images.length < 1
        ? 'expected minimum item count: 1, found: 0'
        : `expected maximum item count: 5, found: ${images.length}`,
    );
  }
  images.forEach((img, i) => checkInputImage(img, `#/imageVariationParams/images/${i}`));
  checkRange(
    params['similarityStrength'],
    0.2,
    1,
    '#/imageVariationParams/similarityStrength',
    false,
  );
  const text = params['text'];
  if (text !== undefined) checkPromptText(rules, text, '#/imageVariationParams/text');
  if (params['negativeText'] !== undefined) {
    checkPromptText(rules, params['negativeText'], '#/imageVariationParams/negativeText');
  }
  return typeof text === 'string' ? text : images.map(String).join('').slice(0, 64);
}

function checkPromptText(
  rules: ImageRules,
  value: unknown,
  pointer: string,
): asserts value is string {
  if (typeof value !== 'string') {
    throw malformedInput(pointer, `expected type: String, found: ${jsonTypeName(value)}`);
  }
  if (value.length < 1) throw malformedInput(pointer, 'expected minLength: 1, actual: 0');
  if (value.length > rules.maxTextLength) {
    throw malformedInput(
      pointer,
      `expected maxLength: ${rules.maxTextLength}, actual: ${value.length}`,
    );
  }
}

/** Input images must be base64 PNG or JPEG; PNG sides must be within 320..4096. */
function checkInputImage(value: unknown, pointer: string): void {
  const bytes = decodeBase64(value);
  const format = bytes ? sniffImageFormat(bytes) : undefined;
  if (!bytes || (format !== 'png' && format !== 'jpeg')) {
    throw validationError(
      `Malformed input request: ${pointer}: the image must be a base64-encoded PNG or JPEG, please reformat your input and try again.`,
    );
  }
  const size = readPngSize(bytes);
  if (size && [size.width, size.height].some((s) => s < 320 || s > 4096)) {
    throw validationError(
      `The input image at ${pointer} is ${size.width}x${size.height}; each side must be between 320 and 4096 pixels.`,
    );
  }
}

function validateGenerationConfig(rules: ImageRules, value: unknown): GenerationConfig {
  const config = value === undefined ? {} : requireObject(value, '#/imageGenerationConfig');
  const at = '#/imageGenerationConfig';
  rejectExtraneous(
    config,
    ['width', 'height', 'quality', 'cfgScale', 'seed', 'numberOfImages'],
    at,
  );
  const width = integerIn(config['width'], 1, 4096 * 4, `${at}/width`) ?? 1024;
  const height = integerIn(config['height'], 1, 4096 * 4, `${at}/height`) ?? 1024;
  const sizeProblem = rules.checkSize(width, height);
  if (sizeProblem) {
    throw validationError(
      `Malformed input request: ${at}: ${sizeProblem} for ${rules.label}, please reformat your input and try again.`,
    );
  }
  const quality = config['quality'];
  if (quality !== undefined && quality !== 'standard' && quality !== 'premium') {
    throw malformedInput(`${at}/quality`, `${show(quality)} is not a valid enum value`);
  }
  checkRange(config['cfgScale'], 1.1, 10, `${at}/cfgScale`, false);
  const seed = integerIn(config['seed'], 0, rules.maxSeed, `${at}/seed`) ?? rules.defaultSeed;
  const numberOfImages = integerIn(config['numberOfImages'], 1, 5, `${at}/numberOfImages`) ?? 1;
  return { width, height, seed, numberOfImages };
}

function integerIn(value: unknown, min: number, max: number, pointer: string): number | undefined {
  if (value === undefined) return undefined;
  if (!isInteger(value)) {
    throw malformedInput(pointer, `expected type: Integer, found: ${jsonTypeName(value)}`);
  }
  if (value < min) throw malformedInput(pointer, `${value} is not greater or equal to ${min}`);
  if (value > max) throw malformedInput(pointer, `${value} is not less or equal to ${max}`);
  return value;
}

function checkRange(
  value: unknown,
  min: number,
  max: number,
  pointer: string,
  required: boolean,
): void {
  if (value === undefined && !required) return;
  if (!isFiniteNumber(value)) {
    throw malformedInput(pointer, `expected type: Number, found: ${jsonTypeName(value)}`);
  }
  if (value < min) throw malformedInput(pointer, `${value} is not greater or equal to ${min}`);
  if (value > max) throw malformedInput(pointer, `${value} is not less or equal to ${max}`);
}

/**
 * A real PNG of the requested size: 16x16 tiles whose colours come from a PRNG seeded by the
 * seed, prompt and image index, so the same request is reproducible and different seeds differ.
 */
function renderImage(config: GenerationConfig, prompt: string, index: number): Buffer {
  const digest = createHash('sha256').update(`${config.seed}|${index}|${prompt}`).digest();
  let state = digest.readUInt32BE(0) || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const tilesX = Math.ceil(config.width / 16);
  const tilesY = Math.ceil(config.height / 16);
  const base: Rgb = [digest[4] ?? 0, digest[5] ?? 0, digest[6] ?? 0];
  const tiles: Rgb[] = Array.from({ length: tilesX * tilesY }, () => {
    const n = next();
    return [
      (base[0] + (n & 0x3f)) & 0xff,
      (base[1] + ((n >>> 8) & 0x3f)) & 0xff,
      (base[2] + ((n >>> 16) & 0x3f)) & 0xff,
    ];
  });
  const black: Rgb = [0, 0, 0];
  return encodePng(
    config.width,
    config.height,
    (x, y) => tiles[(y >> 4) * tilesX + (x >> 4)] ?? black,
  );
}

// ---------------------------------------------------------------------------------------------
// Stability AI text-to-image (Stable Image Core, SD3.5 Large, Stable Image Ultra)

interface StabilityRules {
  maxSeed: number;
  /** Modes the model documents; the fake implements only text-to-image. */
  modes: string[];
}

/** Seed ranges as the Bedrock pages state them (Core 0..4294967295, SD3.5 0..4294967294). */
const STABILITY_RULES: Record<string, StabilityRules> = {
  'stability.stable-image-core-v1:1': { maxSeed: 4_294_967_295, modes: ['text-to-image'] },
  'stability.sd3-5-large-v1:0': {
    maxSeed: 4_294_967_294,
    modes: ['text-to-image', 'image-to-image'],
  },
  'stability.stable-image-ultra-v1:1': { maxSeed: 4_294_967_294, modes: ['text-to-image'] },
};

/**
 * The output size per aspect ratio (about one megapixel). Illustrative: the Bedrock pages give
 * the ratios, not the pixel sizes, so only the shape of these is meant to be right.
 */
const STABILITY_SIZES: Record<string, [number, number]> = {
  '1:1': [1024, 1024],
  '16:9': [1344, 768],
  '21:9': [1536, 640],
  '2:3': [832, 1216],
  '3:2': [1216, 832],
  '4:5': [896, 1088],
  '5:4': [1088, 896],
  '9:16': [768, 1344],
  '9:21': [640, 1536],
};
const STABILITY_KEYS = [
  'prompt',
  'negative_prompt',
  'aspect_ratio',
  'mode',
  'output_format',
  'seed',
];
const STABILITY_MAX_CHARS = 10_000;

/**
 * A prompt containing `[[filter:prompt]]` or `[[filter:output]]` is "filtered": the reply is the
 * documented `{ finish_reasons: ["Filter reason: ..."] }` with no image (status 200).
 */
function stabilityFilter(prompt: string): string | null {
  if (prompt.includes('[[filter:prompt]]')) return 'Filter reason: prompt';
  if (prompt.includes('[[filter:output]]')) return 'Filter reason: output image';
  return null;
}

/** A Stability text field: a string of at most 10,000 characters (a prompt of at least 1). */
function stabilityText(request: JsonObject, key: 'prompt' | 'negative_prompt'): string | undefined {
  const text = request[key];
  if (text === undefined) return undefined;
  if (typeof text !== 'string') {
    throw malformedInput(`#/${key}`, `expected type: String, found: ${jsonTypeName(text)}`);
  }
  if (key === 'prompt' && text.length < 1) {
    throw malformedInput('#/prompt', 'expected minLength: 1, actual: 0');
  }
  if (text.length > STABILITY_MAX_CHARS) {
    throw malformedInput(
      `#/${key}`,
      `expected maxLength: ${STABILITY_MAX_CHARS}, actual: ${text.length}`,
    );
  }
  return text;
}

function invokeStability(rules: StabilityRules, body: unknown): () => InvokeResult {
  const request = requireObject(body, '#');
  rejectExtraneous(request, STABILITY_KEYS, '#');
  const mode = request['mode'] ?? 'text-to-image';
  if (typeof mode !== 'string' || !rules.modes.includes(mode)) {
    throw malformedInput('#/mode', `${show(mode)} is not a valid enum value`);
  }
  if (mode !== 'text-to-image') {
    throw validationError('The fake Bedrock implements only text-to-image for Stability AI.');
  }
  const text = stabilityText(request, 'prompt');
  if (text === undefined) throw malformedInput('#', 'required key [prompt] not found');
  stabilityText(request, 'negative_prompt');
  const ratio = request['aspect_ratio'] ?? '1:1';
  const size = typeof ratio === 'string' ? STABILITY_SIZES[ratio] : undefined;
  if (!size) throw malformedInput('#/aspect_ratio', `${show(ratio)} is not a valid enum value`);
  const format = request['output_format'] ?? 'png';
  if (format !== 'png') {
    throw format === 'jpeg'
      ? validationError('The fake Bedrock renders PNG only for Stability AI.')
      : malformedInput('#/output_format', `${show(format)} is not a valid enum value`);
  }
  const asked = integerIn(request['seed'], 0, rules.maxSeed, '#/seed') ?? 0;
  // Seed 0 means "random": the fake picks one from the prompt, so a test can predict it.
  const seed =
    asked || (createHash('sha256').update(text).digest().readUInt32BE(0) % rules.maxSeed) + 1;
  return () => {
    const filtered = stabilityFilter(text);
    if (filtered) return { body: { finish_reasons: [filtered] }, inputTokens: 0, outputTokens: 0 };
    const config = { width: size[0], height: size[1], seed, numberOfImages: 1 };
    const image = renderImage(config, `stability|${text}`, 0).toString('base64');
    return {
      body: { seeds: [seed], finish_reasons: [null], images: [image] },
      inputTokens: 0,
      outputTokens: 0,
    };
  };
}

// ---------------------------------------------------------------------------------------------

function requireObject(value: unknown, pointer: string): JsonObject {
  if (!isRecord(value)) {
    throw malformedInput(pointer, `expected type: JSONObject, found: ${jsonTypeName(value)}`);
  }
  return value;
}

function rejectExtraneous(value: JsonObject, allowed: readonly string[], pointer: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw malformedInput(pointer, `extraneous key [${key}] is not permitted`);
    }
  }
}

function jsonTypeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'JSONArray';
  if (isInteger(value)) return 'Integer';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'BigDecimal';
    case 'boolean':
      return 'Boolean';
    default:
      return 'JSONObject';
  }
}
