import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ATTACHMENT_RULES, CASE_FILES_PREFIX, UPLOAD_PREFIX } from '../../shared/domain/attachment';
import { corsOrigins, siteSettings } from '../site-settings';

/**
 * Attached files (附件): a private, encrypted, versioned bucket. Browsers post uploads straight to
 * it with presigned forms (CORS from the site's origins, POST only); nothing in it is public — the
 * functions hand out download links that expire in minutes. Uploads no case linked are deleted
 * after ATTACHMENT_RULES.unlinkedUploadDays; a linked file's earlier versions after 30 days.
 */
export class AttachmentBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(180) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'The access-log bucket of the attachment bucket: logging its own access would log forever.',
    });
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // SSE-S3: a presigned POST from a browser cannot carry a KMS key's grant; S3's own keys need none.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'attachments/',
      cors: [
        {
          allowedOrigins: corsOrigins(siteSettings(this.node)),
          allowedMethods: [HttpMethods.POST],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          id: 'unlinked-uploads',
          prefix: UPLOAD_PREFIX,
          expiration: Duration.days(ATTACHMENT_RULES.unlinkedUploadDays),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'case-file-versions',
          prefix: CASE_FILES_PREFIX,
          noncurrentVersionExpiration: Duration.days(30),
        },
        { id: 'incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
