import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { CivicClient, errorCode, LETTER } from '../support/civic-client';
import { postUpload, SAMPLE_FILES, type UploadOfferBody } from '../support/sample-files';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * Attachments end to end (issue 12, item 5), against `npm start`'s server and its S3 stand-in: a
 * citizen attaches a photo to a letter, the department opens it on the case and replies with a
 * PDF, the reviewer releases the photo, and each audience sees exactly its files.
 */
let server: ServerProcess;
let civic: CivicClient;

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-attachments-')),
    CIVICLINE_DATABASE: 'memory',
  });
  civic = new CivicClient(server.url);
});

afterAll(async () => {
  await server?.stop();
});

interface FileView {
  readonly id: string;
  readonly fileName: string;
  readonly origin: string;
  readonly publishable: boolean;
  readonly download: { readonly url: string };
}

/** What a browser does: ask for a form, post the file with it. */
async function upload(bytes: Uint8Array, fileName: string, contentType: string): Promise<string> {
  const offer = await civic.post('/v1/uploads', { fileName, contentType, size: bytes.length });
  expect(offer.status).toBe(201);
  expect(await postUpload(offer.body as unknown as UploadOfferBody, bytes, fileName)).toBe(204);
  return String(offer.body.uploadId);
}

const filesOf = (view: Record<string, unknown>) => view.attachments as FileView[];
const citizenView = async (caseId: string, queryCode: string) =>
  (await civic.get(`/v1/cases/${caseId}`, { 'x-query-code': queryCode })).body;
const bytesAt = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

describe('a photo with a letter, a PDF with the reply', () => {
  let caseId: string;
  let queryCode: string;
  let photo: string;
  let permit: string;

  it('the department that handles the case opens the citizen’s photo; another department cannot see it', async () => {
    photo = await upload(SAMPLE_FILES.png, '路灯不亮.png', 'image/png');
    ({ caseId, queryCode } = await civic.submitLetter({ title: '路灯不亮', attachments: [photo] }));
    await civic.must('dispatcher1', caseId, {
      type: 'transfer',
      departmentId: 'dept-housing',
      instructions: '请核实维修',
    });
    const asDepartment = await civic.viewAsStaff('housing1', caseId);
    expect(asDepartment.status).toBe(200);
    const [file] = filesOf(asDepartment.body);
    expect(file).toMatchObject({
      id: photo,
      fileName: '路灯不亮.png',
      origin: 'citizen',
      publishable: false,
    });
    expect(await bytesAt(file?.download.url ?? '')).toEqual(SAMPLE_FILES.png);
    expect((await civic.viewAsStaff('water1', caseId)).status).toBe(404);
  });

  it('the reply’s PDF reaches the citizen only once the reviewer approves it', async () => {
    await civic.must('housing1', caseId, { type: 'sign' });
    permit = await upload(SAMPLE_FILES.pdf, '维修记录.pdf', 'application/pdf');
    await civic.must('housing1', caseId, { type: 'reply', content: '已更换灯泡。', attachments: [permit] });
    expect(filesOf(await citizenView(caseId, queryCode)).map((f) => f.id)).toEqual([photo]);

    const asReviewer = (await civic.viewAsStaff('reviewer1', caseId)).body;
    expect(filesOf(asReviewer).map((f) => [f.id, f.origin])).toEqual([
      [photo, 'citizen'],
      [permit, 'department'],
    ]);
    expect((asReviewer.draftReply as { attachmentIds: string[] }).attachmentIds).toEqual([permit]);
    await civic.must('reviewer1', caseId, { type: 'review', approve: true });
    const seen = filesOf(await citizenView(caseId, queryCode));
    expect(seen.map((f) => f.fileName)).toEqual(['路灯不亮.png', '维修记录.pdf']);
    expect(await bytesAt(seen[1]?.download.url ?? '')).toEqual(SAMPLE_FILES.pdf);
  });

  it('nothing is public until a reviewer releases a file, and then only that file, under a neutral name', async () => {
    const published = async () =>
      (
        (await civic.get('/v1/public/cases')).body.cases as { caseId: string; attachments?: FileView[] }[]
      ).find((c) => c.caseId === caseId);
    expect((await published())?.attachments).toBeUndefined();
    const released = await civic.act('reviewer1', caseId, {
      type: 'publish_attachment',
      attachmentId: photo,
      publishable: true,
    });
    expect(released.status).toBe(200);
    expect(released.body.entry).toMatchObject({
      action: 'publish_attachment',
      note: '附件“路灯不亮.png”允许公开',
    });
    const files = (await published())?.attachments ?? [];
    expect(files.map((f) => f.fileName)).toEqual(['附件1.png']);
    expect(await bytesAt(files[0]?.download.url ?? '')).toEqual(SAMPLE_FILES.png);
    // Only a reviewer releases files.
    expect(
      (
        await civic.act('housing1', caseId, {
          type: 'publish_attachment',
          attachmentId: permit,
          publishable: true,
        })
      ).status,
    ).toBe(403);
  });

  it('never releases a file of a confidential letter', async () => {
    const secret = await upload(SAMPLE_FILES.jpeg, '现场.jpg', 'image/jpeg');
    const letter = await civic.submitLetter({ title: '保密来信', confidential: true, attachments: [secret] });
    await civic.must('dispatcher1', letter.caseId, { type: 'answer', answer: '已转告相关部门。' });
    const refused = await civic.act('reviewer1', letter.caseId, {
      type: 'publish_attachment',
      attachmentId: secret,
      publishable: true,
    });
    expect(refused.status).toBe(409);
    expect(errorCode(refused)).toBe('CASE_NOT_PUBLIC');
  });
});

describe('files that are not what they say', () => {
  it('refuses a page dressed as a photo with a Chinese message, and the letter is not written', async () => {
    const fake = await upload(SAMPLE_FILES.disguisedHtml, '照片.png', 'image/png');
    const refused = await civic.post('/v1/letters', {
      ...LETTER,
      title: '附件被拒',
      attachments: [fake],
    });
    expect(refused.status).toBe(400);
    expect(errorCode(refused)).toBe('ATTACHMENT_REJECTED');
    expect((refused.body.error as { message: string }).message).toMatch(/^附件“照片.png”的内容不是/);
    const listed = (await civic.list('dispatcher1', { kind: 'letter', limit: '100' })).body.cases as {
      title: string;
    }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((row) => row.title === '附件被拒')).toEqual([]);
  });

  it('takes at most five files with a letter', async () => {
    const six = Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    const refused = await civic.post('/v1/letters', {
      ...LETTER,
      attachments: six,
    });
    expect(refused.status).toBe(400);
    expect((refused.body.error as { details: { message: string }[] }).details[0]?.message).toBe(
      '最多上传5个附件',
    );
  });
});
