/**
 * Checks an image the learner attaches to a chat message before anything is sent: the format by
 * its magic bytes (not the file name), Converse's per-image limits (3.75 MB, 8,000 px a side),
 * and Stratum's own caps on images per message and per conversation. Pure, so it is unit-tested.
 */
import { MAX_CONVERSE_IMAGE_BYTES } from '../../../../shared/contract';
import { base64ImageSize, MAX_CONVERSE_IMAGE_SIDE } from '../../../../shared/converse-images';
import { sniffImageFormat } from '../../../../shared/image-bytes';
import type { ChatImage } from '../../db/schema';
import { formatCount } from '../../lib/format';
import {
  formatBytes,
  MAX_CONVERSATION_IMAGE_BYTES,
  MAX_IMAGES_PER_CONVERSATION,
  MAX_IMAGES_PER_TURN,
} from '../../db/conversations';

/** What is already attached or saved, so the caps can be checked. */
export interface AttachmentContext {
  /** Images waiting in the composer. */
  pending: readonly ChatImage[];
  /** Images already in the conversation's earlier turns. */
  earlier: readonly ChatImage[];
}

export type AttachmentCheck = { ok: true; image: ChatImage } | { ok: false; message: string };

/** Standard padded base64 of bytes (what Converse takes), without a data: prefix. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Why a file is refused for its size alone (checked before its bytes are read). */
export function tooLargeMessage(name: string, size: number): string {
  return `“${name}” is ${formatBytes(size)}; Converse takes images of at most 3.75 MB (${formatCount(MAX_CONVERSE_IMAGE_BYTES)} bytes) each. Save it smaller (lower resolution or more compression) and attach it again.`;
}

const sum = (images: readonly ChatImage[]) => images.reduce((n, i) => n + i.bytes, 0);

/** Checks one file's bytes against every rule; the message says what is wrong and what to do. */
export function checkImageAttachment(
  name: string,
  bytes: Uint8Array,
  context: AttachmentContext,
): AttachmentCheck {
  const format = sniffImageFormat(bytes);
  if (!format) {
    return {
      ok: false,
      message: `“${name}” is not a PNG, JPEG, GIF or WebP image (its first bytes do not match any of them). Converse accepts only those four formats: convert the file and attach it again.`,
    };
  }
  if (bytes.length > MAX_CONVERSE_IMAGE_BYTES) {
    return { ok: false, message: tooLargeMessage(name, bytes.length) };
  }
  const base64 = bytesToBase64(bytes);
  const size = base64ImageSize(base64);
  if (size && (size.width > MAX_CONVERSE_IMAGE_SIDE || size.height > MAX_CONVERSE_IMAGE_SIDE)) {
    return {
      ok: false,
      message: `“${name}” is ${size.width}×${size.height} pixels; Converse takes images of at most ${formatCount(MAX_CONVERSE_IMAGE_SIDE)} pixels on each side. Resize it and attach it again.`,
    };
  }
  if (context.pending.length >= MAX_IMAGES_PER_TURN) {
    return {
      ok: false,
      message: `A message can carry at most ${MAX_IMAGES_PER_TURN} images in Stratum. Send this one first, or remove an attached image.`,
    };
  }
  const count = context.pending.length + context.earlier.length;
  const total = sum(context.pending) + sum(context.earlier) + bytes.length;
  if (count >= MAX_IMAGES_PER_CONVERSATION || total > MAX_CONVERSATION_IMAGE_BYTES) {
    return {
      ok: false,
      message: `This conversation would hold more than ${MAX_IMAGES_PER_CONVERSATION} images or ${formatBytes(MAX_CONVERSATION_IMAGE_BYTES)} of images. Every image is sent again with each later message, so Stratum caps them: start a new conversation for more images.`,
    };
  }
  return { ok: true, image: { name, format, base64, bytes: bytes.length } };
}

/** The message shown when a model without vision is chosen and images are attached or sent. */
export function visionMessage(modelLabel: string): string {
  return `${modelLabel} does not accept images in Stratum's catalog. Pick a model marked “vision” to send images, or remove them.`;
}
