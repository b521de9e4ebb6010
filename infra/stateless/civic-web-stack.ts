import { type CfnResource, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct, IConstruct } from 'constructs';
import { contentSecurityPolicy, type SiteConfig } from '../../shared/contract/site-config';
import { siteSettings } from '../site-settings';
import type { CivicDataStack } from '../stateful/civic-data-stack';
import { consoleSignIn } from '../stateful/staff-tokens';
import type { CivicApiStack } from './civic-api-stack';
import { siteRequestFunctionCode } from './site-request-function';

export interface CivicWebStackProps extends StackProps {
  readonly data: CivicDataStack;
  readonly api: CivicApiStack;
  /** The built pages (`vite build` output: index.html, console/index.html, assets/). */
  readonly pages: string;
}

/**
 * The pages: a private bucket behind CloudFront (Origin Access Control, HTTPS only, strict security
 * headers), each app's SPA fallback and `/config.json` from a CloudFront Function.
 */
export class CivicWebStack extends Stack {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: CivicWebStackProps) {
    super(scope, id, props);
    const settings = siteSettings(this.node);
    const { staffTokens } = props.data;

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL the bucket must accept.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(180) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new Bucket(this, 'Pages', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'pages-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The console signs in with whoever issues the staff tokens (Cognito, or the city's platform).
    const siteConfig: SiteConfig = { apiUrl: props.api.api.apiEndpoint, signIn: consoleSignIn(staffTokens) };
    const siteRequest = new EdgeFunction(this, 'SiteRequest', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'CivicLine pages: SPA fallback per app and /config.json',
      code: FunctionCode.fromInline(siteRequestFunctionCode(JSON.stringify(siteConfig))),
    });
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'CivicLine pages: strict CSP, HSTS, no framing, no sniffing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy([
            props.api.api.apiEndpoint,
            // Files are posted straight to the attachment bucket (presigned POST).
            `https://${props.data.attachments.bucket.bucketRegionalDomainName}`,
            ...staffTokens.console.origins,
          ]),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      },
    });
    const host = new URL(settings.url).hostname;
    this.distribution = new Distribution(this, 'Site', {
      comment: 'CivicLine citizen pages and staff console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: siteRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(settings.certificateArn
        ? {
            domainNames: [host],
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            certificate: Certificate.fromCertificateArn(this, 'SiteCertificate', settings.certificateArn),
          }
        : {}),
    });
    const publish = new BucketDeployment(this, 'PublishPages', {
      // Dot files are the build's own bookkeeping, not pages.
      sources: [Source.asset(props.pages, { exclude: ['.*'] })],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    this.acknowledgeFindings(Boolean(settings.certificateArn));
    this.acknowledgeDeploymentHandler(publish);
  }

  /**
   * CDK's own function behind BucketDeployment copies the pages from the asset bucket into ours
   * and invalidates the distribution, at deploy time only. Its code and policy are CDK's; each
   * finding is acknowledged on that function alone, by the exact permission.
   */
  private acknowledgeDeploymentHandler(publish: BucketDeployment) {
    const handler = this.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (!handler) throw new Error('BucketDeployment handler not found: CDK changed its construct id');
    const policy = handler.node.findChild('ServiceRole').node.findChild('DefaultPolicy');
    const copying =
      'Deployment-time copy of the pages: CDK grants its handler these object-level actions on the asset bucket and the pages bucket only.';
    for (const permission of [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      `Resource::<${this.getLogicalId(this.bucket.node.defaultChild as CfnResource)}.Arn>/*`,
      'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    ]) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[${permission}]`,
        reason: copying,
      });
    }
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'cloudfront:CreateInvalidation and GetInvalidation, which CDK grants on * to invalidate the distribution after publishing.',
    });
    Validations.of(handler.node.findChild('ServiceRole')).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The deployment handler writes only its own logs; CDK attaches this managed policy to it.',
    });
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason: `CDK pins the runtime of its BucketDeployment handler (${publish.node.id}); it runs only while deploying.`,
    });
  }

  private acknowledgeFindings(hasCertificate: boolean) {
    const acknowledge = (construct: IConstruct, rule: string, reason: string) =>
      Validations.of(construct).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}`, reason });
    acknowledge(
      this.node.findChild('AccessLogs'),
      'S1',
      'This bucket receives the access logs of the pages bucket and of CloudFront; logging it into itself would loop.',
    );
    acknowledge(
      this.distribution,
      'CFR1',
      'Citizens write from wherever they are (travelling, working abroad); no country may be refused the mailbox.',
    );
    acknowledge(
      this.distribution,
      'CFR2',
      'The distribution serves static pages only; the API they call is throttled per stage and route. A WAF web ACL (us-east-1) is a per-city choice the README describes.',
    );
    if (!hasCertificate) {
      acknowledge(
        this.distribution,
        'CFR4',
        'Until civicline:site.certificateArn names the site certificate, CloudFront serves its default *.cloudfront.net certificate, which cannot pin TLS 1.2; with it the policy is TLSv1.2_2021.',
      );
    }
  }
}
