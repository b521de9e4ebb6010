import type { SynthesizedApp, Template } from './synthesized-app';

/**
 * The environment the stack gives each function, with each cloud reference replaced by its local
 * stand-in: exactly the variables of that function's synthesized definition, no other's.
 */
export function localFunctionEnvironments(
  app: SynthesizedApp,
  localValueOf: (logicalId: string, attribute: 'Ref' | string) => string | undefined,
): Map<string, Record<string, string>> {
  const environments = new Map<string, Record<string, string>>();
  for (const [functionName, logicalId] of app.functionLogicalIds) {
    const variables = (
      app.api.Resources[logicalId]?.Properties?.Environment as { Variables?: Record<string, unknown> }
    )?.Variables;
    const environment: Record<string, string> = {};
    for (const [name, value] of Object.entries(variables ?? {})) {
      const local = resolve(value, app.data, localValueOf);
      if (local === undefined)
        throw new Error(`no local value for ${name} of ${logicalId}: ${JSON.stringify(value)}`);
      environment[name] = local;
    }
    environments.set(functionName, environment);
  }
  return environments;
}

function resolve(
  value: unknown,
  data: Template,
  localValueOf: (logicalId: string, attribute: string) => string | undefined,
): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const intrinsic = value as Record<string, unknown>;
  if (typeof intrinsic.Ref === 'string') return localValueOf(intrinsic.Ref, 'Ref');
  const getAtt = intrinsic['Fn::GetAtt'];
  if (Array.isArray(getAtt)) return localValueOf(String(getAtt[0]), String(getAtt[1]));
  const imported = intrinsic['Fn::ImportValue'];
  if (typeof imported === 'string') {
    const output = Object.values(data.Outputs ?? {}).find((o) => o.Export?.Name === imported);
    return output ? resolve(output.Value, data, localValueOf) : undefined;
  }
  const joined = intrinsic['Fn::Join'];
  if (Array.isArray(joined)) {
    const parts = (joined[1] as unknown[]).map((part) => resolve(part, data, localValueOf));
    return parts.every((part) => part !== undefined) ? parts.join(String(joined[0])) : undefined;
  }
  return undefined;
}

/** Each function's timeout in milliseconds, as its synthesized definition sets it (Lambda's default 3 s otherwise). */
export function localFunctionTimeouts(app: SynthesizedApp): Map<string, number> {
  return new Map(
    [...app.functionLogicalIds].map(([functionName, logicalId]) => [
      functionName,
      Number(app.api.Resources[logicalId]?.Properties?.Timeout ?? 3) * 1000,
    ]),
  );
}

/** The synthesized HTTP API's CORS setting, as the local server answers it. */
export interface LocalCors {
  readonly origins: readonly string[];
  readonly methods: readonly string[];
  readonly headers: readonly string[];
  readonly maxAgeSeconds: number;
}

/** The CORS setting of the synthesized HTTP API: origins, methods, headers and max age. */
export function localCors(app: SynthesizedApp): LocalCors {
  const api = Object.values(app.api.Resources).find((resource) => resource.Type === 'AWS::ApiGatewayV2::Api');
  const cors = (api?.Properties?.CorsConfiguration ?? {}) as {
    AllowOrigins?: string[];
    AllowMethods?: string[];
    AllowHeaders?: string[];
    MaxAge?: number;
  };
  return {
    origins: [...(cors.AllowOrigins ?? [])],
    methods: [...(cors.AllowMethods ?? [])],
    headers: [...(cors.AllowHeaders ?? [])],
    maxAgeSeconds: cors.MaxAge ?? 0,
  };
}
