import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { pascalCase } from '../../infra/stateless/civic-api-stack';
import { ATTACHMENT_RULES } from '../../shared/domain/attachment';
import { ROUTES } from '../../shared/functions/route-table';
import { synthesize } from './synthesized-app';

/** The bucket of attached files (issue 12, item 5) as it would be deployed. */
const { data, api } = synthesize();

const filesBucket = () => {
  const [entry] = Object.entries(data.findResources('AWS::S3::Bucket')).filter(([id]) =>
    id.startsWith('AttachmentsFiles'),
  );
  if (!entry) throw new Error('no attachment bucket in the data stack');
  return entry;
};

/** Each function's S3 statements: actions by resource, the bucket's logical id left out. */
function s3Grants(): Map<string, string[]> {
  const grants = new Map<string, string[]>();
  for (const [id, policy] of Object.entries(api.findResources('AWS::IAM::Policy'))) {
    for (const statement of policy.Properties.PolicyDocument.Statement) {
      const actions = [statement.Action].flat() as string[];
      if (!actions.some((action) => action.startsWith('s3:'))) continue;
      const resource = JSON.stringify(statement.Resource).includes('/uploads/*')
        ? 'uploads/*'
        : JSON.stringify(statement.Resource).includes('/cases/*')
          ? 'cases/*'
          : 'bucket';
      const fn = id.replace(/Role(DefaultPolicy)?.*$/, '');
      grants.set(fn, [...(grants.get(fn) ?? []), ...actions.map((a) => `${a} ${resource}`)].sort());
    }
  }
  return grants;
}

describe('the attachment bucket', () => {
  it('is private, encrypted, versioned, logged and TLS-only', () => {
    const [id, bucket] = filesBucket();
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { LogFilePrefix: 'attachments/' },
    });
    data.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('deletes uploads no case linked after a day, and old versions of linked files after 30 days', () => {
    const rules = filesBucket()[1].Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Prefix: 'uploads/',
          ExpirationInDays: ATTACHMENT_RULES.unlinkedUploadDays,
          Status: 'Enabled',
        }),
        expect.objectContaining({
          Prefix: 'cases/',
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          Status: 'Enabled',
        }),
      ]),
    );
    expect(JSON.stringify(rules.find((r: { Prefix?: string }) => r.Prefix === 'cases/'))).not.toMatch(
      /ExpirationInDays/,
    );
  });

  it('takes browser uploads (POST) from the site only', () => {
    const cors = filesBucket()[1].Properties.CorsConfiguration.CorsRules;
    expect(cors).toHaveLength(1);
    expect(cors[0].AllowedMethods).toEqual(['POST']);
    for (const origin of cors[0].AllowedOrigins) expect(origin).toMatch(/^https:\/\//);
  });

  it('grants each function only what its use needs, object by object under one prefix', () => {
    const expected = new Map(
      ROUTES.filter((r) => r.attachments).map((r) => [
        pascalCase(r.functionName),
        {
          offer: ['s3:PutObject uploads/*'],
          link: [
            's3:DeleteObject uploads/*',
            's3:GetObject uploads/*',
            's3:ListBucket bucket',
            's3:PutObject cases/*',
          ],
          read: ['s3:GetObject cases/*'],
        }[r.attachments ?? 'read'],
      ]),
    );
    expect(Object.fromEntries(s3Grants())).toEqual(Object.fromEntries(expected));
    expect([...expected.keys()].sort()).toEqual([
      'ActOnCase',
      'GetCase',
      'ListPublicCases',
      'OfferUpload',
      'RateCase',
      'SubmitConsultation',
      'SubmitLetter',
    ]);
  });

  it('names the bucket to exactly those functions', () => {
    for (const [id, fn] of Object.entries(api.findResources('AWS::Lambda::Function'))) {
      const named = 'ATTACHMENTS_BUCKET' in (fn.Properties.Environment?.Variables ?? {});
      const route = ROUTES.find((r) => id.startsWith(pascalCase(r.functionName)));
      expect(named, id).toBe(Boolean(route?.attachments));
    }
  });
});
