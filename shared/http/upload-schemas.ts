import * as z from 'zod/mini';
import {
  ATTACHMENT_RULES,
  ATTACHMENT_TYPE_NAMES,
  ATTACHMENT_TYPES,
  acceptedTypesText,
  megabytes,
} from '../domain/attachment';
import { text } from '../domain/text-field';
import './validation';

const extensionOf = (fileName: string) => /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * POST /v1/uploads: the file about to be uploaded. The type and size asked for become the upload
 * policy; the name must end as the type does. The bytes are checked again after the upload.
 */
export const uploadRequestSchema = z
  .strictObject({
    fileName: text('文件名', 100).check(
      z.refine(
        (name) => ![...name].some((ch) => ch === '/' || ch === '\\' || (ch.codePointAt(0) ?? 0) < 0x20),
        '文件名不能包含斜杠或控制字符',
      ),
    ),
    contentType: z.enum(ATTACHMENT_TYPE_NAMES, { error: `只能上传${acceptedTypesText()}文件` }),
    size: z
      .int({ error: '文件大小必须是整数（字节）' })
      .check(
        z.gte(1, '不能上传空文件'),
        z.lte(ATTACHMENT_RULES.maxBytes, `单个附件不能超过 ${megabytes(ATTACHMENT_RULES.maxBytes)}`),
      ),
  })
  .check(
    z.refine(
      (ask) =>
        (ATTACHMENT_TYPES[ask.contentType].extensions as readonly string[]).includes(
          extensionOf(ask.fileName),
        ),
      { message: '文件扩展名与文件类型不符', path: ['fileName'] },
    ),
  );

export type UploadRequestBody = z.infer<typeof uploadRequestSchema>;
