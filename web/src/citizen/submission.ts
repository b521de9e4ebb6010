import { ref } from 'vue';
import { type ApiProblem, problemOf } from '../api/client';

type Answer = { data?: { caseId: string; queryCode: string }; error?: unknown; response: { status: number } };

/**
 * A citizen's submission (letter or consultation): one Idempotency-Key per submission, so a retry
 * after a lost answer gets the same case; the receipt on success, the API's problem otherwise.
 */
export function useSubmission(send: (idempotencyKey: string) => Promise<Answer>) {
  const problem = ref<ApiProblem>();
  const receipt = ref<{ caseId: string; queryCode: string }>();
  const sending = ref(false);
  let idempotencyKey = crypto.randomUUID();

  async function submit() {
    sending.value = true;
    problem.value = undefined;
    const result = await send(idempotencyKey).catch(() => ({
      data: undefined,
      error: undefined,
      response: { status: 0 },
    }));
    sending.value = false;
    if (result.data) {
      receipt.value = { caseId: result.data.caseId, queryCode: result.data.queryCode };
      idempotencyKey = crypto.randomUUID();
      return;
    }
    problem.value = problemOf(result.response.status, result.error);
  }

  return { problem, receipt, sending, submit };
}

/** A refused file, as the API names it (`attachments.1`): shown under the file picker. */
export function attachmentProblem(fields: Readonly<Record<string, string>> | undefined): string | undefined {
  return Object.entries(fields ?? {}).find(([field]) => field.startsWith('attachments'))?.[1];
}
