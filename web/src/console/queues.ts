import type { ActionType } from '../../../shared/domain/lifecycle/action-table';
import type { operations } from '../api/civicline';

/** The query of GET /v1/cases, as the API's own document types it. */
export type CaseListQuery = NonNullable<operations['listCases']['parameters']['query']>;

/** One list on a queue page: its heading and the GET /v1/cases filters that select it. */
export interface QueueSection {
  readonly title: string;
  readonly query: CaseListQuery;
}

/**
 * A role's work queue: the cases waiting for an action of the lifecycle. Its page is offered to
 * whoever may take that action (the lifecycle's table says who), and it lists oldest first,
 * because the oldest case is nearest its deadline.
 */
export interface WorkQueue {
  readonly path: string;
  readonly label: string;
  /** The action the queue is worked by; its roles decide who sees the queue. */
  readonly action: ActionType;
  readonly sections: readonly QueueSection[];
}

const oldest = 'oldest' as const;

export const WORK_QUEUES: readonly WorkQueue[] = [
  {
    path: '/queues/triage',
    label: '待受理',
    action: 'transfer',
    sections: [{ title: '待受理案件', query: { status: 'submitted', order: oldest } }],
  },
  {
    path: '/queues/returns',
    label: '退单与延期',
    action: 'decide_extension',
    sections: [
      { title: '被退回的案件', query: { returned: 'true', order: oldest } },
      { title: '待审批的延期申请', query: { extensionRequested: 'true', order: oldest } },
    ],
  },
  {
    path: '/queues/department',
    label: '部门待办',
    action: 'sign',
    sections: [{ title: '办理中（含待签收）', query: { status: 'handling', order: oldest } }],
  },
  {
    path: '/queues/review',
    label: '待审核',
    action: 'review',
    sections: [{ title: '待审核的答复', query: { status: 'reviewing', order: oldest } }],
  },
  {
    path: '/queues/follow-up',
    label: '回访',
    action: 'rate',
    sections: [{ title: '已答复、待回访评价', query: { status: 'replied', order: oldest } }],
  },
  {
    path: '/queues/overdue',
    label: '超期督办',
    action: 'supervise',
    sections: [{ title: '超期案件（黄牌、红牌）', query: { overdue: 'true', order: oldest } }],
  },
];
