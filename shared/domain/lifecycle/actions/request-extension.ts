import * as z from 'zod/mini';
import { CivicError } from '../../errors';
import { actorName } from '../../roles';
import { text } from '../../text-field';
import { defineAction } from '../action-definition';
import { requireAssignment } from '../assignments';
import { ruleViolation } from '../transition-errors';

/** 申请延期: the department asks for more working days, at most the configured maximum, once per case. */
export const requestExtension = defineAction('request_extension', '申请延期', ['department'], ['handling'], {
  fields: (limits) => ({
    workingDays: z
      .number({ error: '延期天数必须是数字' })
      .check(
        z.int('延期天数必须是整数'),
        z.gte(1, '延期天数至少1个工作日'),
        z.lte(limits.maxExtension, `延期天数不能超过${limits.maxExtension}个工作日`),
      ),
    reason: text('延期理由', 1000),
  }),
  effect: (c, action, ctx) => {
    const assignment = requireAssignment(c);
    if (c.extension) throw ruleViolation('EXTENSION_ALREADY_USED', '每个案件只能申请一次延期');
    if (
      !Number.isInteger(action.workingDays) ||
      action.workingDays < 1 ||
      action.workingDays > ctx.limits.maxExtension
    ) {
      throw new CivicError(400, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', [
        { field: 'workingDays', message: `延期天数须为1至${ctx.limits.maxExtension}个工作日` },
      ]);
    }
    return {
      status: 'handling',
      changes: {
        extension: {
          workingDays: action.workingDays,
          reason: action.reason,
          requestedAt: ctx.at,
          requestedBy: actorName(ctx.actor),
        },
      },
      note: `申请延期${action.workingDays}个工作日：${action.reason}`,
      departmentId: assignment.departmentId,
      notices: [
        {
          kind: 'extension_requested',
          audience: { role: 'dispatcher' },
          message: `${c.caseId} 申请延期${action.workingDays}个工作日`,
        },
      ],
    };
  },
});
