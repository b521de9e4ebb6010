import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { s3AttachmentFiles } from '../../../shared/adapters/s3-attachment-files';
import { ATTACHMENT_RULES } from '../../../shared/domain/attachment';

/**
 * What S3 itself enforces on an upload is the policy inside the presigned form: signed offline
 * here and read back, since the local S3 stand-in does not enforce it.
 */
const files = s3AttachmentFiles(
  async () =>
    new S3Client({
      region: 'cn-north-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    }),
  () => 'civicline-attachments',
);

describe('the presigned upload form', () => {
  it('limits the key, the size, the content type and the name, and expires in 15 minutes', async () => {
    const before = Date.now();
    const form = await files.uploadForm(
      {
        uploadId: '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
        fileName: '路灯.jpg',
        contentType: 'image/jpeg',
        size: 2_000_000,
      },
      ATTACHMENT_RULES.uploadExpiresSeconds,
    );
    expect(form.url).toMatch(/civicline-attachments/);
    expect(form.fields).toMatchObject({
      key: 'uploads/9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
      'Content-Type': 'image/jpeg',
      'x-amz-meta-file-name': encodeURIComponent('路灯.jpg'),
    });
    const policy = JSON.parse(Buffer.from(String(form.fields.Policy), 'base64').toString('utf8')) as {
      expiration: string;
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 2_000_000],
        ['eq', '$Content-Type', 'image/jpeg'],
        ['eq', '$x-amz-meta-file-name', encodeURIComponent('路灯.jpg')],
        { key: 'uploads/9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f' },
        { bucket: 'civicline-attachments' },
      ]),
    );
    const expires = Date.parse(policy.expiration) - before;
    expect(expires).toBeGreaterThan(14 * 60_000);
    expect(expires).toBeLessThanOrEqual(15 * 60_000 + 1000);
  });

  it('signs download links for five minutes, opening the file under its own name', async () => {
    const link = await files.downloadLink(
      'cases/XJ20261202000001/9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
      '路灯 照片.jpg',
      ATTACHMENT_RULES.downloadExpiresSeconds,
    );
    const url = new URL(link.url);
    expect(url.pathname).toMatch(/cases\/XJ20261202000001\//);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent('路灯 照片.jpg')}`,
    );
  });
});
