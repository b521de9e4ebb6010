import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildCivicApp } from '../../infra/app';
import { cdkJsonContext } from '../../infra/cdk-json-context';
import { SITE_CONTEXT_KEY } from '../../infra/site-settings';
import { PUBLIC_WRITE_THROTTLE, pascalCase, STAGE_THROTTLE } from '../../infra/stateless/civic-api-stack';
import { LIST_FILTER_ATTRIBUTES, NOTIFICATIONS_BY_CASE } from '../../shared/adapters/table-schemas';
import { REPLAN_ERROR } from '../../shared/domain/lifecycle/workflow-plan';
import { STAFF_ROLES } from '../../shared/domain/roles';
import { ALL_FUNCTIONS, ROUTES, routeKey, STREAM_FUNCTIONS } from '../../shared/functions/route-table';
import { STAFF_SCOPE } from '../../shared/http/jwt-claims';
import { synthesize } from './synthesized-app';

const { data, api, web, validationReport } = synthesize();

describe('stateful stack', () => {
  const caseTables = ['LettersTable', 'TicketsTable', 'ConsultationsTable'];

  it('has one table per case kind, all with the same keys and indexes', () => {
    const tables = data.findResources('AWS::DynamoDB::Table');
    const schemas = caseTables.map((prefix) => {
      const [, table] = Object.entries(tables).find(([id]) => id.startsWith(prefix)) ?? [];
      expect(table, prefix).toBeDefined();
      const { KeySchema, GlobalSecondaryIndexes, AttributeDefinitions } = table?.Properties ?? {};
      return { KeySchema, GlobalSecondaryIndexes, AttributeDefinitions };
    });
    expect(schemas[0]?.KeySchema).toEqual([{ AttributeName: 'caseId', KeyType: 'HASH' }]);
    expect(schemas[1]).toEqual(schemas[0]);
    expect(schemas[2]).toEqual(schemas[0]);
  });

  it('keeps every table on demand, encrypted with our key, recoverable, protected and retained', () => {
    const tables = data.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables).length).toBeGreaterThanOrEqual(8);
    for (const [id, table] of Object.entries(tables)) {
      expect(table.DeletionPolicy, id).toBe('Retain');
      expect(table.UpdateReplacePolicy, id).toBe('Retain');
      expect(table.Properties.BillingMode, id).toBe('PAY_PER_REQUEST');
      expect(table.Properties.DeletionProtectionEnabled, id).toBe(true);
      expect(table.Properties.PointInTimeRecoverySpecification, id).toEqual({
        PointInTimeRecoveryEnabled: true,
      });
      const sse = table.Properties.SSESpecification;
      expect(sse, id).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
      expect(sse.KMSMasterKeyId['Fn::GetAtt'][0], id).toMatch(/^DataKey/);
    }
  });

  it('expires idempotency records by TTL', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
  });

  it('keeps an append-only audit trail for at least 180 days, by case and by staff member', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'caseId', KeyType: 'HASH' },
        { AttributeName: 'entryKey', KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byActor' })],
    });
    const auditTable = Object.entries(data.findResources('AWS::DynamoDB::Table')).find(([id]) =>
      id.startsWith('AuditTable'),
    )?.[0];
    expect(auditTable).toBeDefined();
    for (const policy of Object.values(api.findResources('AWS::IAM::Policy'))) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        const onAudit = JSON.stringify(statement.Resource).includes(`AuditTable`);
        if (!onAudit || !String(statement.Action).startsWith('dynamodb')) continue;
        for (const action of [statement.Action].flat()) {
          expect(['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']).not.toContain(
            action,
          );
        }
      }
    }
  });

  it('counts abuse in a table whose items expire', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'limitKey', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('has a customer-managed key with rotation, kept on stack deletion', () => {
    data.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: { EnableKeyRotation: true } });
  });

  it('signs staff in with a Cognito pool: no self sign-up, MFA required, a group per role, a department attribute', () => {
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'department', Mutable: true })]),
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0' } },
    });
    const groups = Object.values(data.findResources('AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...STAFF_ROLES].sort());
  });
});

