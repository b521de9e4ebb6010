import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { SealedContact } from '../domain/case';
import type { CitizenContact } from '../domain/contact';
import type { ContactVault } from '../ports/contact-vault';
import type { KeyRing } from '../ports/key-ring';

/** AES-256-GCM over the whole contact record; the key id is authenticated with it. */
export function aesContactVault(keys: KeyRing): ContactVault {
  return {
    async seal(contact) {
      const { keyId, key } = await keys.currentDataKey();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(keyId));
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(contact), 'utf8'), cipher.final()]);
      return {
        keyId,
        iv: iv.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      };
    },
    async open(sealed: SealedContact) {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        await keys.dataKey(sealed.keyId),
        Buffer.from(sealed.iv, 'base64'),
      );
      decipher.setAAD(Buffer.from(sealed.keyId));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8')) as CitizenContact;
    },
    async phoneKey(phone) {
      return createHmac('sha256', await keys.hashKey())
        .update(`phone:${phone}`)
        .digest('base64url');
    },
  };
}
