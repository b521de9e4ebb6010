import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import { DUMMY_ACCOUNT } from 's3rver/lib/models/account.js';
import { LOCAL_CREDENTIALS } from './dynamodb-local';
import type { Template } from './synthesized-app';

/** The attachment bucket's CORS rule as the data stack's template has it. */
interface BucketCors {
  readonly methods: readonly string[];
  readonly headers: readonly string[];
  readonly maxAgeSeconds: number;
}

export interface LocalS3 {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * The S3 stand-in (s3rver): one bucket on disk, with the CORS rule of the synthesized bucket and
 * the local site's origins (the cloud's origins are the city's site). s3rver does not check
 * signatures or POST policies: the size and type a policy would refuse are refused again by the
 * functions from the bytes before a case links a file, which is what the tests rely on.
 */
export async function startLocalS3(options: {
  readonly directory: string;
  readonly bucket: string;
  readonly cors: BucketCors;
  readonly origins: readonly string[];
  readonly host: string;
}): Promise<LocalS3> {
  mkdirSync(options.directory, { recursive: true });
  // The functions sign with the local credentials; s3rver accepts only key ids it knows.
  DUMMY_ACCOUNT.createKeyPair(LOCAL_CREDENTIALS.accessKeyId, LOCAL_CREDENTIALS.secretAccessKey);
  const server = new S3rver({
    address: options.host,
    port: 0,
    directory: options.directory,
    silent: true,
    configureBuckets: [{ name: options.bucket, configs: [corsXml(options.cors, options.origins)] }],
  });
  const { port } = await server.run();
  return { endpoint: `http://${options.host}:${port}`, stop: () => server.close() };
}

/** The CORS rule of the template's attachment bucket (AWS::S3::Bucket CorsConfiguration). */
export function bucketCors(data: Template, logicalId: string): BucketCors {
  const rules = (
    data.Resources[logicalId]?.Properties?.CorsConfiguration as {
      CorsRules?: { AllowedMethods?: string[]; AllowedHeaders?: string[]; MaxAge?: number }[];
    }
  )?.CorsRules;
  const rule = rules?.[0];
  if (!rule) throw new Error(`the attachment bucket ${logicalId} has no CORS rule in the template`);
  return {
    methods: rule.AllowedMethods ?? [],
    headers: rule.AllowedHeaders ?? [],
    maxAgeSeconds: rule.MaxAge ?? 0,
  };
}

function corsXml(cors: BucketCors, origins: readonly string[]): string {
  const tags = (tag: string, values: readonly string[]) =>
    values.map((value) => `<${tag}>${value}</${tag}>`).join('');
  return `<CORSConfiguration><CORSRule>${tags('AllowedOrigin', origins)}${tags('AllowedMethod', cors.methods)}${tags('AllowedHeader', cors.headers)}<MaxAgeSeconds>${cors.maxAgeSeconds}</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}
