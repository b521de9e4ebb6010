import * as z from 'zod/mini';
import { ATTACHMENT_RULES } from './attachment';

/** An upload id as POST /v1/uploads hands it out (a random UUID). */
export const uploadIdSchema = z.uuid({ error: '附件编号无效，请重新上传' });

/**
 * The files a request attaches, by their upload ids (POST /v1/uploads first): at most
 * ATTACHMENT_RULES.maxFiles, each once. They are verified from their bytes before anything is stored.
 */
export function attachmentIds() {
  return z
    .optional(
      z.array(uploadIdSchema, { error: '附件必须是上传编号的列表' }).check(
        z.maxLength(ATTACHMENT_RULES.maxFiles, `最多上传${ATTACHMENT_RULES.maxFiles}个附件`),
        z.refine((ids) => new Set(ids).size === ids.length, '同一附件不能重复添加'),
      ),
    )
    .check(
      z.meta({
        title: '附件',
        description: `附件：POST /v1/uploads 返回的 uploadId，最多${ATTACHMENT_RULES.maxFiles}个`,
      }),
    );
}
