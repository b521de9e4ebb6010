import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { KeyWrapper } from '../ports/key-ring';

/**
 * Stands in for KMS on a developer machine: key material is wrapped with AES-256-GCM under a
 * master key kept in a local file (created by `npm start`, never committed).
 */
export function localFileKeyWrapper(keyFile: string): KeyWrapper {
  let master: Promise<Buffer> | undefined;
  const masterKey = () => {
    master ??= readFile(keyFile, 'utf8').then((text) => {
      const key = Buffer.from(text.trim(), 'base64');
      if (key.length !== 32) throw new Error(`${keyFile} does not hold a 256-bit key`);
      return key;
    });
    return master;
  };
  return {
    name: 'local-file',
    async wrap(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', await masterKey(), iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async unwrap(wrapped) {
      const decipher = createDecipheriv('aes-256-gcm', await masterKey(), wrapped.subarray(0, 12));
      decipher.setAuthTag(wrapped.subarray(12, 28));
      return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
    },
  };
}
