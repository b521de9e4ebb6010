import type { KMSClient } from '@aws-sdk/client-kms';
import type { KeyWrapper } from '../ports/key-ring';

/** The encryption context binds wrapped keys to their purpose: KMS refuses to unwrap them for anything else. */
const ENCRYPTION_CONTEXT = { purpose: 'civicline-keyring' };

/**
 * Wraps key material with the customer-managed KMS key; plaintext keys never leave memory. The KMS
 * client is loaded on first use: keys are unwrapped once per process, and functions that never
 * touch contact data should not pay for loading it at every cold start.
 */
export function kmsKeyWrapper(keyId: string, client?: KMSClient): KeyWrapper {
  const kms = async () => {
    const sdk = await import('@aws-sdk/client-kms');
    client ??= new sdk.KMSClient({});
    return { client, sdk };
  };
  return {
    name: 'kms',
    async wrap(plain) {
      const { client, sdk } = await kms();
      const out = await client.send(
        new sdk.EncryptCommand({ KeyId: keyId, Plaintext: plain, EncryptionContext: ENCRYPTION_CONTEXT }),
      );
      if (!out.CiphertextBlob) throw new Error('KMS returned no ciphertext');
      return Buffer.from(out.CiphertextBlob);
    },
    async unwrap(wrapped) {
      const { client, sdk } = await kms();
      const out = await client.send(
        new sdk.DecryptCommand({
          KeyId: keyId,
          CiphertextBlob: wrapped,
          EncryptionContext: ENCRYPTION_CONTEXT,
        }),
      );
      if (!out.Plaintext) throw new Error('KMS returned no plaintext');
      return Buffer.from(out.Plaintext);
    },
  };
}
