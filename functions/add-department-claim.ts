import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { rolesOfGroups } from '../shared/domain/roles';

/**
 * Cognito pre-token-generation (V2) trigger: copies the user's `custom:department` attribute into
 * the access token as `department`, where API Gateway passes it on to the handlers, and keeps in
 * the groups claim only the groups that are exactly a staff role (a group name with a space would
 * otherwise read as two roles once API Gateway flattens the claim to "[a b]").
 */
export const handler = async (event: PreTokenGenerationV2TriggerEvent) => {
  const department = event.request.userAttributes['custom:department'];
  const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
  event.response = {
    claimsAndScopeOverrideDetails: {
      groupOverrideDetails: { groupsToOverride: rolesOfGroups(groups) },
      ...(department ? { accessTokenGeneration: { claimsToAddOrOverride: { department } } } : {}),
    },
  };
  return event;
};
