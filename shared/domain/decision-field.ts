import * as z from 'zod/mini';

/** Where a decision's two verbs travel in the action's JSON Schema (an OpenAPI `x-` extension). */
export const DECISION_VERBS = 'x-decision-verbs';

/**
 * A yes/no decision of an action (审核: approve or send back), with the verb a person presses for
 * each answer. The console shows the two verbs as two buttons (审核通过 / 退回修改) instead of a
 * switch, reading them from the OpenAPI document.
 */
export function decision(field: string, label: string, verbs: { readonly yes: string; readonly no: string }) {
  return z
    .boolean({ error: `${field} 必须是布尔值` })
    .check(z.meta({ description: label, [DECISION_VERBS]: verbs }));
}
