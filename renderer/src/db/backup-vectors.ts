/**
 * How a backup file carries an embedding (RagVector.vector, a Float32Array): the array's bytes,
 * little-endian IEEE 754 single precision, as standard padded base64. Exact (every bit comes
 * back, -0 and subnormals included) and compact: 1,024 numbers take 5,464 characters, where JSON
 * numbers with enough digits to round-trip take about 12 each. Pure, so the worker can decode.
 */

/** Characters per btoa call: String.fromCharCode(...bytes) takes at most this many arguments. */
const CHUNK = 0x8000;

/** The base64 of `vector`'s numbers as little-endian float32 bytes (the machine's order aside). */
export function encodeFloat32(vector: Float32Array): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i]!, true);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The vector a backup's base64 text holds, or why it holds none: not base64, a byte count that is
 * not whole numbers (a multiple of 4), or a number that is not finite (an embedding never holds
 * NaN or infinity; a search over one would rank nothing).
 */
export function decodeFloat32(text: string): Float32Array<ArrayBuffer> | string {
  if (!BASE64.test(text)) return 'not base64 (the vector is stored as base64 of float32 bytes)';
  const binary = atob(text);
  if (binary.length === 0) return 'an empty vector';
  if (binary.length % 4 !== 0)
    return `${binary.length} bytes, not a whole number of 4-byte float32 numbers`;
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const vector = new Float32Array(binary.length / 4);
  for (let i = 0; i < vector.length; i++) {
    const x = view.getFloat32(i * 4, true);
    if (!Number.isFinite(x)) return `number ${i + 1} is ${x}, not a finite number`;
    vector[i] = x;
  }
  return vector;
}
