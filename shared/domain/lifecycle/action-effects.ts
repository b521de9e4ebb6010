import { type Assignment, type Case, currentAssignment } from '../case';
import { REQUEST_TYPE_LABELS } from '../case-kinds';
import { CivicError } from '../errors';
import type { Actor, Role } from '../roles';
import type { AnyAction } from './actions';
import type { Effect, LifecycleContext } from './apply-action';
import { ruleViolation } from './transition-errors';

export interface EffectContext extends LifecycleContext {
  readonly at: string;
  readonly actor: Actor;
  readonly role: Role;
}

/** The effect of each action (DOMAIN.md "Lifecycle"), given that role and status already allow it. */
export function actionEffect(c: Case, action: AnyAction, ctx: EffectContext): Effect {
  const due = (workingDays: number) => ctx.calendar.addWorkingDays(ctx.now, workingDays).at.toISOString();
  switch (action.type) {
    case 'reject':
      if (c.reopenCount > 0) throw reopenedIsAccepted('不予受理');
      return {
        status: 'rejected',
        changes: { rejectionReason: action.reason, closedAt: ctx.at, overdue: undefined },
        note: action.reason,
        notices: [
          {
            kind: 'rejected',
            audience: { citizen: true },
            message: `您的诉求 ${c.caseId} 不予受理`,
            note: action.reason,
          },
        ],
      };

    case 'answer':
      return {
        status: 'replied',
        changes: {
          reply: {
            content: action.answer,
            source: 'answer',
            by: username(ctx.actor),
            writtenAt: ctx.at,
            deliveredAt: ctx.at,
          },
          firstReplySource: c.firstReplySource ?? 'answer',
          firstReplyOnTime: c.firstReplyOnTime ?? (!c.deadlines.triageBy || ctx.at <= c.deadlines.triageBy),
          deadlines: { ...c.deadlines, followUpBy: due(ctx.limits.followUp) },
          overdue: undefined,
        },
        note: action.answer,
      };

    case 'transfer': {
      const assignment: Assignment = {
        departmentId: action.departmentId,
        instructions: action.instructions,
        at: ctx.at,
        signBy: due(ctx.limits.signIn),
        returnBy: due(ctx.limits.returnWindow),
      };
      return {
        status: 'handling',
        changes: {
          assignments: [...c.assignments, assignment],
          deadlines: { ...c.deadlines, handleBy: due(ctx.limits.handling[c.type]) },
          extension: approvedExtension(c),
          overdue: undefined,
        },
        note: action.instructions,
        departmentId: action.departmentId,
        notices: [
          {
            kind: 'transferred',
            audience: { departmentId: action.departmentId },
            // No title: a notice travels by SMS, and a letter's title may name the complainant.
            message: `新转办件 ${c.caseId}（${REQUEST_TYPE_LABELS[c.type]}），请及时签收`,
          },
        ],
      };
    }

    case 'sign': {
      const assignment = requireAssignment(c);
      if (assignment.signedAt) throw ruleViolation('ALREADY_SIGNED', '该案件已签收');
      return {
        status: 'handling',
        changes: { assignments: replaceCurrent(c, { ...assignment, signedAt: ctx.at }) },
        departmentId: assignment.departmentId,
      };
    }

    case 'return': {
      const assignment = requireAssignment(c);
      if (ctx.at > assignment.returnBy) {
        throw ruleViolation(
          'RETURN_WINDOW_CLOSED',
          `已超过退单期限（转办后${ctx.limits.returnWindow}个工作日内可退单）`,
        );
      }
      const { handleBy: _dropped, ...deadlines } = c.deadlines;
      return {
        status: 'submitted',
        changes: {
          assignments: replaceCurrent(c, { ...assignment, returnedAt: ctx.at }),
          returnCount: c.returnCount + 1,
          deadlines: { ...deadlines, triageBy: due(ctx.limits.triage) },
          extension: approvedExtension(c),
          overdue: undefined,
        },
        note: action.reason,
        departmentId: assignment.departmentId,
        notices: [
          {
            kind: 'returned',
            audience: { role: 'dispatcher' },
            message: `${c.caseId} 被退回`,
            note: action.reason,
          },
        ],
      };
    }

    case 'request_extension': {
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
            requestedBy: username(ctx.actor),
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
    }

    case 'decide_extension': {
      const assignment = requireAssignment(c);
      const extension = c.extension;
      if (!extension || extension.decision)
        throw ruleViolation('NO_PENDING_EXTENSION', '没有待审批的延期申请');
      const decided = {
        ...extension,
        decision: action.approve ? ('approved' as const) : ('refused' as const),
        decidedAt: ctx.at,
      };
      const handleBy = c.deadlines.handleBy ?? ctx.at;
      const moved = action.approve
        ? ctx.calendar.addWorkingDays(new Date(handleBy), extension.workingDays).at.toISOString()
        : handleBy;
      return {
        status: 'handling',
        changes: {
          extension: decided,
          deadlines: { ...c.deadlines, handleBy: moved },
          ...(action.approve && moved > ctx.at ? { overdue: undefined } : {}),
        },
        note: `${action.approve ? `同意延期${extension.workingDays}个工作日` : '不同意延期'}${action.comment ? `：${action.comment}` : ''}`,
        departmentId: assignment.departmentId,
        notices: [
          {
            kind: 'extension_decided',
            audience: { departmentId: assignment.departmentId },
            message: `${c.caseId} 延期申请${action.approve ? '已批准' : '未批准'}`,
          },
        ],
      };
    }

    case 'reply': {
      const assignment = requireAssignment(c);
      if (!assignment.signedAt) throw ruleViolation('NOT_SIGNED', '请先签收再答复');
      return {
        status: 'reviewing',
        changes: {
          draftReply: {
            content: action.content,
            source: 'department',
            by: username(ctx.actor),
            departmentId: assignment.departmentId,
            writtenAt: ctx.at,
          },
          deadlines: { ...c.deadlines, reviewBy: due(ctx.limits.review) },
          overdue: undefined,
        },
        note: action.content,
        departmentId: assignment.departmentId,
        notices: [
          { kind: 'reply_to_review', audience: { role: 'reviewer' }, message: `${c.caseId} 答复待审核` },
        ],
      };
    }

    case 'review': {
      const draft = c.draftReply;
      if (!draft) throw ruleViolation('NO_REPLY_TO_REVIEW', '没有待审核的答复');
      if (!action.approve) {
        return {
          status: 'handling',
          changes: { draftReply: undefined, overdue: undefined },
          note: action.comment ?? '答复退回修改',
          ...(draft.departmentId ? { departmentId: draft.departmentId } : {}),
          notices: draft.departmentId
            ? [
                {
                  kind: 'reply_sent_back',
                  audience: { departmentId: draft.departmentId },
                  message: `${c.caseId} 答复被退回修改`,
                },
              ]
            : [],
        };
      }
      const onTime = c.deadlines.handleBy ? draft.writtenAt <= c.deadlines.handleBy : true;
      return {
        status: 'replied',
        changes: {
          reply: { ...draft, deliveredAt: ctx.at },
          draftReply: undefined,
          firstReplySource: c.firstReplySource ?? 'department',
          firstReplyOnTime: c.firstReplyOnTime ?? onTime,
          deadlines: { ...c.deadlines, followUpBy: due(ctx.limits.followUp) },
          overdue: undefined,
        },
        ...(action.comment ? { note: action.comment } : {}),
        ...(draft.departmentId ? { departmentId: draft.departmentId } : {}),
      };
    }

    case 'supervise': {
      const assignment = currentAssignment(c);
      return {
        status: c.status,
        changes: { supervisionCount: c.supervisionCount + 1 },
        note: action.note,
        notices: [
          {
            kind: 'supervision',
            audience:
              assignment && c.status !== 'submitted'
                ? { departmentId: assignment.departmentId }
                : { role: 'dispatcher' },
            message: `督办 ${c.caseId}`,
            note: action.note,
          },
        ],
      };
    }

    case 'rate':
      return {
        status: 'closed',
        changes: {
          rating: {
            resolved: action.resolved,
            satisfaction: action.satisfaction,
            ...(action.comment ? { comment: action.comment } : {}),
            by: ctx.role === 'citizen' ? 'citizen' : 'operator',
            at: ctx.at,
          },
          closedAt: ctx.at,
          closedUnrated: false,
        },
        ...(action.comment ? { note: action.comment } : {}),
      };

    case 'reopen': {
      if (c.closedUnrated || c.rating?.satisfaction !== 'dissatisfied') {
        throw ruleViolation('REOPEN_NOT_ALLOWED', '只有评价为“不满意”的办结案件可以重办');
      }
      if (c.reopenCount >= ctx.limits.maxReopens) {
        throw ruleViolation('REOPEN_LIMIT_REACHED', `每个案件最多重办${ctx.limits.maxReopens}次`);
      }
      const assignment = currentAssignment(c);
      const backToDepartment = c.reply?.source === 'department' && assignment !== undefined;
      const reopened = {
        reply: undefined,
        closedAt: undefined,
        closedUnrated: undefined,
        overdue: undefined,
        reopenCount: c.reopenCount + 1,
      };
      if (backToDepartment) {
        return {
          status: 'handling',
          changes: { ...reopened, deadlines: { ...c.deadlines, handleBy: due(ctx.limits.handling[c.type]) } },
          note: action.reason,
          departmentId: assignment.departmentId,
          notices: [
            {
              kind: 'reopened',
              audience: { departmentId: assignment.departmentId },
              message: `${c.caseId} 重办`,
              note: action.reason,
            },
          ],
        };
      }
      return {
        status: 'submitted',
        changes: { ...reopened, deadlines: { ...c.deadlines, triageBy: due(ctx.limits.triage) } },
        note: action.reason,
        notices: [
          {
            kind: 'reopened',
            audience: { role: 'dispatcher' },
            message: `${c.caseId} 重办`,
            note: action.reason,
          },
        ],
      };
    }

    case 'merge':
      if (c.reopenCount > 0) throw reopenedIsAccepted('并单');
      if (action.intoCaseId === c.caseId) throw ruleViolation('MERGE_INTO_ITSELF', '不能与自身并单');
      return {
        status: 'merged',
        changes: { mergedInto: action.intoCaseId, closedAt: ctx.at, overdue: undefined },
        note: `并入 ${action.intoCaseId}`,
        notices: [
          {
            kind: 'merged',
            audience: { citizen: true },
            message: `您的诉求 ${c.caseId} 已并入 ${action.intoCaseId} 一并办理`,
          },
        ],
      };

    case 'flag_overdue': {
      const assignment = currentAssignment(c);
      const label = action.card === 'yellow' ? '黄牌' : '红牌';
      return {
        status: c.status,
        changes: { overdue: { card: action.card, since: ctx.at }, supervisionCount: c.supervisionCount + 1 },
        note: `超期${label}督办`,
        notices: [
          {
            kind: 'overdue',
            audience:
              assignment && c.status === 'handling'
                ? { departmentId: assignment.departmentId }
                : { role: 'dispatcher' },
            message: `${c.caseId} 已超期，${label}督办`,
          },
        ],
      };
    }

    case 'close_unrated':
      return { status: 'closed', changes: { closedAt: ctx.at, closedUnrated: true } };
  }
}

/**
 * One extension per case (DOMAIN.md "Time limits"): an approved one stays on the case through a
 * return and a new transfer, so the next department cannot ask again; a pending or refused
 * request ends with the assignment it was made in.
 */
function approvedExtension(c: Case): Case['extension'] {
  return c.extension?.decision === 'approved' ? c.extension : undefined;
}

/**
 * A reopened case was accepted and replied to once already: it cannot turn into 不予受理 or 并单
 * at its second triage (and the reply rate, replied / accepted, can never pass 100 %).
 */
function reopenedIsAccepted(action: string) {
  return ruleViolation('REOPENED_CASE_ACCEPTED', `重办案件已经受理，不能${action}，请直接答复或转办`);
}

function requireAssignment(c: Case): Assignment {
  const assignment = currentAssignment(c);
  if (!assignment) throw ruleViolation('NOT_ASSIGNED', '该案件当前没有承办单位');
  return assignment;
}

function replaceCurrent(c: Case, assignment: Assignment): Assignment[] {
  return [...c.assignments.slice(0, -1), assignment];
}

function username(actor: Actor): string {
  return actor.kind === 'staff' ? actor.username : actor.kind;
}
