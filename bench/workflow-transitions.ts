import type { CivicClient } from '../test/support/civic-client';
import { STANDARD_PATHS, transitionsOnceFinished } from './standard-paths';

/** The standard paths of issue 14, each with the state transitions its executions cost. */
export interface PathTransitions {
  readonly path: string;
  readonly transitions: number;
  readonly executions: number;
}

export async function workflowTransitions(civic: CivicClient): Promise<PathTransitions[]> {
  const figures: PathTransitions[] = [];
  for (const path of STANDARD_PATHS) {
    const names = await path.drive(civic);
    figures.push({
      path: path.name,
      transitions: await transitionsOnceFinished(civic, names),
      executions: names.length,
    });
  }
  return figures;
}