describe('stateless stack', () => {
  it('serves exactly the route table, each route by its own function', () => {
    const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey,
    );
    expect(routes.sort()).toEqual(ROUTES.map(routeKey).sort());
    const integrations = api.findResources('AWS::ApiGatewayV2::Integration');
    expect(Object.keys(integrations)).toHaveLength(ROUTES.length);
  });

  it('puts the Cognito JWT authorizer on staff routes and nowhere else', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
    for (const route of ROUTES) {
      const expected = route.access === 'staff' ? 'JWT' : 'NONE';
      api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey(route),
        AuthorizationType: expected,
        // The staff scope is in every Cognito access token and no ID token: ID tokens are refused.
        AuthorizationScopes: route.access === 'staff' ? [STAFF_SCOPE] : Match.absent(),
      });
    }
  });

  it('throttles the stage and, harder, every public write route; logs access without bodies', () => {
    const publicWrites = ROUTES.filter((r) => r.access === 'public' && r.method === 'POST').map(routeKey);
    expect(publicWrites.length).toBeGreaterThan(0);
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: {
        ThrottlingRateLimit: STAGE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit,
      },
      RouteSettings: Object.fromEntries(
        publicWrites.map((key) => [
          key,
          {
            ThrottlingRateLimit: PUBLIC_WRITE_THROTTLE.rateLimit,
            ThrottlingBurstLimit: PUBLIC_WRITE_THROTTLE.burstLimit,
          },
        ]),
      ),
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.not(Match.stringLikeRegexp('body')),
      },
    });
  });

  it('runs every function on arm64 and the newest Node runtime, traced, with 180-day logs', () => {
    const functions = Object.values(api.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(ALL_FUNCTIONS.length);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Architectures: ['arm64'],
        Runtime: 'nodejs24.x',
        TracingConfig: { Mode: 'Active' },
      });
      expect(fn.Properties.LoggingConfig.LogGroup.Ref).toMatch(/Logs/);
      // Source maps are read when an error is logged, not parsed at every cold start.
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS ?? '').not.toContain('source-maps');
    }
    for (const group of Object.values(api.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.RetentionInDays).toBeGreaterThanOrEqual(180);
    }
  });

  it('grants no wildcard except where the service has no resource-level permissions', () => {
    const withoutResourceLevel = new Set([
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
      'xray:GetSamplingRules',
      'xray:GetSamplingTargets',
      'logs:CreateLogDelivery',
      'logs:GetLogDelivery',
      'logs:UpdateLogDelivery',
      'logs:DeleteLogDelivery',
      'logs:ListLogDeliveries',
      'logs:PutResourcePolicy',
      'logs:DescribeResourcePolicies',
      'logs:DescribeLogGroups',
      // The stream event source mappings: ListStreams has no resource-level permissions.
      'dynamodb:ListStreams',
    ]);
    for (const template of [api, data]) {
      for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
        for (const statement of policy.Properties.PolicyDocument.Statement) {
          const actions = [statement.Action].flat();
          if ([statement.Resource].flat().includes('*'))
            for (const action of actions) expect(withoutResourceLevel).toContain(action);
          for (const action of actions) expect(action).not.toMatch(/\*/);
        }
      }
    }
  });

  it('lets only the staff administration functions manage the Cognito pool, and only that pool', () => {
    const managing = new Set<string>();
    for (const [id, policy] of Object.entries(api.findResources('AWS::IAM::Policy'))) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        const actions = [statement.Action].flat() as string[];
        if (!actions.some((action) => action.startsWith('cognito-idp:'))) continue;
        expect(actions.every((action) => action.startsWith('cognito-idp:Admin'))).toBe(true);
        expect(JSON.stringify(statement.Resource)).toContain('StaffPool');
        managing.add(id.replace(/Role(DefaultPolicy)?.*$/, ''));
      }
    }
    expect([...managing].sort()).toEqual(['CreateStaff', 'UpdateStaff']);
    const withSignIn = ALL_FUNCTIONS.filter((definition) => definition.administersSignIn);
    expect(withSignIn.map((definition) => definition.functionName).sort()).toEqual([
      'create-staff',
      'update-staff',
    ]);
  });

  it('checks every staff route against the staff directory (it reads the staff table)', () => {
    for (const route of ROUTES.filter((r) => r.access !== 'public')) {
      expect(
        route.tables.map((use) => use.table),
        routeKey(route),
      ).toContain('staff');
    }
  });

  it('tracks cases with one Standard state machine: wait steps with working-day timeouts, escalation by Catch', () => {
    const machines = Object.values(api.findResources('AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(1);
    const machine = machines[0]?.Properties;
    expect(machine.StateMachineType).toBe('STANDARD');
    expect(machine.TracingConfiguration).toEqual({ Enabled: true });
    expect(machine.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    const definition = JSON.parse(
      (machine.DefinitionString['Fn::Join'][1] as unknown[])
        .map((p) => (typeof p === 'string' ? p : 'x'))
        .join(''),
    ) as { StartAt: string; States: Record<string, Record<string, unknown>> };
    // The phases chained in the domain's order: a case that moves on costs one transition per step.
    expect(definition.StartAt).toBe('RouteToStep');
    const chain = ['AwaitTriage', 'AwaitHandling', 'AwaitReview', 'AwaitRating'];
    chain.forEach((wait, index) => {
      const state = definition.States[wait];
      if (index < chain.length - 1) expect(state?.Next).toBe(chain[index + 1]);
      else expect(state?.End).toBe(true);
      expect(state?.ResultPath).toBe('$.plan');
      expect(state?.TimeoutSecondsPath).toBe('$.plan.timeoutSeconds');
      expect(String(state?.Resource)).toMatch(/lambda:invoke\.waitForTaskToken$/);
      const [timeout, replan] = (state?.Catch ?? []) as { ErrorEquals: string[]; Next: string }[];
      expect(timeout?.ErrorEquals).toEqual(['States.Timeout']);
      expect(timeout?.Next).toBe(wait === 'AwaitRating' ? 'CloseUnrated' : 'EscalateOverdue');
      expect(replan).toEqual({ ErrorEquals: [REPLAN_ERROR], Next: 'PlanNextStep', ResultPath: null });
      // A failed wait function is tried again; a replan is not (retriers match in order). First,
      // the retrier CDK adds for Lambda's own service errors.
      expect(state?.Retry).toEqual([
        expect.objectContaining({ ErrorEquals: expect.arrayContaining(['Lambda.ServiceException']) }),
        { ErrorEquals: [REPLAN_ERROR], MaxAttempts: 0 },
        { ErrorEquals: ['States.TaskFailed'], MaxAttempts: 3, BackoffRate: 2 },
      ]);
    });
    // Case tables' indexes carry only what lists filter on, not whole cases.
    for (const [id, table] of Object.entries(data.findResources('AWS::DynamoDB::Table')))
      if (/^(Letters|Tickets|Consultations)Table/.test(id))
        for (const index of table.Properties.GlobalSecondaryIndexes as { Projection: unknown }[])
          expect(index.Projection).toEqual({
            ProjectionType: 'INCLUDE',
            NonKeyAttributes: LIST_FILTER_ATTRIBUTES,
          });
    // The outbox's by-case index carries only the kind: marking a notice delivered leaves it alone.
    const outbox = Object.values(data.findResources('AWS::DynamoDB::Table')).find(
      (table) => table.Properties.KeySchema[0].AttributeName === 'notificationId',
    );
    expect(outbox?.Properties.GlobalSecondaryIndexes).toEqual([
      expect.objectContaining({
        IndexName: NOTIFICATIONS_BY_CASE.indexName,
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['kind'] },
      }),
    ]);
    expect(definition.States.PlanNextStep?.Next).toBe('RouteToStep');
  });
});

