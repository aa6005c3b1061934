import { postGraphQL } from '../../../test/support/graphql-client';

/** Resolves AdministrativeUnit representations the way the gateway does, through `_entities`. */
export async function unitEntities(url: string, unitIds: string[], selection: string, variables: Record<string, unknown> = {}, variableDefinitions = '') {
  const query = `query Units($representations: [_Any!]!${variableDefinitions}) {
    _entities(representations: $representations) { ... on AdministrativeUnit { id ${selection} } }
  }`;
  return postGraphQL(url, query, { representations: unitIds.map((id) => ({ __typename: 'AdministrativeUnit', id })), ...variables });
}

/** The error codes of a response, for BAD_USER_INPUT checks. */
export function errorCodes(response: { errors?: { extensions?: Record<string, any> }[] }): string[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
