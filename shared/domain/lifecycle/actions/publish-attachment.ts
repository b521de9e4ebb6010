import * as z from 'zod/mini';
import { uploadIdSchema } from '../../attachment-field';
import { decision } from '../../decision-field';
import { defineAction } from '../action-definition';
import { ruleViolation } from '../transition-errors';

/**
 * 附件公开: a reviewer decides whether one file is shown with the published case. Files are never
 * public otherwise, and never on a case the citizen asked to keep confidential or not to publish.
 */
export const publishAttachment = defineAction(
  'publish_attachment',
  '附件公开设置',
  ['reviewer'],
  ['reviewing', 'replied', 'closed'],
  {
    fields: () => ({
      attachmentId: uploadIdSchema.check(z.meta({ description: '附件' })),
      publishable: decision('publishable', '是否随案件公开', { yes: '允许公开', no: '不公开' }),
    }),
    // Offered only on a case with files.
    offeredFor: (c) => (c.attachments?.length ?? 0) > 0,
    effect: (c, action) => {
      const file = c.attachments?.find((a) => a.id === action.attachmentId);
      if (!file) throw ruleViolation('ATTACHMENT_UNKNOWN', '本案没有这个附件');
      if (action.publishable && (c.confidential || !c.publicConsent)) {
        throw ruleViolation('CASE_NOT_PUBLIC', '来信人未同意公开或要求保密，附件不能公开');
      }
      return {
        status: c.status,
        changes: {
          attachments: (c.attachments ?? []).map((a) =>
            a.id === file.id ? { ...a, publishable: action.publishable } : a,
          ),
        },
        note: `附件“${file.fileName}”${action.publishable ? '允许公开' : '不公开'}`,
      };
    },
  },
);
