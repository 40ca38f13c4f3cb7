/**
 * Byte-level facts about images carried as base64: which format the magic bytes name, how big an
 * image is, and how long the decoded bytes would be. Pure and dependency-free, because both the
 * contract (checking what the renderer sends) and the main process (checking what a model
 * returns) need the same answers, and shared/ may use neither Node's Buffer nor the DOM's atob.
 */

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Map([...ALPHABET].map((c, i) => [c, i]));

function isBase64Char(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    (code >= 48 && code <= 57) || // 0-9
    code === 43 || // +
    code === 47 // /
  );
}

/**
 * Strict standard base64 (RFC 4648 section 4, padded): what Bedrock sends and accepts for image
 * bytes. A `data:` URL prefix, URL-safe characters or whitespace are refused on purpose. A plain
 * loop, not a regular expression: V8's regex engine overflows its stack on the multi-megabyte
 * strings images are.
 */
export function isStrictBase64(value: string): boolean {
  if (value.length === 0 || value.length % 4 !== 0) return false;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  const end = value.length - padding;
  for (let i = 0; i < end; i++) {
    if (!isBase64Char(value.charCodeAt(i))) return false;
  }
  return true;
}

/** Length of the bytes a well-formed base64 string decodes to, without decoding it. */
export function base64DecodedLength(value: string): number {
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return Math.floor((value.length * 3) / 4) - padding;
}

/** The longest base64 text (padded) whose decoded bytes fit in `bytes`. */
export function base64LengthFor(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/**
 * Decodes at most the first `maxBytes` bytes of a base64 string: enough to sniff the magic bytes
 * and read a PNG header without decoding megabytes. Stops at padding or a foreign character.
 */
export function decodeBase64Prefix(value: string, maxBytes: number): Uint8Array {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of value) {
    const sextet = SEXTET.get(char);
    if (sextet === undefined || out.length >= maxBytes) break;
    buffer = ((buffer << 6) | sextet) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out.slice(0, maxBytes));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** Identifies an image by its magic bytes, as the service does before decoding it. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'jpeg';
  }
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return 'webp';
  }
  return undefined;
}

/** The format named by the first bytes of a base64 image, or undefined. */
export function sniffBase64Image(value: string): ImageFormat | undefined {
  return sniffImageFormat(decodeBase64Prefix(value, 16));
}

export interface ImageSize {
  width: number;
  height: number;
}

function uint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

function uint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

/** Width and height from a PNG's IHDR chunk (the first chunk of every valid PNG). */
function pngSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 24 || ascii(bytes, 12, 16) !== 'IHDR') return undefined;
  return { width: uint32(bytes, 16), height: uint32(bytes, 20) };
}

/** Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Walks a JPEG's marker segments to the first start-of-frame and reads its size. */
function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  let at = 2;
  while (at + 3 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM, RST0-7 (SOI was skipped by starting at 2).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / scan before a frame
    if (isStartOfFrame(marker)) {
      if (at + 8 >= bytes.length) return undefined;
      return { height: uint16(bytes, at + 5), width: uint16(bytes, at + 7) };
    }
    at += 2 + uint16(bytes, at + 2);
  }
  return undefined;
}

/** Width and height of a PNG or JPEG, or undefined when the header cannot be read. */
export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
  const format = sniffImageFormat(bytes);
  const size = format === 'png' ? pngSize(bytes) : format === 'jpeg' ? jpegSize(bytes) : undefined;
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}
