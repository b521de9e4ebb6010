import { readFile } from 'node:fs/promises';
import { type AliyunAccessKey, aliyunAccessKeySchema } from './aliyun-sms-settings';

/** How long a warm function keeps the AccessKey before reading the secret again (a rotated key). */
const KEEP_SECONDS = 300;

/**
 * The SMS provider's AccessKey from Secrets Manager (`{"accessKeyId","accessKeySecret"}`, put there
 * by the city's operators after deploying), read through Powertools Parameters' cache.
 */
export function secretsManagerAccessKey(secretId: string): () => Promise<AliyunAccessKey> {
  return async () => {
    const { getSecret } = await import('@aws-lambda-powertools/parameters/secrets');
    return aliyunAccessKeySchema.parse(
      await getSecret(secretId, { transform: 'json', maxAge: KEEP_SECONDS }),
    );
  };
}

/** On a developer machine: the key the local SMS stand-in checks signatures with, from a file. */
export function fileAccessKey(path: string): () => Promise<AliyunAccessKey> {
  return async () => aliyunAccessKeySchema.parse(JSON.parse(await readFile(path, 'utf8')));
}
