import { httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';
import { staffProfileDependencies } from '../shared/runtime/dependencies';
import {
  type DepartmentListDependencies,
  listDepartmentsForForms,
} from '../shared/use-cases/list-departments';

/** Browsers and CDNs may keep the list this long: departments change a few times a year. */
const CACHE_SECONDS = 300;

/** GET /v1/departments — the departments for the consultation form (public). */
export function listDepartments(deps: DepartmentListDependencies) {
  return async () =>
    json(200, await listDepartmentsForForms(deps), { 'cache-control': `public, max-age=${CACHE_SECONDS}` });
}

export const handler = httpHandler(listDepartments(staffProfileDependencies()));
