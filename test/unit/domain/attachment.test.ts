import { describe, expect, it } from 'vitest';
import { sniffedType } from '../../../shared/adapters/file-signature';
import {
  ATTACHMENT_RULES,
  type Attachment,
  citizenAttachments,
  publishedAttachments,
  type UploadedFile,
  uploadRejection,
} from '../../../shared/domain/attachment';
import { attachmentIds } from '../../../shared/domain/attachment-field';
import type { Case } from '../../../shared/domain/case';
import { applyAction } from '../../../shared/domain/lifecycle/apply-action';
import type { StaffActor } from '../../../shared/domain/roles';
import { availableActions } from '../../../shared/domain/staff-view';
import { uploadRequestSchema } from '../../../shared/http/upload-schemas';
import { contextAt, dispatcher, newCase, reviewer } from '../../support/domain-fixtures';
import { SAMPLE_FILES } from '../../support/sample-files';

const upload = (changes: Partial<UploadedFile>): UploadedFile => ({
  uploadId: '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
  size: 1024,
  declaredType: 'image/png',
  fileName: '路灯.png',
  sniffedType: 'image/png',
  ...changes,
});

describe('a file is known by its bytes, not its name', () => {
  it('reads JPEG, PNG and PDF from their signatures, and nothing from a page dressed as a photo', async () => {
    expect(await sniffedType(SAMPLE_FILES.png)).toBe('image/png');
    expect(await sniffedType(SAMPLE_FILES.jpeg)).toBe('image/jpeg');
    expect(await sniffedType(SAMPLE_FILES.pdf)).toBe('application/pdf');
    expect(await sniffedType(SAMPLE_FILES.disguisedHtml)).not.toBe('image/png');
  });

  it('accepts a file whose bytes are what it was declared as, within the size limit', () => {
    expect(uploadRejection(upload({}))).toBeUndefined();
    expect(uploadRejection(upload({ size: ATTACHMENT_RULES.maxBytes }))).toBeUndefined();
  });

  it('refuses, in Chinese, an empty file, one over 10 MB, and one whose bytes are of another type', () => {
    expect(uploadRejection(upload({ size: 0 }))).toBe('附件“路灯.png”是空文件');
    expect(uploadRejection(upload({ size: ATTACHMENT_RULES.maxBytes + 1 }))).toBe('附件“路灯.png”超过 10 MB');
    expect(uploadRejection(upload({ sniffedType: undefined }))).toBe(
      '附件“路灯.png”的内容不是JPEG、PNG、PDF文件',
    );
    expect(uploadRejection(upload({ sniffedType: 'image/jpeg' }))).toMatch(/内容不是/);
    expect(uploadRejection(upload({ declaredType: 'text/html', sniffedType: 'text/html' }))).toMatch(
      /内容不是/,
    );
  });
});

describe('who sees which file', () => {
  const file = (id: string, origin: Attachment['origin'], publishable?: boolean): Attachment => ({
    id,
    fileName: `${id}-张三.jpg`,
    contentType: 'image/jpeg',
    size: 10,
    origin,
    addedBy: origin === 'citizen' ? 'citizen' : 'housing1',
    addedAt: '2026-12-01T00:00:00.000Z',
    ...(publishable === undefined ? {} : { publishable }),
  });
  const files = [file('a', 'citizen'), file('b', 'department'), file('c', 'department', true)];

  it('gives the citizen their own files and those of the reply that reached them', () => {
    expect(citizenAttachments(files, []).map((f) => f.id)).toEqual(['a']);
    expect(citizenAttachments(files, ['c']).map((f) => f.id)).toEqual(['a', 'c']);
  });

  it('publishes only what a reviewer released, under neutral names', () => {
    expect(publishedAttachments(files)).toEqual([
      { ...file('c', 'department', true), fileName: '附件1.jpg' },
    ]);
  });
});

describe('what a client may ask to upload (POST /v1/uploads)', () => {
  const ask = { fileName: '现场照片.JPG', contentType: 'image/jpeg', size: 2_000_000 };
  const messages = (changes: Record<string, unknown>) =>
    (uploadRequestSchema.safeParse({ ...ask, ...changes }).error?.issues ?? []).map((i) => i.message);

  it('takes a photo or a PDF of up to 10 MB whose name ends as its type', () => {
    expect(uploadRequestSchema.parse(ask)).toEqual(ask);
    expect(messages({ fileName: '许可证.pdf', contentType: 'application/pdf' })).toEqual([]);
  });

  it('refuses other types, empty or oversized files, a mismatched extension and path tricks', () => {
    expect(messages({ contentType: 'text/html' })).toEqual(['只能上传JPEG、PNG、PDF文件']);
    expect(messages({ size: 0 })).toEqual(['不能上传空文件']);
    expect(messages({ size: ATTACHMENT_RULES.maxBytes + 1 })).toEqual(['单个附件不能超过 10 MB']);
    expect(messages({ fileName: '照片.exe' })).toEqual(['文件扩展名与文件类型不符']);
    expect(messages({ fileName: '../../etc/passwd.jpg' })).toEqual(['文件名不能包含斜杠或控制字符']);
  });

  it('takes at most five distinct upload ids with a letter or reply', () => {
    const ids = Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    const field = attachmentIds();
    expect(field.safeParse(ids.slice(0, 5)).success).toBe(true);
    expect(field.safeParse(ids).error?.issues[0]?.message).toBe('最多上传5个附件');
    expect(field.safeParse([ids[0], ids[0]]).error?.issues[0]?.message).toBe('同一附件不能重复添加');
    expect(field.safeParse(['not-an-id']).error?.issues[0]?.message).toBe('附件编号无效，请重新上传');
  });
});

describe('releasing a file (publish_attachment)', () => {
  const file: Attachment = {
    id: '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
    fileName: '路灯.png',
    contentType: 'image/png',
    size: 70,
    origin: 'citizen',
    addedBy: 'citizen',
    addedAt: '2026-11-02T01:00:00.000Z',
  };
  const answered = (changes: Partial<Case> = {}) =>
    applyAction(
      { ...newCase(), ...changes },
      { type: 'answer', answer: '已答复' },
      dispatcher,
      contextAt('2026-11-02T10:00:00+08:00'),
    ).after;
  const release = (c: Case) =>
    applyAction(
      c,
      { type: 'publish_attachment', attachmentId: file.id, publishable: true },
      reviewer,
      contextAt('2026-11-02T11:00:00+08:00'),
    );

  it('is offered to a reviewer only on a case with files, and marks that file only', () => {
    const reviewerActor = reviewer as StaffActor;
    expect(availableActions(answered(), reviewerActor)).not.toContain('publish_attachment');
    const withFile = answered({ attachments: [file] });
    expect(availableActions(withFile, reviewerActor)).toContain('publish_attachment');
    const released = release(withFile);
    expect(released.after.attachments).toEqual([{ ...file, publishable: true }]);
    expect(released.after.status).toBe('replied');
    expect(released.entry.note).toBe('附件“路灯.png”允许公开');
  });

  it('never releases a file of a confidential case or one the citizen did not agree to publish', () => {
    expect(() => release(answered({ attachments: [file], confidential: true }))).toThrow(/不能公开/);
    expect(() => release(answered({ attachments: [file], publicConsent: false }))).toThrow(/不能公开/);
    expect(() => release(answered())).toThrow('本案没有这个附件');
  });
});
