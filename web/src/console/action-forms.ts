import { DECISION_VERBS } from '../../../shared/domain/decision-field';
import { apiUrl } from '../api/client';
/**
 * The form of each lifecycle action, read from the API's own OpenAPI document (the request body of
 * POST /v1/cases/{caseId}/actions: one branch per action, titled with its Chinese label) — the
 * console holds no copy of the lifecycle table: which actions to offer comes from the case's
 * `availableActions`, what each needs from its schema.
 */
export interface ActionField {
  readonly name: string;
  readonly label: string;
  readonly kind:
    | 'text'
    | 'longText'
    | 'boolean'
    | 'number'
    | 'choice'
    | 'department'
    | 'files'
    | 'attachment';
  readonly required: boolean;
  readonly choices?: readonly string[];
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
}

/** A yes/no the person answers by pressing one of two verbs (审核通过 / 退回修改). */
export interface ActionDecision {
  readonly name: string;
  readonly yes: string;
  readonly no: string;
}

export interface ActionForm {
  readonly type: string;
  readonly label: string;
  readonly fields: readonly ActionField[];
  /** When set, the form is sent by one of the decision's two buttons instead of one labelled button. */
  readonly decision?: ActionDecision;
}

type JsonSchema = {
  title?: string;
  description?: string;
  type?: string;
  const?: string;
  enum?: string[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  [DECISION_VERBS]?: { yes: string; no: string };
  required?: string[];
  oneOf?: JsonSchema[];
};

let forms: Promise<Map<string, ActionForm>> | undefined;

export function actionForms(): Promise<Map<string, ActionForm>> {
  forms ??= fetch(apiUrl('/v1/openapi.json'))
    .then((response) => response.json())
    .then((document) => {
      const body = document.paths['/v1/cases/{caseId}/actions'].post.requestBody.content['application/json']
        .schema as JsonSchema;
      return new Map(
        (body.oneOf ?? []).map((branch) => [branch.properties?.type?.const ?? '', formOf(branch)]),
      );
    });
  return forms;
}

function formOf(branch: JsonSchema): ActionForm {
  const required = new Set(branch.required ?? []);
  const properties = Object.entries(branch.properties ?? {}).filter(([name]) => name !== 'type');
  const [decisionName, decisionSchema] = properties.find(([, schema]) => schema[DECISION_VERBS]) ?? [];
  const verbs = decisionSchema?.[DECISION_VERBS];
  const fields = properties
    .filter(([name]) => name !== decisionName)
    .map(
      ([name, schema]): ActionField => ({
        name,
        label: schema.title ?? schema.description ?? name,
        kind: kindOf(name, schema),
        required: required.has(name),
        ...(schema.enum ? { choices: schema.enum } : {}),
        ...(schema.maxLength ? { maxLength: schema.maxLength } : {}),
        ...(schema.minimum !== undefined ? { min: schema.minimum } : {}),
        ...(schema.maximum !== undefined ? { max: schema.maximum } : {}),
      }),
    );
  return {
    type: branch.properties?.type?.const ?? '',
    label: branch.title ?? '',
    fields,
    ...(decisionName && verbs ? { decision: { name: decisionName, ...verbs } } : {}),
  };
}

function kindOf(name: string, schema: JsonSchema): ActionField['kind'] {
  if (name === 'departmentId') return 'department';
  // Files are uploaded first and named by their upload ids; one of the case's files by its id.
  if (schema.type === 'array') return 'files';
  if (name === 'attachmentId') return 'attachment';
  if (schema.enum) return 'choice';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  return (schema.maxLength ?? 0) > 200 ? 'longText' : 'text';
}
