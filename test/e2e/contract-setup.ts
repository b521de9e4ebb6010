import { ContractCheck } from '../support/contract-check';

/**
 * The contract test of issue 9, woven into every end-to-end test: each response a test receives
 * from a CivicLine server is checked against the OpenAPI document, and an undocumented status,
 * media type or field fails the test that received it.
 */
const contract = new ContractCheck();
const realFetch = globalThis.fetch;

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const response = await realFetch(input, init);
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  if (!url.pathname.startsWith('/v1/') && !url.pathname.startsWith('/open311/')) return response;
  const body = await response.clone().text();
  const problems = contract.problems(
    method,
    url.pathname,
    response.status,
    response.headers.get('content-type') ?? '',
    body,
  );
  if (problems.length > 0) {
    throw new Error(
      `The response breaks the published contract:\n${problems.join('\n')}\n${body.slice(0, 500)}`,
    );
  }
  return response;
};
