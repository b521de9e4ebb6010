import { createHmac, timingSafeEqual } from 'node:crypto';
import { CivicError } from '../domain/errors';

/**
 * Pagination cursors are opaque to clients and signed, and bound to the query they continue, so a
 * client cannot edit one to start reading in another department's (or case's) index partition.
 */
export function writeCursor(key: Buffer, purpose: string, position: unknown, query: unknown): string {
  const body = Buffer.from(JSON.stringify({ q: query, p: position })).toString('base64url');
  return `${body}.${sign(key, purpose, body)}`;
}

export function readCursor<T>(key: Buffer, purpose: string, cursor: string, query: unknown): T {
  const invalid = () =>
    new CivicError(400, 'INVALID_CURSOR', '分页游标无效或与查询条件不符，请从第一页重新查询');
  const [body, signature] = cursor.split('.');
  if (!body || !signature) throw invalid();
  const expected = Buffer.from(sign(key, purpose, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  const decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { q: unknown; p: T };
  if (JSON.stringify(decoded.q) !== JSON.stringify(query)) throw invalid();
  return decoded.p;
}

function sign(key: Buffer, purpose: string, body: string): string {
  return createHmac('sha256', key).update(`cursor:${purpose}:${body}`).digest('base64url');
}
