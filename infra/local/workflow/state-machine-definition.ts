import type { SynthesizedApp } from '../synthesized-app';

export type StateDefinition = Record<string, unknown> & {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  TimeoutSecondsPath?: string;
};

export interface LocalDefinition {
  readonly definition: { StartAt: string; States: Record<string, StateDefinition> } & Record<string, unknown>;
  /** Task state name → the function (functions/<name>.ts) it invokes, and whether it waits for a token. */
  readonly tasks: ReadonlyMap<string, { functionName: string; waitsForToken: boolean }>;
}

const LOCAL_ARN_PREFIX = 'arn:aws:lambda:local:000000000000:function:';

/**
 * The CaseLifecycle definition exactly as synthesized, with its Lambda ARNs made local. One change
 * for the local library: it reads TimeoutSecondsPath from the task's input *after* Parameters,
 * while AWS reads it from the state input, so the timeout is copied into Parameters here.
 */
export function localStateMachineDefinition(app: SynthesizedApp): LocalDefinition {
  const resource = Object.values(app.api.Resources).find(
    (r) => r.Type === 'AWS::StepFunctions::StateMachine',
  );
  const definitionString = resource?.Properties?.DefinitionString as
    | { 'Fn::Join': [string, unknown[]] }
    | undefined;
  if (!definitionString) throw new Error('the synthesized API stack has no state machine');
  const functionByLogicalId = new Map([...app.functionLogicalIds].map(([name, id]) => [id, name]));
  const json = definitionString['Fn::Join'][1]
    .map((part) => {
      if (typeof part === 'string') return part;
      const intrinsic = part as Record<string, unknown>;
      if (intrinsic.Ref === 'AWS::Partition') return 'aws';
      const getAtt = intrinsic['Fn::GetAtt'];
      if (Array.isArray(getAtt) && getAtt[1] === 'Arn') return `${LOCAL_ARN_PREFIX}${getAtt[0]}`;
      throw new Error(`cannot resolve ${JSON.stringify(part)} in the state machine definition`);
    })
    .join('');
  const definition = JSON.parse(json) as LocalDefinition['definition'];
  const tasks = new Map<string, { functionName: string; waitsForToken: boolean }>();
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type !== 'Task') continue;
    const waitsForToken = Boolean(state.Resource?.endsWith(':lambda:invoke.waitForTaskToken'));
    const arn = waitsForToken ? String(state.Parameters?.FunctionName) : String(state.Resource);
    const functionName = functionByLogicalId.get(arn.replace(LOCAL_ARN_PREFIX, ''));
    if (!functionName) throw new Error(`task ${name} invokes an unknown function ${arn}`);
    tasks.set(name, { functionName, waitsForToken });
    if (state.TimeoutSecondsPath) {
      state.Parameters = { ...state.Parameters, 'timeoutSeconds.$': state.TimeoutSecondsPath };
      state.TimeoutSecondsPath = '$.timeoutSeconds';
    }
  }
  return { definition, tasks };
}
