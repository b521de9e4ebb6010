import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLE_LABELS, STAFF_ROLES } from '../../shared/domain/roles';
import { STAFF_SCOPE } from '../../shared/http/jwt-claims';
import { siteSettings } from '../site-settings';
import { CivicFunction } from '../stateless/civic-function';

/**
 * Staff sign-in: a Cognito user pool whose groups are the roles of DOMAIN.md and whose custom
 * attribute names a department user's department. No self sign-up; MFA is required.
 */
export class StaffDirectory extends Construct {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;
  /** The hosted sign-in pages the console sends staff to. */
  readonly signInDomain: UserPoolDomain;
  /** The scopes the console asks for; the API's staff routes require STAFF_SCOPE among them. */
  readonly consoleScopes: readonly OAuthScope[];

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
    // The console signs in through the hosted pages: authorization code with PKCE (a public
    // client, no secret), back to the URLs cdk.json names; no password ever reaches our pages.
    const { console: consoleSite } = siteSettings(this.node);
    this.signInDomain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: consoleSite.authDomainPrefix },
    });
    this.consoleScopes = [OAuthScope.OPENID, OAuthScope.PROFILE, OAuthScope.custom(STAFF_SCOPE)];
    this.consoleClient = this.userPool.addClient('StaffConsole', {
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [...this.consoleScopes],
        callbackUrls: consoleSite.callbackUrls,
        logoutUrls: consoleSite.logoutUrls,
      },
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
