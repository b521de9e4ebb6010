/** An Open311 client application (a city website, a 311 app) and the API key it posts with. */
export interface ClientApplication {
  readonly keyId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt?: string;
}

/**
 * API keys issued per client application by an administrator: the key is shown once and only a
 * keyed hash of its secret is stored; a revoked key is refused at its next use.
 */
export interface ClientKeys {
  issue(name: string, by: string): Promise<ClientApplication & { readonly apiKey: string }>;
  /** The application behind a key, if the key is genuine and not revoked. */
  verify(apiKey: string): Promise<ClientApplication | undefined>;
  list(): Promise<readonly ClientApplication[]>;
  /** False when there is no such key. Revoking twice keeps the first date. */
  revoke(keyId: string, by: string): Promise<boolean>;
}
