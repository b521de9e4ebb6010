import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/**
 * Cognito pre-token-generation (V2) trigger: copies the user's `custom:department` attribute into
 * the access token as `department`, where API Gateway passes it on to the handlers.
 */
export const handler = async (event: PreTokenGenerationV2TriggerEvent) => {
  const department = event.request.userAttributes['custom:department'];
  if (department) {
    event.response = {
      claimsAndScopeOverrideDetails: {
        accessTokenGeneration: { claimsToAddOrOverride: { department } },
      },
    };
  }
  return event;
};