describe('configuration', () => {
  it('allows CORS only from the site and the front ends cdk.json names', () => {
    const site = cdkJsonContext()[SITE_CONTEXT_KEY] as { url: string; extraCorsOrigins: string[] };
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: [new URL(site.url).origin, ...site.extraCorsOrigins],
        AllowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-query-code'],
      },
    });
  });

  it('refuses to synthesize without a valid site in cdk.json', () => {
    const app = new App({
      context: { 'aws:cdk:bundling-stacks': [], [SITE_CONTEXT_KEY]: { url: 'http://x' } },
    });
    expect(() => buildCivicApp(app)).toThrow(/civicline:site/);
  });
});

describe('the write path at city scale', () => {
  it('streams every case table with both images and the outbox with new images', () => {
    const tables = Object.entries(data.findResources('AWS::DynamoDB::Table'));
    for (const prefix of ['LettersTable', 'TicketsTable', 'ConsultationsTable']) {
      const [, table] = tables.find(([id]) => id.startsWith(prefix)) ?? [];
      expect(table?.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    }
    const [, outbox] = tables.find(([id]) => id.startsWith('NotificationsTable')) ?? [];
    expect(outbox?.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
  });

  it('feeds the stream functions through mappings that report, bisect, retry and keep what fails', () => {
    const mappings = Object.values(api.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(
      Object.values(STREAM_FUNCTIONS).reduce((sum, definition) => sum + definition.stream.sources.length, 0),
    );
    for (const mapping of mappings) {
      expect(mapping.Properties).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumRetryAttempts: 10,
        DestinationConfig: { OnFailure: { Destination: expect.anything() } },
      });
    }
  });

  it('moves the workflow from the case streams, the hourly sweep and its own wait step, never from a request', () => {
    const byAction = new Map<string, Set<string>>();
    for (const [id, policy] of Object.entries(api.findResources('AWS::IAM::Policy'))) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        for (const action of [statement.Action].flat() as string[]) {
          if (!action.startsWith('states:')) continue;
          const roles = byAction.get(action) ?? new Set<string>();
          // A role's default policy (SubmitLetterRoleDefaultPolicy…) or a task-response policy
          // (submitlettertaskresponse…): the function, as its name without dashes.
          roles.add(id.replace(/Role(DefaultPolicy)?.*$|taskresponse.*$/, '').toLowerCase());
          byAction.set(action, roles);
        }
      }
    }
    expect([...(byAction.get('states:StartExecution') ?? [])].sort()).toEqual([
      'followcaseworkflow',
      'resumestalledcases',
    ]);
    expect([...(byAction.get('states:SendTaskSuccess') ?? [])].sort()).toEqual([
      'awaitcasestep',
      'followcaseworkflow',
      'resumestalledcases',
    ]);
    const streamed = Object.values(api.findResources('AWS::Lambda::EventSourceMapping')).filter((mapping) =>
      JSON.stringify(mapping.Properties.FunctionName).includes('FollowCaseWorkflow'),
    );
    expect(streamed).toHaveLength(STREAM_FUNCTIONS.followCaseWorkflow.stream.sources.length);
  });

  it('lets no request function write the counters every case shares', () => {
    const writers = ROUTES.filter((route) =>
      route.tables.some((use) => use.table === 'statistics' && use.access !== 'read'),
    );
    expect(writers).toEqual([]);
  });
});

