import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLE_LABELS, STAFF_ROLES } from '../../shared/domain/roles';
import { CivicFunction } from '../stateless/civic-function';

/**
 * Staff sign-in: a Cognito user pool whose groups are the roles of DOMAIN.md and whose custom
 * attribute names a department user's department. No self sign-up; MFA is required.
 */
export class StaffDirectory extends Construct {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'StaffPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.NONE,
      customAttributes: { department: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }) },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of STAFF_ROLES) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: ROLE_LABELS[role] });
    }
    // Access tokens carry groups but not custom attributes; this trigger adds the department.
    // It lives with the pool because the pool must name it when it is created.
    const departmentClaim = new CivicFunction(this, 'AddDepartmentClaim', {
      functionName: 'add-department-claim',
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      departmentClaim,
      LambdaVersion.V2_0,
    );
    this.consoleClient = this.userPool.addClient('StaffConsole', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
