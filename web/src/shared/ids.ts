/**
 * A random key for an Idempotency-Key header (128 bits, hex). getRandomValues, because
 * crypto.randomUUID exists only on HTTPS pages and the console may be served over plain HTTP.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
