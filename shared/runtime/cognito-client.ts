import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

let cognito: CognitoIdentityProviderClient | undefined;

/**
 * The Cognito user pool's admin API, for the staff administration functions only (a module of its
 * own so that no other function loads the client). Never used locally: there the sign-in accounts
 * are the directory itself.
 */
export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient({});
  return cognito;
}
