import { HeadObjectCommand, NotFound, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamodb-local';
import { type Handler, invoke, sampleBody, sampleEvent } from '../support/events';
import { functionHandler } from '../support/isolated-functions';
import { type LocalEnvironment, lettersTitled, useLocalEnvironment } from '../support/local-environment';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';
import { postUpload, SAMPLE_FILES, type UploadOfferBody } from '../support/sample-files';

/**
 * Attachments through the real handlers (issue 12, item 5): a form from offer-upload, the file
 * posted to the local S3 stand-in, the letter linking it only once its bytes are checked.
 */
let env: LocalEnvironment;
let workflow: LocalWorkflow;
let offerUpload: Handler;
let submitLetter: Handler;
let getCase: Handler;
const s3 = new S3Client({
  endpoint: inject('localS3').endpoint,
  region: LOCAL_REGION,
  credentials: LOCAL_CREDENTIALS,
  forcePathStyle: true,
});

beforeAll(async () => {
  env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  offerUpload = await functionHandler('offer-upload');
  submitLetter = await functionHandler('submit-letter');
  getCase = await functionHandler('get-case');
});

afterAll(async () => {
  await workflow?.close();
  s3.destroy();
});

async function uploaded(bytes: Uint8Array, fileName: string, contentType: string): Promise<string> {
  const offer = await invoke(
    offerUpload,
    sampleEvent('offer-upload', { body: { fileName, contentType, size: bytes.length } }),
  );
  expect(offer.status).toBe(201);
  expect(await postUpload(offer.body as unknown as UploadOfferBody, bytes, fileName)).toBe(204);
  return String(offer.body.uploadId);
}

const letterWith = (title: string, attachments: string[]) =>
  invoke(
    submitLetter,
    sampleEvent('submit-letter', { body: { ...sampleBody('submit-letter'), title, attachments } }),
  );

const uploadExists = (uploadId: string) =>
  s3
    .send(new HeadObjectCommand({ Bucket: inject('localS3').bucket, Key: `uploads/${uploadId}` }))
    .then(() => true)
    .catch((error: unknown) => {
      if (error instanceof NotFound) return false;
      throw error;
    });

describe('a citizen attaching files to a letter', () => {
  it('links a photo and a PDF, which the citizen opens again with the query code', async () => {
    const photo = await uploaded(SAMPLE_FILES.png, '路灯.png', 'image/png');
    const permit = await uploaded(SAMPLE_FILES.pdf, '施工许可.pdf', 'application/pdf');
    const submitted = await letterWith('路灯不亮（附照片）', [photo, permit]);
    expect(submitted.status).toBe(201);
    const { caseId, queryCode } = submitted.body as { caseId: string; queryCode: string };

    const read = await invoke(
      getCase,
      sampleEvent('get-case', { pathParameters: { caseId }, headers: { 'x-query-code': queryCode } }),
    );
    expect(read.status).toBe(200);
    const files = read.body.attachments as {
      id: string;
      fileName: string;
      size: number;
      download: { url: string };
    }[];
    expect(files.map(({ id, fileName, size }) => ({ id, fileName, size }))).toEqual([
      { id: photo, fileName: '路灯.png', size: SAMPLE_FILES.png.length },
      { id: permit, fileName: '施工许可.pdf', size: SAMPLE_FILES.pdf.length },
    ]);
    const download = await fetch(files[0]?.download.url ?? '');
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(SAMPLE_FILES.png);
    expect(new URL(files[0]?.download.url ?? '').pathname).toBe(
      `/${inject('localS3').bucket}/cases/${caseId}/${photo}`,
    );
  });

  it('refuses a page dressed as a photo, deletes it, and writes no case', async () => {
    const disguised = await uploaded(SAMPLE_FILES.disguisedHtml, '照片.png', 'image/png');
    const real = await uploaded(SAMPLE_FILES.jpeg, '现场.jpg', 'image/jpeg');
    const refused = await letterWith('伪装附件', [real, disguised]);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'ATTACHMENT_REJECTED',
      message: '附件“照片.png”的内容不是JPEG、PNG、PDF文件，已删除，请重新上传',
      details: [{ field: 'attachments.1' }],
    });
    expect(await uploadExists(disguised)).toBe(false);
    expect(await uploadExists(real)).toBe(true);
    expect(await lettersTitled(env, '伪装附件')).toBe(0);
  });

  it('refuses an upload that never arrived, and a request for a type it does not take', async () => {
    const missing = await letterWith('未上传的附件', ['5d0c7e0a-1c9b-4b8e-9f3a-7a6b5c4d3e2f']);
    expect(missing.status).toBe(400);
    expect((missing.body.error as { code: string }).code).toBe('ATTACHMENT_NOT_FOUND');
    expect(await lettersTitled(env, '未上传的附件')).toBe(0);

    const html = await invoke(
      offerUpload,
      sampleEvent('offer-upload', { body: { fileName: 'a.html', contentType: 'text/html', size: 10 } }),
    );
    expect(html.status).toBe(400);
    expect(html.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
