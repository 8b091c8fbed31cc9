import type { PreTokenGenerationTriggerHandler } from 'aws-lambda';

/**
 * The custom attributes an administrator sets on a user, and the claim each becomes. The
 * API's handlers read `role`, `agency`, `uscc` and `idNumber` (shared/http/principal.ts), the
 * same names the local runtime signs; Cognito would only offer them as `custom:role` and so on.
 * A person's ID number is checked by the API like any code (a bad one is refused, 401).
 */
const CLAIMS = {
  'custom:role': 'role',
  'custom:agency': 'agency',
  'custom:uscc': 'uscc',
  'custom:id_number': 'idNumber',
} as const;

/**
 * Cognito's pre-token-generation trigger (event version 1: it shapes the ID token, which is
 * the token the website sends and the API's JWT authorizer checks). Copies each custom
 * attribute the user has into a plain claim; one the user lacks stays absent, and the
 * principal check then turns the token away rather than guessing.
 */
export const handler: PreTokenGenerationTriggerHandler = async (event) => {
  const attributes = event.request.userAttributes;
  const claims: Record<string, string> = {};
  for (const [attribute, claim] of Object.entries(CLAIMS)) {
    const value = attributes[attribute];
    if (value !== undefined && value !== '') claims[claim] = value;
  }
  // Cognito sends `claimsOverrideDetails: null`, so build the object rather than mutate it.
  event.response.claimsOverrideDetails = {
    ...event.response.claimsOverrideDetails,
    claimsToAddOrOverride: { ...event.response.claimsOverrideDetails?.claimsToAddOrOverride, ...claims },
  };
  return event;
};
