/**
 * Files attached to a case (附件): a citizen's photos or documents with a letter or consultation,
 * a department's with its reply. The one place their limits live — the upload policy, the check
 * after upload, the request schemas, the bucket's lifecycle rule and the pages all read them here.
 */
export const ATTACHMENT_RULES = {
  /** At most this many files with one letter, consultation or reply. */
  maxFiles: 5,
  maxBytes: 10 * 1024 * 1024,
  /** How long a presigned upload form may be used. */
  uploadExpiresSeconds: 15 * 60,
  /** How long a download address works: long enough to open, too short to pass around. */
  downloadExpiresSeconds: 5 * 60,
  /** Uploads never linked to a case are deleted by the bucket's lifecycle rule after this. */
  unlinkedUploadDays: 1,
} as const;

/** The accepted kinds of file, by the content type a client declares and its magic bytes prove. */
export const ATTACHMENT_TYPES = {
  'image/jpeg': { label: 'JPEG 图片', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG 图片', extensions: ['png'] },
  'application/pdf': { label: 'PDF 文档', extensions: ['pdf'] },
} as const;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export const ATTACHMENT_TYPE_NAMES = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];

export function isAttachmentType(value: string): value is AttachmentType {
  return Object.hasOwn(ATTACHMENT_TYPES, value);
}

/** Who attached a file: the citizen with the case, or the department with its reply. */
export type AttachmentOrigin = 'citizen' | 'department';

/** A verified file linked to a case. Its bytes are in the attachment bucket at attachmentKey(). */
export interface Attachment {
  /** The upload id it was uploaded under (a random UUID): unique, and its object's name. */
  readonly id: string;
  readonly fileName: string;
  readonly contentType: AttachmentType;
  readonly size: number;
  readonly origin: AttachmentOrigin;
  /** Staff username, or `citizen`. */
  readonly addedBy: string;
  readonly addedAt: string;
  /** Set by a reviewer: shown with the published case (公开). Never set on a confidential case. */
  readonly publishable?: boolean;
}

/** Where an upload waits until a case links it (the lifecycle rule deletes what is left here). */
export const UPLOAD_PREFIX = 'uploads/';
/** Where linked files live, one folder per case. */
export const CASE_FILES_PREFIX = 'cases/';

export function uploadKey(uploadId: string): string {
  return `${UPLOAD_PREFIX}${uploadId}`;
}

export function attachmentKey(caseId: string, attachmentId: string): string {
  return `${CASE_FILES_PREFIX}${caseId}/${attachmentId}`;
}

/**
 * What the store says of an upload: its size and the type and name declared with it, and the type
 * its first bytes show (its magic bytes), whatever it was declared as.
 */
export interface UploadedFile {
  readonly uploadId: string;
  readonly size: number;
  readonly declaredType: string;
  readonly fileName: string;
  readonly sniffedType: string | undefined;
}

/** Why an upload is refused, in words for the person who sent it; undefined when it is accepted. */
export function uploadRejection(file: UploadedFile): string | undefined {
  const name = `“${file.fileName}”`;
  if (file.size === 0) return `附件${name}是空文件`;
  if (file.size > ATTACHMENT_RULES.maxBytes) return `附件${name}超过 ${megabytes(ATTACHMENT_RULES.maxBytes)}`;
  if (!isAttachmentType(file.declaredType) || file.sniffedType !== file.declaredType) {
    return `附件${name}的内容不是${acceptedTypesText()}文件`;
  }
  return undefined;
}

export function acceptedTypesText(): string {
  return Object.values(ATTACHMENT_TYPES)
    .map((t) => t.label.replace(/ (图片|文档)$/, ''))
    .join('、');
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * The files of a case a citizen sees with the query code: their own, and those of the reply that
 * reached them — never a reply still under review.
 */
export function citizenAttachments(
  attachments: readonly Attachment[],
  deliveredReplyFiles: readonly string[],
): Attachment[] {
  return attachments.filter((a) => a.origin === 'citizen' || deliveredReplyFiles.includes(a.id));
}

/**
 * The files shown with a published case: only those a reviewer marked publishable, under neutral
 * names (附件1.jpg …) — a file's own name may carry the writer's name.
 */
export function publishedAttachments(attachments: readonly Attachment[]): Attachment[] {
  return attachments
    .filter((a) => a.publishable === true)
    .map((a, index) => ({
      ...a,
      fileName: `附件${index + 1}.${ATTACHMENT_TYPES[a.contentType].extensions[0]}`,
    }));
}
