// The Apollo Client setup that README.md shows in "Use it from your tools" (the block between
// the markers is the README's text, character for character: test/clients/real-clients.test.ts
// checks it, runs it here against a started system, and type-checks it beside the code that
// @graphql-codegen/cli generates).
// README apollo.ts begin
// src/apollo.ts
import { ApolloClient, HttpLink, InMemoryCache, type NormalizedCacheObject } from '@apollo/client/core';

/** The gateway's unions and interfaces with their members, read once by introspection (analyst scope). */
export async function fetchPossibleTypes(url: string, headers: Record<string, string>): Promise<Record<string, string[]>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ __schema { types { kind name possibleTypes { name } } } }' }),
  });
  const result = (await response.json()) as { data?: { __schema: { types: { name: string; possibleTypes: { name: string }[] | null }[] } }; errors?: unknown };
  if (!result.data) throw new Error(`introspection failed: ${JSON.stringify(result.errors)}`);
  const possibleTypes: Record<string, string[]> = {};
  for (const type of result.data.__schema.types) {
    if (type.possibleTypes) possibleTypes[type.name] = type.possibleTypes.map((member) => member.name);
  }
  return possibleTypes; // { Applicant: ['Citizen', 'Business'] }
}

export function gatewayClient(url: string, headers: Record<string, string>, possibleTypes: Record<string, string[]>): ApolloClient<NormalizedCacheObject> {
  return new ApolloClient({
    link: new HttpLink({ uri: url, headers }),
    cache: new InMemoryCache({ possibleTypes }),
  });
}
// README apollo.ts end
