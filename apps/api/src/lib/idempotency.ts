import { createHash } from 'node:crypto';
import { ApiError } from './api-error';

/** JSON with object keys sorted, so the same request always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of a request body: tells a plain retry from a different request under the same key. */
export const requestHashOf = (body: unknown): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

/**
 * A UUID derived from a caller and their idempotency key (RFC 9562 version 8): a retried create
 * names the same resource, and so the same workflow, however many API processes it reaches.
 */
export function idempotentUuid(scope: string, callerId: string, key: string): string {
  const bytes = createHash('sha256').update(`${scope}\u0000${callerId}\u0000${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** 409: the caller's idempotency key already created something else (`what`: the thing, in each language). */
export function keyUsed(zh: string, en: string): ApiError {
  return new ApiError('conflict', { message: { zh: `该幂等键已用于创建另一份${zh}，请换用新的键`, en: `This idempotency key already created a different ${en}; use a new key` } });
}
