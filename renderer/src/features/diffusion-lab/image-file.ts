/** Reading a learner's own image for the forward view: size limit, decoding, cover-crop. */
import { toSignedPixels } from '../../lib/diffusion';
import { formatCount } from '../../lib/format';

/** Files larger than this are refused before decoding (a photo this big is not a picture to noise). */
const MAX_FILE_BYTES = 40 * 1024 * 1024;

/** Decodes an image file and scales it (cover-cropped) to size x size; throws a learner-facing error. */
export async function loadImageFile(file: File, size: number): Promise<Float32Array> {
  if (file.size > MAX_FILE_BYTES)
    throw new Error(`The file is ${formatCount(file.size / 1e6)} MB; the limit is 40 MB.`);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(
      `“${file.name}” is not an image Stratum can read (PNG, JPEG, GIF, WebP or BMP).`,
    );
  }
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw images.');
  const side = Math.min(bitmap.width, bitmap.height);
  ctx.drawImage(
    bitmap,
    (bitmap.width - side) / 2,
    (bitmap.height - side) / 2,
    side,
    side,
    0,
    0,
    size,
    size,
  );
  bitmap.close();
  return toSignedPixels(ctx.getImageData(0, 0, size, size).data);
}
