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
  readonly kind: 'text' | 'longText' | 'boolean' | 'number' | 'choice' | 'department';
  readonly required: boolean;
  readonly choices?: readonly string[];
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
}

export interface ActionForm {
  readonly type: string;
  readonly label: string;
  readonly fields: readonly ActionField[];
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
  const fields = Object.entries(branch.properties ?? {})
    .filter(([name]) => name !== 'type')
    .map(
      ([name, schema]): ActionField => ({
        name,
        label: schema.description ?? name,
        kind: kindOf(name, schema),
        required: required.has(name),
        ...(schema.enum ? { choices: schema.enum } : {}),
        ...(schema.maxLength ? { maxLength: schema.maxLength } : {}),
        ...(schema.minimum !== undefined ? { min: schema.minimum } : {}),
        ...(schema.maximum !== undefined ? { max: schema.maximum } : {}),
      }),
    );
  return { type: branch.properties?.type?.const ?? '', label: branch.title ?? '', fields };
}

function kindOf(name: string, schema: JsonSchema): ActionField['kind'] {
  if (name === 'departmentId') return 'department';
  if (schema.enum) return 'choice';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  return (schema.maxLength ?? 0) > 200 ? 'longText' : 'text';
}
