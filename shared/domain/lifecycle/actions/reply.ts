import { attachmentIds } from '../../attachment-field';
import { actorName } from '../../roles';
import { text } from '../../text-field';
import { defineAction } from '../action-definition';
import { requireAssignment } from '../assignments';
import { withDue } from '../lifecycle-context';
import { ruleViolation } from '../transition-errors';

/**
 * 答复: the department that signed writes its reply, with its files if any; a reviewer sees it
 * before the citizen does.
 */
export const reply = defineAction('reply', '答复', ['department'], ['handling'], {
  fields: () => ({ content: text('答复内容', 5000), attachments: attachmentIds() }),
  effect: (c, action, ctx) => {
    const assignment = requireAssignment(c);
    if (!assignment.signedAt) throw ruleViolation('NOT_SIGNED', '请先签收再答复');
    const files = ctx.files ?? [];
    return {
      status: 'reviewing',
      changes: {
        draftReply: {
          content: action.content,
          source: 'department',
          by: actorName(ctx.actor),
          departmentId: assignment.departmentId,
          writtenAt: ctx.at,
          ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}),
        },
        ...(files.length ? { attachments: [...(c.attachments ?? []), ...files] } : {}),
        deadlines: withDue(ctx, c, 'reviewBy', ctx.limits.review),
        overdue: undefined,
      },
      note: action.content,
      departmentId: assignment.departmentId,
      notices: [
        { kind: 'reply_to_review', audience: { role: 'reviewer' }, message: `${c.caseId} 答复待审核` },
      ],
    };
  },
});
