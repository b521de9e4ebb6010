import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { AliyunSmsSettings } from '../../shared/adapters/aliyun-sms-settings';

/**
 * Texting citizens through Alibaba Cloud SMS: the registered sign name and templates, and the
 * secret that holds the AccessKey of a RAM user allowed `dysms:SendSms` only. The stack creates the
 * secret with a placeholder; the city's operators put the key in after deploying (README).
 */
export class CitizenTexting extends Construct {
  readonly accessKey: Secret;

  constructor(
    scope: Construct,
    id: string,
    readonly settings: AliyunSmsSettings,
    key: IKey,
  ) {
    super(scope, id);
    this.accessKey = new Secret(this, 'AliyunAccessKey', {
      description: 'CivicLine: the Alibaba Cloud SMS AccessKey, {"accessKeyId","accessKeySecret"}',
      encryptionKey: key,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ accessKeyId: 'to-be-set-after-deploy' }),
        generateStringKey: 'accessKeySecret',
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessKey).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'An Alibaba Cloud AccessKey is issued and rotated in the Alibaba Cloud RAM console, which no Lambda in this account can reach with rights to do so; operators rotate it there and update the secret (README "Deploying").',
    });
  }
}
