import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The query code (查询码) lets a citizen follow a case without an account. It is a secret:
 * we keep only a keyed hash and compare in constant time. 8 characters from a 32-letter alphabet
 * without look-alikes (0/O, 1/I) give 40 bits, which with per-case attempt limits cannot be guessed.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const LENGTH = 8;

export function randomQueryCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/**
 * A replayed submission (same Idempotency-Key) must show the same code again without the code
 * ever being stored, so such codes are derived from the secret key, the case and the request key.
 */
export function derivedQueryCode(secret: Buffer, caseId: string, idempotencyKey: string): string {
  const digest = createHmac('sha256', secret).update(`query-code:${caseId}:${idempotencyKey}`).digest();
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[(digest[i] ?? 0) % ALPHABET.length];
  return code;
}

export function normalizeQueryCode(raw: string): string {
  return raw.trim().toUpperCase();
}

export function hashQueryCode(secret: Buffer, caseId: string, code: string): string {
  return createHmac('sha256', secret)
    .update(`query-hash:${caseId}:${normalizeQueryCode(code)}`)
    .digest('base64url');
}

export function queryCodeMatches(secret: Buffer, caseId: string, code: string, storedHash: string): boolean {
  const presented = Buffer.from(hashQueryCode(secret, caseId, code));
  const stored = Buffer.from(storedHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
