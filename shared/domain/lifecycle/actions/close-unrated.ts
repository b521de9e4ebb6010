import { defineAction } from '../action-definition';

/** 未评价办结: a reply nobody rated within the follow-up window closes the case, unrated. */
export const closeUnrated = defineAction('close_unrated', '未评价办结', ['system'], ['replied'], {
  fields: () => ({}),
  effect: (_c, _action, ctx) => ({ status: 'closed', changes: { closedAt: ctx.at, closedUnrated: true } }),
});
