import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { cdkJsonContext } from '../../infra/cdk-json-context';
import { pascalCase } from '../../infra/stateless/civic-api-stack';
import { ROUTES, routeKey } from '../../shared/functions/route-table';
import { synthesize } from './synthesized-app';

/**
 * The AWS China variant (issue 15), beside the global one from the same app: no Cognito, no X-Ray,
 * staff tokens from the city's identity platform, every ARN from the partition — and otherwise
 * the same routes, tables, state machine and streams.
 */
const global = synthesize();
const china = synthesize({ target: 'china' });
const identity = cdkJsonContext()['civicline:identity'] as {
  issuer: string;
  audience: string[];
  claims: { scope: string };
};

const sms = cdkJsonContext()['civicline:sms'] as { signName: string; templates: Record<string, string> };

const templates = (app: typeof global) => [app.data, app.api];
const json = (template: Template) => JSON.stringify(template.toJSON());
const typesOf = (template: Template) =>
  Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type);

describe('the China template', () => {
  it('has no Cognito resource, no tracing, and no literal arn:aws: anywhere', () => {
    for (const template of templates(china)) {
      expect(typesOf(template).filter((type) => type.startsWith('AWS::Cognito::'))).toEqual([]);
      expect(json(template)).not.toMatch(/arn:aws:/);
    }
    for (const fn of Object.values(china.api.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.TracingConfig?.Mode ?? 'PassThrough').toBe('PassThrough');
    }
    const [machine] = Object.values(china.api.findResources('AWS::StepFunctions::StateMachine'));
    expect(machine?.Properties.TracingConfiguration?.Enabled ?? false).toBe(false);
    expect(china.stacks.web).toBeUndefined();
  });

  it('trusts the city’s identity platform on every staff route, with its scope', () => {
    china.api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: identity.issuer, Audience: identity.audience },
    });
    const staffRoutes = Object.values(china.api.findResources('AWS::ApiGatewayV2::Route')).filter(
      (route) => route.Properties.AuthorizationType === 'JWT',
    );
    expect(staffRoutes).toHaveLength(ROUTES.filter((r) => r.access === 'staff').length);
    for (const route of staffRoutes) {
      expect(route.Properties.AuthorizationScopes).toEqual([identity.claims.scope]);
    }
  });

  it('tells every function that reads staff tokens how to read them, and the rest nothing', () => {
    const mapping = JSON.stringify(identity.claims);
    for (const route of ROUTES) {
      const [fn] = Object.entries(china.api.findResources('AWS::Lambda::Function')).filter(([id]) =>
        id.startsWith(`${pascalCase(route.functionName)}`),
      );
      const variables = fn?.[1].Properties.Environment.Variables ?? {};
      expect(variables.STAFF_TOKEN_CLAIMS, routeKey(route)).toBe(
        route.access === 'public' ? undefined : mapping,
      );
    }
    // The global functions read Cognito's shape, the default.
    expect(json(global.api)).not.toContain('STAFF_TOKEN_CLAIMS');
  });

  it('keeps staff accounts in the directory only: no Cognito actions, sign-in accounts are the platform’s', () => {
    expect(json(china.api)).not.toContain('cognito-idp:');
    china.api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ CIVICLINE_SIGN_IN: 'external' }) },
    });
  });

  it('texts citizens through the city’s SMS provider: registered templates, the AccessKey in a secret', () => {
    const [secretId, secret] =
      Object.entries(china.data.findResources('AWS::SecretsManager::Secret'))[0] ?? [];
    expect(secretId).toBeDefined();
    expect(secret?.Properties.KmsKeyId).toBeDefined();
    const functions = Object.entries(china.api.findResources('AWS::Lambda::Function'));
    const texting = functions.filter(([, fn]) => fn.Properties.Environment?.Variables?.SMS_SETTINGS);
    expect(texting.map(([id]) => id.replace(/[0-9A-F]{8}$/, ''))).toEqual(['DeliverNotifications']);
    const variables = texting[0]?.[1].Properties.Environment.Variables;
    expect(JSON.parse(variables.SMS_SETTINGS)).toEqual({
      endpoint: 'https://dysmsapi.aliyuncs.com',
      signName: sms.signName,
      templates: sms.templates,
    });
    expect(JSON.stringify(variables.SMS_ACCESS_KEY_SECRET)).toContain(secretId);
    // The mobile number is in the case's sealed contact: the cases read, the key ring to open it.
    for (const name of ['LETTERS_TABLE', 'TICKETS_TABLE', 'CONSULTATIONS_TABLE', 'KEYRING_TABLE']) {
      expect(variables[name], name).toBeDefined();
    }
    const policies = JSON.stringify(china.api.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('secretsmanager:GetSecretValue');
    // The global stack leaves texting to the topic's subscribers.
    expect(global.data.findResources('AWS::SecretsManager::Secret')).toEqual({});
    expect(json(global.api)).not.toContain('SMS_SETTINGS');
  });

  it('has no unacknowledged cdk-nag finding, and acknowledges only what China lacks on top of the global ones', () => {
    const report = china.validationReport().pluginReports.find((r) => r.pluginName === 'AwsSolutions');
    expect(report?.conclusion).toBe('success');
    expect(report?.violations).toEqual([]);
    const globalRules = new Set(
      global
        .validationReport()
        .pluginReports.find((r) => r.pluginName === 'AwsSolutions')
        ?.suppressedViolations.map((v) => v.ruleName),
    );
    const onlyInChina = (report?.suppressedViolations ?? [])
      .map((v) => v.ruleName)
      .filter((rule) => !globalRules.has(rule));
    // No tracing, and an AccessKey of another cloud that only its own console rotates.
    expect(onlyInChina.sort()).toEqual(['AwsSolutions-SF2', 'AwsSolutions-SMG4']);
  });
});

describe('the same service in both', () => {
  const routeKeys = (template: Template) =>
    Object.values(template.findResources('AWS::ApiGatewayV2::Route'))
      .map((route) => route.Properties.RouteKey as string)
      .sort();
  const tables = (template: Template) =>
    Object.entries(template.findResources('AWS::DynamoDB::Table'))
      .map(([id, table]) => [id, table.Properties.KeySchema, table.Properties.StreamSpecification])
      .sort();

  it('serves the same routes, keeps the same tables and follows the same streams', () => {
    expect(routeKeys(china.api)).toEqual(routeKeys(global.api));
    expect(tables(china.data)).toEqual(tables(global.data));
    expect(Object.keys(china.api.findResources('AWS::Lambda::EventSourceMapping')).sort()).toEqual(
      Object.keys(global.api.findResources('AWS::Lambda::EventSourceMapping')).sort(),
    );
  });

  it('runs the same state machine', () => {
    const definition = (template: Template) =>
      JSON.stringify(
        Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0]?.Properties
          .DefinitionString,
      );
    expect(definition(china.api)).toEqual(definition(global.api));
  });

  it('keeps the attached files in the same private bucket', () => {
    const bucket = (template: Template) =>
      Object.entries(template.findResources('AWS::S3::Bucket')).find(([id]) =>
        id.startsWith('AttachmentsFiles'),
      )?.[1];
    expect(bucket(china.data)).toEqual(bucket(global.data));
  });
});