describe('the pages on CloudFront', () => {
  const site = cdkJsonContext()[SITE_CONTEXT_KEY] as {
    url: string;
    console: { callbackUrls: string[]; logoutUrls: string[] };
  };

  it('keeps the pages in a private, encrypted, versioned bucket that only CloudFront reads (OAC)', () => {
    web.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.objectLike({}),
      LoggingConfiguration: Match.objectLike({}),
    });
    web.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    web.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
  });

  it('serves HTTPS only, with a strict Content-Security-Policy, HSTS and no framing', () => {
    web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        Logging: Match.objectLike({}),
      }),
    });
    const [policy] = Object.values(web.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const security = policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(security.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self';",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    // The pages post attached files straight to the attachment bucket, and to nothing else of S3.
    expect(csp).toMatch(
      /connect-src [^;]*https:\/\/",\{"Fn::ImportValue":"CivicLine-Data:ExportsOutputFnGetAttAttachmentsFiles\w+RegionalDomainName/,
    );
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      Override: true,
    });
    expect(security.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    expect(security.ContentTypeOptions).toMatchObject({ Override: true });
  });

  it('answers /config.json with the API URL and the console’s Cognito client, resolved at deploy', () => {
    const [fn] = Object.values(web.findResources('AWS::CloudFront::Function'));
    expect(fn?.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    const code = JSON.stringify(fn?.Properties.FunctionCode);
    expect(code).toContain('/config.json');
    expect(code).toMatch(/ApiEndpoint/);
    expect(code).toMatch(/StaffConsole/);
    expect(code).toContain(`openid profile ${STAFF_SCOPE}`);
  });

  it('gives the console a public Cognito client: code grant (PKCE), the callback and logout URLs of cdk.json', () => {
    data.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid', STAFF_SCOPE]),
      CallbackURLs: site.console.callbackUrls,
      LogoutURLs: site.console.logoutUrls,
    });
    data.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('publishes the built pages into the bucket and invalidates the distribution', () => {
    web.hasResourceProperties('Custom::CDKBucketDeployment', {
      DistributionPaths: ['/*'],
      Prune: true,
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  const report = validationReport().pluginReports.find((r) => r.pluginName === 'AwsSolutions');

  it('finds nothing unacknowledged', () => {
    expect(report?.conclusion).toBe('success');
    expect(report?.violations).toEqual([]);
  });

  it('acknowledges only wildcards without resource-level permissions, step-function versions, and citizen routes, each with a reason', () => {
    const publicRoutes = ROUTES.filter((r) => r.access !== 'staff').length;
    const acknowledged = report?.suppressedViolations ?? [];
    for (const finding of acknowledged) {
      const paths = finding.violatingConstructs.map((c) => c.constructPath);
      if (finding.ruleName === 'AwsSolutions-IAM5[Resource::*]') {
        for (const path of paths) expect(path).toMatch(/Role\/DefaultPolicy\/Resource$/);
      } else if (paths.every((path) => path.startsWith('CivicLine-Web/'))) {
        // The site: its log bucket, the distribution's reach and certificate, CDK's deployment handler.
        expect(finding.ruleName).toMatch(/^AwsSolutions-(S1|CFR1|CFR2|CFR4|L1|IAM4|IAM5)/);
        if (/IAM|L1/.test(finding.ruleName)) {
          for (const path of paths) expect(path).toMatch(/^CivicLine-Web\/Custom::CDKBucketDeployment/);
        }
      } else if (finding.ruleName.startsWith('AwsSolutions-IAM5[Resource::<')) {
        expect(finding.ruleName).toMatch(/^AwsSolutions-IAM5\[Resource::<\w+\.Arn>:\*\]$/);
        for (const path of paths)
          expect(path).toBe('CivicLine-Api/CaseLifecycle/StateMachine/Role/DefaultPolicy/Resource');
      } else if (/^AwsSolutions-IAM5\[Resource::CivicLine-Data:/.test(finding.ruleName)) {
        // Attached files have random keys: object actions on one prefix of the attachment bucket.
        expect(finding.ruleName).toMatch(
          /^AwsSolutions-IAM5\[Resource::CivicLine-Data:\w+\/(uploads|cases)\/\*\]$/,
        );
        const filesRoles = ROUTES.filter((r) => r.attachments).map(
          (r) => `CivicLine-Api/${pascalCase(r.functionName)}Role/DefaultPolicy/Resource`,
        );
        for (const path of paths) expect(filesRoles).toContain(path);
      } else if (
        finding.ruleName === 'AwsSolutions-S1' &&
        paths.every((p) => p.startsWith('CivicLine-Data/'))
      ) {
        for (const path of paths) expect(path).toBe('CivicLine-Data/Attachments/AccessLogs/Resource');
      } else if (finding.ruleName === 'AwsSolutions-SQS3') {
        // The stream mappings' failure destination is itself the dead-letter queue.
        for (const path of paths) expect(path).toBe('CivicLine-Api/StreamFailures/Resource');
      } else {
        expect(finding.ruleName).toBe('AwsSolutions-APIG4');
        for (const path of paths) expect(path).toMatch(/^CivicLine-Api\/CivicApi\//);
      }
      expect((finding as unknown as { reason: string }).reason.length).toBeGreaterThan(30);
    }
    expect(acknowledged.filter((f) => f.ruleName === 'AwsSolutions-APIG4')).toHaveLength(publicRoutes);
  });
});
