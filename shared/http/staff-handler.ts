import { staffDirectory } from '../runtime/dependencies';
import { type HttpHandlerOptions, httpHandler, type RouteLogic } from './http-handler';

/**
 * The house middleware stack for a staff route: httpHandler, with each request checked against
 * the staff directory (a disabled account refused at its next use, a removed role at once). Kept
 * apart so citizen and Open311 functions do not bundle the directory's client.
 */
export function staffHandler(logic: RouteLogic, options: Omit<HttpHandlerOptions, 'staffDirectory'> = {}) {
  return httpHandler(logic, { ...options, staffDirectory });
}
