/**
 * What the functions' bundles use in place of the SDK's default credential chain
 * (`@aws-sdk/credential-provider-node`, aliased at bundle time): Lambda always hands a function its
 * role's credentials in the environment, so the chain's other providers (SSO, INI files, web
 * identity, instance metadata, and the STS/SSO clients they carry) would never run there — they
 * only made every bundle larger and its cold start slower. Locally and in tests, unbundled code
 * keeps the full chain.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
