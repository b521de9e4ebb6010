import { ref } from 'vue';
import type { components } from '../api/civicline';
import { type ApiProblem, api, problemOf } from '../api/client';
import type { CaseListQuery } from './queues';
import { authorization } from './session';

type CaseLine = components['schemas']['CaseList']['cases'][number];

/** Page size of a console list; a desk reads further with 加载更多. */
const PAGE_SIZE = 50;

/** A list of cases read from GET /v1/cases page by page, with what went wrong if it did. */
export function useCasePages(query: () => CaseListQuery) {
  const cases = ref<CaseLine[]>([]);
  const nextCursor = ref<string>();
  const problem = ref<ApiProblem>();
  const loading = ref(false);

  async function read(cursor?: string) {
    loading.value = true;
    const result = await api
      .GET('/v1/cases', {
        params: { query: { limit: PAGE_SIZE, ...query(), ...(cursor ? { cursor } : {}) } },
        headers: authorization(),
      })
      .catch(() => ({ data: undefined, error: undefined, response: { status: 0 } }));
    loading.value = false;
    if (!result.data) {
      problem.value = problemOf(result.response.status, result.error);
      return;
    }
    problem.value = undefined;
    cases.value = cursor ? [...cases.value, ...result.data.cases] : result.data.cases;
    nextCursor.value = result.data.nextCursor;
  }

  return {
    cases,
    nextCursor,
    problem,
    loading,
    reload: () => read(),
    more: () => read(nextCursor.value),
  };
}
