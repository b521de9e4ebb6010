import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../shared/contract/openapi-document';

type JsonObject = Record<string, unknown>;

interface DocumentedOperation {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly responses: Record<string, { content?: Record<string, { schema?: JsonObject }> }>;
}

/**
 * Checks an HTTP exchange against the published OpenAPI document: the status must be listed for
 * the operation, the media type offered, and a JSON body must match its schema (strict objects:
 * an undocumented field fails). Paths the document does not have (the local-only /local/… helpers,
 * a path no route serves) are not the API's and are not checked.
 */
export class ContractCheck {
  private readonly operations: DocumentedOperation[];
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly definitions: JsonObject;

  constructor(document: JsonObject = openApiDocument()) {
    // Component references become local definitions, so each response schema compiles on its own.
    const text = JSON.stringify(document).replaceAll('#/components/schemas/', '#/$defs/');
    const rewritten = JSON.parse(text) as {
      paths: Record<string, Record<string, { responses: DocumentedOperation['responses'] }>>;
      components: { schemas: JsonObject };
    };
    this.definitions = rewritten.components.schemas;
    this.operations = Object.entries(rewritten.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replaceAll(/\{\w+\}/g, '[^/]+').replaceAll('.', '\\.')}$`),
        responses: operation.responses,
      })),
    );
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(this.ajv);
  }

  /** Problems with one exchange; empty when the document describes it exactly. */
  problems(method: string, path: string, status: number, contentType: string, body: string): string[] {
    const operation = this.operations.find((o) => o.method === method && o.pattern.test(path));
    if (!operation) return [];
    const where = `${method} ${operation.template} → ${status}`;
    const response = operation.responses[String(status)];
    if (!response) return [`${where}: status not documented`];
    const mediaType = contentType.split(';')[0]?.trim() ?? '';
    const media = response.content?.[mediaType];
    if (!media) return [`${where}: content type ${mediaType || '(none)'} not documented`];
    if (mediaType !== 'application/json' || !media.schema) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return [`${where}: body is not JSON`];
    }
    const validate = this.validator(`${where}`, media.schema);
    if (validate(parsed)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${where}: ${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)}`,
    );
  }

  private validator(key: string, schema: JsonObject): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ ...schema, $defs: this.definitions });
      this.validators.set(key, validate);
    }
    return validate;
  }
}
