/**
 * The secrets the application holds in memory: the data key that encrypts contact fields and the
 * key that makes keyed hashes (query codes, phone lookups). At rest they exist only wrapped — by
 * the KMS customer-managed key in the cloud, by a local key file on a developer's machine.
 */
export interface KeyRing {
  /** The key new data is sealed with, and its id (stored beside each ciphertext). */
  currentDataKey(): Promise<{ keyId: string; key: Buffer }>;
  /** A data key by id, for data sealed before a rotation. */
  dataKey(keyId: string): Promise<Buffer>;
  hashKey(): Promise<Buffer>;
  /**
   * Makes a new data key current and returns its id. Data sealed before keeps naming its own key
   * and stays readable; new data is sealed with the new key (by each process from its next start).
   */
  rotateDataKey(): Promise<string>;
}

/** Wraps and unwraps key material: KMS in the cloud, a local key file locally. */
export interface KeyWrapper {
  readonly name: string;
  wrap(plain: Buffer): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}
