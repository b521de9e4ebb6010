import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Alibaba Cloud's V3 request signature (ACS3-HMAC-SHA256), checked as the provider checks it, from
 * its published description ("V3版本请求体&签名机制"): a canonical request of method, path, sorted
 * and RFC 3986-encoded query, the signed headers (`name:value`, sorted), their names and the
 * payload's SHA-256; the string to sign is the algorithm and that request's SHA-256; the signature
 * is HMAC-SHA256 with the AccessKey secret, hex.
 */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  /** The query as sent: the part of the URL after `?`. */
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export type SignatureCheck =
  | { readonly ok: true; readonly accessKeyId: string }
  | { readonly ok: false; readonly code: string; readonly message: string };

export function checkAcs3Signature(
  request: SignedRequest,
  secretOf: (accessKeyId: string) => string | undefined,
): SignatureCheck {
  const authorization = header(request, 'authorization');
  const match = new RegExp(
    `^${ACS3_ALGORITHM} Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$`,
  ).exec(authorization ?? '');
  if (!match)
    return refused('IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
  const [, accessKeyId = '', signedHeaderList = '', signature = ''] = match;
  const secret = secretOf(accessKeyId);
  if (!secret) return refused('InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  const signedHeaders = signedHeaderList.split(';');
  const required = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce'];
  const unsigned = required.filter((name) => !signedHeaders.includes(name));
  if (unsigned.length > 0)
    return refused('IncompleteSignature', `Headers not signed: ${unsigned.join(', ')}`);
  const payloadHash = sha256(request.body);
  if (header(request, 'x-acs-content-sha256') !== payloadHash) {
    return refused('InvalidParameter.ContentSHA256', 'x-acs-content-sha256 does not match the body.');
  }
  const canonicalRequest = [
    request.method,
    request.path,
    canonicalQuery(request.rawQuery),
    signedHeaders.map((name) => `${name}:${(header(request, name) ?? '').trim()}\n`).join(''),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const expected = createHmac('sha256', secret)
    .update(`${ACS3_ALGORITHM}\n${sha256(Buffer.from(canonicalRequest))}`)
    .digest('hex');
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    return refused('SignatureDoesNotMatch', 'Specified signature does not match our calculation.');
  }
  return { ok: true, accessKeyId };
}

/** Every parameter decoded, re-encoded the RFC 3986 way, sorted by name. */
function canonicalQuery(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=', 2);
      return [rfc3986(decodeURIComponent(name)), rfc3986(decodeURIComponent(value))] as const;
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function header(request: SignedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function refused(code: string, message: string): SignatureCheck {
  return { ok: false, code, message };
}
