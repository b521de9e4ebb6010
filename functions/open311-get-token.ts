import { CivicError } from '../shared/domain/errors';
import { open311Handler } from '../shared/http/open311-route';

/**
 * GET /open311/v2/tokens/{token}.{json,xml} — always 404: every request gets its case number
 * (service_request_id) at once, so no token is ever issued.
 */
export const handler = open311Handler(async () => {
  throw new CivicError(404, 'NO_TOKENS', '本系统提交后立即返回案件编号（service_request_id），不签发 token');
});
