import type { AttachmentType, UploadedFile } from '../domain/attachment';

export type { UploadedFile };

/** A form the browser posts the file with, straight to the store; the policy in it limits what it takes. */
export interface UploadForm {
  readonly url: string;
  /** Every field goes into the form before the file, which comes last as `file`. */
  readonly fields: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

export interface DownloadLink {
  readonly url: string;
  readonly expiresAt: string;
}

/** What is asked to be uploaded: checked again, from the bytes, before it is linked to a case. */
export interface UploadRequest {
  readonly uploadId: string;
  readonly fileName: string;
  readonly contentType: AttachmentType;
  readonly size: number;
}

/**
 * The bucket of attached files (S3 in the cloud, a local S3-compatible server on a developer
 * machine). Uploads go straight from the browser to the bucket; the functions only sign forms and
 * links, inspect what arrived, and move it under its case.
 */
export interface AttachmentFiles {
  /** A presigned POST for one file: the store refuses another key, type or a size over the request's. */
  uploadForm(request: UploadRequest, expiresInSeconds: number): Promise<UploadForm>;
  /** The upload as stored, or undefined when nothing (or nothing any more) is under its id. */
  inspectUpload(uploadId: string): Promise<UploadedFile | undefined>;
  /** Copies an upload to its place under the case; doing it twice is harmless. */
  keep(uploadId: string, key: string): Promise<void>;
  /** Deletes an upload: refused, or kept under its case. Deleting what is gone is harmless. */
  discardUpload(uploadId: string): Promise<void>;
  /** A short-lived address that downloads the file under its own name. */
  downloadLink(key: string, fileName: string, expiresInSeconds: number): Promise<DownloadLink>;
}
