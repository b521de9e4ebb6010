import type { S3Client } from '@aws-sdk/client-s3';
import { ATTACHMENT_RULES, uploadKey } from '../domain/attachment';
import type { AttachmentFiles } from '../ports/attachment-files';

/** The metadata field the declared file name travels in (URI-encoded: S3 metadata is ASCII). */
const FILE_NAME_FIELD = 'x-amz-meta-file-name';
const FILE_NAME_METADATA = 'file-name';

/** Enough of a file's start for every signature the accepted types have. */
const SIGNATURE_BYTES = 4100;

/**
 * The attachment bucket on S3 (or a local S3-compatible server). The presigned POST carries a
 * policy S3 enforces: this key only, this content type and name, at most the declared size. What
 * arrives is still checked from its bytes before a case links it (inspectUpload), because a
 * policy says nothing about what the bytes are.
 */
export function s3AttachmentFiles(
  clientOf: () => Promise<S3Client>,
  bucketOf: () => string,
): AttachmentFiles {
  // The SDK's S3 modules and the signature reader load when a file is first handled.
  const sdk = () => import('@aws-sdk/client-s3');
  // Signatures expire by the real clock, whatever clock the cases are kept by (a local one may run fast).
  const expiry = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
  return {
    async uploadForm(request, expiresInSeconds) {
      const fileName = encodeURIComponent(request.fileName);
      const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
      const form = await createPresignedPost(await clientOf(), {
        Bucket: bucketOf(),
        Key: uploadKey(request.uploadId),
        Conditions: [
          ['content-length-range', 1, Math.min(request.size, ATTACHMENT_RULES.maxBytes)],
          ['eq', '$Content-Type', request.contentType],
          ['eq', `$${FILE_NAME_FIELD}`, fileName],
        ],
        Fields: { 'Content-Type': request.contentType, [FILE_NAME_FIELD]: fileName },
        Expires: expiresInSeconds,
      });
      return { url: form.url, fields: form.fields, expiresAt: expiry(expiresInSeconds) };
    },

    async inspectUpload(uploadId) {
      const key = uploadKey(uploadId);
      const { HeadObjectCommand, GetObjectCommand, NotFound, NoSuchKey } = await sdk();
      const client = await clientOf();
      const head = await client
        .send(new HeadObjectCommand({ Bucket: bucketOf(), Key: key }))
        .catch((error: unknown) => {
          if (error instanceof NotFound || error instanceof NoSuchKey) return undefined;
          throw error;
        });
      if (!head) return undefined;
      const size = head.ContentLength ?? 0;
      const fileName = decodeFileName(head.Metadata?.[FILE_NAME_METADATA]) ?? uploadId;
      const declaredType = head.ContentType ?? '';
      // A file too large or empty is refused on its size; its bytes need not be read.
      if (size === 0 || size > ATTACHMENT_RULES.maxBytes) {
        return { uploadId, size, declaredType, fileName, sniffedType: undefined };
      }
      const start = await client.send(
        new GetObjectCommand({ Bucket: bucketOf(), Key: key, Range: `bytes=0-${SIGNATURE_BYTES - 1}` }),
      );
      const bytes = (await start.Body?.transformToByteArray()) ?? new Uint8Array();
      const { sniffedType } = await import('./file-signature');
      return { uploadId, size, declaredType, fileName, sniffedType: await sniffedType(bytes) };
    },

    async keep(uploadId, key) {
      const { CopyObjectCommand } = await sdk();
      await (await clientOf()).send(
        new CopyObjectCommand({
          Bucket: bucketOf(),
          Key: key,
          CopySource: `${bucketOf()}/${uploadKey(uploadId)}`,
        }),
      );
    },

    async discardUpload(uploadId) {
      const { DeleteObjectCommand } = await sdk();
      await (await clientOf()).send(
        new DeleteObjectCommand({ Bucket: bucketOf(), Key: uploadKey(uploadId) }),
      );
    },

    async downloadLink(key, fileName, expiresInSeconds) {
      const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([
        sdk(),
        import('@aws-sdk/s3-request-presigner'),
      ]);
      const url = await getSignedUrl(
        await clientOf(),
        new GetObjectCommand({
          Bucket: bucketOf(),
          Key: key,
          // Opens in the browser under its own name (RFC 6266 with RFC 5987 for Chinese names).
          ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        }),
        { expiresIn: expiresInSeconds },
      );
      return { url, expiresAt: expiry(expiresInSeconds) };
    },
  };
}

function decodeFileName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
