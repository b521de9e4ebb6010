import {
  ATTACHMENT_RULES,
  ATTACHMENT_TYPES,
  acceptedTypesText,
  isAttachmentType,
  megabytes,
} from '../../../shared/domain/attachment';
import { api, problemOf } from './client';

/** What the file pickers accept: the API's own list of types. */
export const ACCEPTED_FILE_TYPES = Object.keys(ATTACHMENT_TYPES).join(',');
export const MAX_FILES = ATTACHMENT_RULES.maxFiles;
export const MAX_FILE_BYTES = ATTACHMENT_RULES.maxBytes;

/** Said before a byte is sent, with the same limits the API checks (it checks again). */
export function fileProblem(file: File): string | undefined {
  if (!isAttachmentType(file.type)) return `只能上传${acceptedTypesText()}文件`;
  if (file.size === 0) return '不能上传空文件';
  if (file.size > ATTACHMENT_RULES.maxBytes)
    return `单个附件不能超过 ${megabytes(ATTACHMENT_RULES.maxBytes)}`;
  return undefined;
}

export type UploadOutcome = { readonly uploadId: string } | { readonly problem: string };

/**
 * Uploads one file as the API says (POST /v1/uploads): a form for it, then the file posted with
 * that form straight to the attachment bucket. The upload id goes with the letter or reply.
 */
export async function uploadAttachment(file: File): Promise<UploadOutcome> {
  const early = fileProblem(file);
  if (early) return { problem: early };
  const offer = await api
    .POST('/v1/uploads', { body: { fileName: file.name, contentType: file.type as never, size: file.size } })
    .catch(() => ({ data: undefined, error: undefined, response: { status: 0 } }));
  if (!offer.data) return { problem: problemOf(offer.response.status, offer.error).message };
  const form = new FormData();
  for (const [name, value] of Object.entries(offer.data.fields)) form.append(name, value);
  form.append('file', file, file.name);
  const stored = await fetch(offer.data.url, { method: 'POST', body: form }).catch(() => undefined);
  if (!stored?.ok) return { problem: '上传失败，请检查网络后重试' };
  return { uploadId: offer.data.uploadId };
}

/** A file's size as people read it. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
