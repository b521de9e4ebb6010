import { randomUUID } from 'node:crypto';
import { type AbuseLimits, uploadLimits } from '../domain/abuse-limits';
import {
  ATTACHMENT_RULES,
  type Attachment,
  type AttachmentOrigin,
  type AttachmentType,
  attachmentKey,
  uploadRejection,
} from '../domain/attachment';
import { CivicError } from '../domain/errors';
import type { AttachmentFiles, DownloadLink, UploadForm } from '../ports/attachment-files';
import type { Log } from '../ports/log';
import type { RateLimiter } from '../ports/rate-limiter';

export interface UploadOfferDependencies {
  readonly files: AttachmentFiles;
  readonly limiter: RateLimiter;
  readonly abuseLimits: AbuseLimits;
}

/** What a client asks to upload; validated at the edge (upload-schemas.ts). */
export interface UploadAsk {
  readonly fileName: string;
  readonly contentType: AttachmentType;
  readonly size: number;
}

export interface UploadOffer extends UploadForm {
  /** Named in the letter, consultation or reply the file goes with. */
  readonly uploadId: string;
  readonly maxBytes: number;
}

/**
 * POST /v1/uploads: a presigned form for one file, straight to the bucket. Nothing is recorded:
 * the upload id is random and known only to whoever asked, and an upload no case links is
 * deleted by the bucket's lifecycle rule.
 */
export async function offerUpload(
  deps: UploadOfferDependencies,
  ask: UploadAsk,
  client: string,
): Promise<UploadOffer> {
  await deps.limiter.take(uploadLimits(deps.abuseLimits, client));
  const uploadId = randomUUID();
  const form = await deps.files.uploadForm({ uploadId, ...ask }, ATTACHMENT_RULES.uploadExpiresSeconds);
  return { uploadId, ...form, maxBytes: Math.min(ask.size, ATTACHMENT_RULES.maxBytes) };
}

export interface AttachingDependencies {
  readonly files: AttachmentFiles;
  readonly log: Log;
}

/** Who attaches the files, and when. */
export interface Attaching {
  readonly origin: AttachmentOrigin;
  readonly by: string;
  readonly at: string;
}

/**
 * The uploads named in a request, verified: each is there, not empty, at most the size limit, and
 * its magic bytes are of the type it was declared as (JPEG, PNG or PDF). A refused file is deleted
 * and the request fails before anything is written; a missing one fails it too.
 */
export async function verifiedUploads(
  deps: AttachingDependencies,
  uploadIds: readonly string[],
  attaching: Attaching,
): Promise<Attachment[]> {
  return Promise.all(
    uploadIds.map(async (uploadId, index) => {
      const file = await deps.files.inspectUpload(uploadId);
      const field = `attachments.${index}`;
      if (!file) {
        throw new CivicError(400, 'ATTACHMENT_NOT_FOUND', '附件未上传成功或已过期，请重新上传', [
          { field, message: '附件未上传成功或已过期，请重新上传' },
        ]);
      }
      const rejection = uploadRejection(file);
      if (rejection) {
        await deps.files
          .discardUpload(uploadId)
          .catch((error: Error) => deps.log.warn('refused upload not deleted', { uploadId, error }));
        throw new CivicError(400, 'ATTACHMENT_REJECTED', `${rejection}，已删除，请重新上传`, [
          { field, message: rejection },
        ]);
      }
      return {
        id: uploadId,
        fileName: file.fileName,
        contentType: file.declaredType as AttachmentType,
        size: file.size,
        origin: attaching.origin,
        addedBy: attaching.by,
        addedAt: attaching.at,
      };
    }),
  );
}

/**
 * Copies verified uploads under their case, before the case that names them is stored (a retry
 * copies again, harmlessly). The uploads themselves stay until the lifecycle rule removes them, so
 * a retry of a request that crashed after storing its case still finds them.
 */
export async function keepAttachments(
  deps: Pick<AttachingDependencies, 'files'>,
  caseId: string,
  attachments: readonly Attachment[],
): Promise<void> {
  await Promise.all(attachments.map((a) => deps.files.keep(a.id, attachmentKey(caseId, a.id))));
}

/** A file as a view shows it: what it is, and a short-lived address to open it. */
export interface AttachmentView {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: AttachmentType;
  readonly size: number;
  readonly origin: AttachmentOrigin;
  readonly addedAt: string;
  readonly publishable: boolean;
  readonly download: DownloadLink;
}

/** What a view that shows files needs. */
export interface AttachmentReading {
  readonly files: AttachmentFiles;
}

/** Short-lived download links for the files a viewer may see (who sees which is the caller's rule). */
export async function attachmentViews(
  files: AttachmentFiles,
  caseId: string,
  attachments: readonly Attachment[],
): Promise<AttachmentView[]> {
  return Promise.all(
    attachments.map(async (a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      origin: a.origin,
      addedAt: a.addedAt,
      publishable: a.publishable === true,
      download: await files.downloadLink(
        attachmentKey(caseId, a.id),
        a.fileName,
        ATTACHMENT_RULES.downloadExpiresSeconds,
      ),
    })),
  );
}
