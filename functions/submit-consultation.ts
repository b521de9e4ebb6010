import { httpHandler } from '../shared/http/http-handler';
import { intakeRoute } from '../shared/http/intake-route';
import { consultationSchema } from '../shared/http/intake-schemas';
import { parseInput } from '../shared/http/validation';
import { intakeDependencies } from '../shared/runtime/write-dependencies';
import type { IntakeDependencies } from '../shared/use-cases/submit-case';

/** POST /v1/consultations — a citizen asks a question online (在线咨询). */
export function submitConsultation(deps: IntakeDependencies) {
  return intakeRoute(deps, (event) => {
    const { citizen, topic, question, departmentId, attachments, ...rest } = parseInput(
      consultationSchema,
      event.body,
    );
    return {
      details: {
        kind: 'consultation',
        type: 'consult',
        title: topic,
        content: question,
        ...(departmentId ? { requestedDepartmentId: departmentId } : {}),
        ...rest,
      },
      contact: citizen,
      actor: { kind: 'citizen' },
      ...(attachments ? { uploads: attachments } : {}),
    };
  });
}

export const handler = httpHandler(submitConsultation(intakeDependencies()), { jsonBody: true });
