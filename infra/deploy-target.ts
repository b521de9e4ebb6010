import type { Node } from 'constructs';

/**
 * Where the stack is deployed (cdk.json context `civicline:target`, or `-c civicline:target=china`):
 * the AWS global regions, or the AWS China regions (cn-north-1 Beijing, cn-northwest-1 Ningxia,
 * partition aws-cn), where a Chinese city's data about citizens stays. The one place the
 * differences between the two are decided; every stack asks here.
 */
export const TARGET_CONTEXT_KEY = 'civicline:target';
export const DEPLOY_TARGETS = ['global', 'china'] as const;
export type DeployTarget = (typeof DEPLOY_TARGETS)[number];

export interface TargetFeatures {
  /** Cognito user pools exist (not in China: staff sign in with the city's own identity platform). */
  readonly cognito: boolean;
  /** X-Ray tracing for Lambda and Step Functions (not available in China). */
  readonly tracing: boolean;
  /** CloudFront with CloudFront Functions and response-header policies serves the pages. */
  readonly cloudFrontSite: boolean;
  /**
   * The stack texts citizens itself through a domestic SMS provider (China: SNS has no SMS there;
   * elsewhere the channels subscribed to the notification topic do).
   */
  readonly textsCitizens: boolean;
}

export const TARGET_FEATURES: Readonly<Record<DeployTarget, TargetFeatures>> = {
  global: { cognito: true, tracing: true, cloudFrontSite: true, textsCitizens: false },
  china: { cognito: false, tracing: false, cloudFrontSite: false, textsCitizens: true },
};

export function deployTarget(node: Node): DeployTarget {
  const value = node.tryGetContext(TARGET_CONTEXT_KEY) ?? 'global';
  if (!(DEPLOY_TARGETS as readonly string[]).includes(value)) {
    throw new Error(`cdk.json context "${TARGET_CONTEXT_KEY}" must be one of ${DEPLOY_TARGETS.join(', ')}`);
  }
  return value as DeployTarget;
}

export function targetFeatures(node: Node): TargetFeatures {
  return TARGET_FEATURES[deployTarget(node)];
}
