/**
 * Images in Converse messages: the documented limits and a size reader for the four formats
 * Converse accepts, so an image the service would refuse is caught before a call is made (and
 * before a token is paid for). Pure and dependency-free, like image-bytes.ts, which it builds on.
 *
 * Limits, from the Converse API reference (Message.content): up to 20 images per request, each at
 * most 3.75 MB, 8000 px wide and 8000 px high; images only in user messages.
 */
import { decodeBase64Prefix, readImageSize, sniffImageFormat, type ImageSize } from './image-bytes';

/** Converse's documented limit on images in one request (all messages together). */
export const MAX_CONVERSE_IMAGES = 20;
/** Converse's documented limit on each side of an image, in pixels. */
export const MAX_CONVERSE_IMAGE_SIDE = 8000;
/** The image formats a Converse image block may name. */
export const CONVERSE_IMAGE_FORMATS = ['png', 'jpeg', 'gif', 'webp'] as const;
export type ConverseImageFormat = (typeof CONVERSE_IMAGE_FORMATS)[number];

/**
 * How much of a base64 image is decoded to find its size. PNG, GIF and WebP keep it in the first
 * 30 bytes; a JPEG keeps it in its first start-of-frame segment, which follows the metadata
 * segments (EXIF can take up to 64 KB), so the prefix is generous.
 */
const SIZE_PREFIX_BYTES = 256 * 1024;

function littleEndian16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function littleEndian24(bytes: Uint8Array, at: number): number {
  return littleEndian16(bytes, at) | ((bytes[at + 2] ?? 0) << 16);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** GIF: the logical screen size, little-endian, right after the 6-byte signature. */
function gifSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 10) return undefined;
  return { width: littleEndian16(bytes, 6), height: littleEndian16(bytes, 8) };
}

/** WebP: the size is in the first chunk, whose layout depends on the chunk type. */
function webpSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 30) return undefined;
  const chunk = ascii(bytes, 12, 16);
  if (chunk === 'VP8X') {
    // Extended format: 24-bit canvas width and height minus one, after 4 bytes of flags.
    return { width: littleEndian24(bytes, 24) + 1, height: littleEndian24(bytes, 27) + 1 };
  }
  if (chunk === 'VP8L' && bytes[20] === 0x2f) {
    // Lossless: after the 0x2f signature, 14 bits of width minus one, then 14 of height.
    const bits =
      ((bytes[21] ?? 0) |
        ((bytes[22] ?? 0) << 8) |
        ((bytes[23] ?? 0) << 16) |
        ((bytes[24] ?? 0) << 24)) >>>
      0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
    // Lossy: a key frame's start code, then 14-bit width and height (2 bits of scaling each).
    return {
      width: littleEndian16(bytes, 26) & 0x3fff,
      height: littleEndian16(bytes, 28) & 0x3fff,
    };
  }
  return undefined;
}

/**
 * Width and height of a base64 PNG, JPEG, GIF or WebP image, read from its header; undefined when
 * the header cannot be read (the service then judges the image itself).
 */
export function base64ImageSize(b64: string): ImageSize | undefined {
  const format = sniffImageFormat(decodeBase64Prefix(b64, 16));
  if (format === undefined) return undefined;
  const prefix = decodeBase64Prefix(b64, format === 'jpeg' ? SIZE_PREFIX_BYTES : 32);
  const size =
    format === 'gif'
      ? gifSize(prefix)
      : format === 'webp'
        ? webpSize(prefix)
        : readImageSize(prefix);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/** True unless the image's header says it is wider or taller than Converse accepts. */
export function withinConverseSideLimit(b64: string): boolean {
  const size = base64ImageSize(b64);
  return (
    size === undefined ||
    (size.width <= MAX_CONVERSE_IMAGE_SIDE && size.height <= MAX_CONVERSE_IMAGE_SIDE)
  );
}
