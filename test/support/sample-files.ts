/**
 * Small real files of each accepted kind, and one that only pretends to be a picture: what the
 * attachment tests upload. Built from their formats' own signatures, not from a library.
 */
export const SAMPLE_FILES = {
  /** A 1×1 PNG. */
  png: Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e5273fcc0000000049454e44ae426082',
    'hex',
  ),
  /** The start of a JFIF JPEG (SOI, APP0), padded. */
  jpeg: Buffer.concat([
    Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
    Buffer.alloc(64, 0),
    Buffer.from('ffd9', 'hex'),
  ]),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  /** A web page named and declared as a photo. */
  disguisedHtml: Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
} as const;

/** What POST /v1/uploads hands out. */
export interface UploadOfferBody {
  readonly uploadId: string;
  readonly url: string;
  readonly fields: Record<string, string>;
}

/** Posts a file with its presigned form, as a browser does: the fields first, the file last. */
export async function postUpload(
  offer: UploadOfferBody,
  bytes: Uint8Array,
  fileName: string,
): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(offer.fields)) form.append(name, value);
  form.append('file', new Blob([bytes]), fileName);
  const response = await fetch(offer.url, { method: 'POST', body: form });
  await response.arrayBuffer();
  return response.status;
}
