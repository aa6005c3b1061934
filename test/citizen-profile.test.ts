import { grantedHeaders } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// A frontend's citizen profile: one request through the gateway joins population (person,
// residence, household), business (businesses represented) and dossiers (latest dossiers).

const PROFILE = /* GraphQL */ `
  query CitizenProfile($id: ID!) {
    citizen(id: $id) {
      id cccd fullName birthDate gender ethnicity electronicIdLevel
      residence { id name level parent { id name } }
      household { id head { id } members { id fullName } residence { id } }
      businesses { taxCode name status legalRepresentative { id } }
      dossiers(first: 5) {
        totalCount
        edges { cursor node { code status submittedAt procedure { code name } applicant { __typename ... on Citizen { id } } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;

// Personal data: read as an agency whose grant covers it (basic data and Citizen.ethnicity), for its purpose.
let stack: Stack;
let headers: Record<string, string>;
beforeAll(async () => {
  stack = await startStack();
  headers = await grantedHeaders();
});
afterAll(async () => {
  await stack?.stop();
});

async function representativeWithDossiers(): Promise<string> {
  // Walk businesses until one's legal representative also has dossiers of their own.
  let after: string | null = null;
  for (let page = 0; page < 20; page += 1) {
    const res: any = await postGraphQL(stack.gatewayUrl, `query($after: String) { businesses(first: 100, after: $after) {
      edges { node { legalRepresentative { id dossiers(first: 1) { totalCount } } } } pageInfo { endCursor hasNextPage } } }`, { after }, headers);
    expect(res.errors).toBeUndefined();
    const found = res.data.businesses.edges.find((e: any) => e.node.legalRepresentative?.dossiers?.totalCount > 0);
    if (found) return found.node.legalRepresentative.id;
    if (!res.data.businesses.pageInfo.hasNextPage) break;
    after = res.data.businesses.pageInfo.endCursor;
  }
  throw new Error('the seed has no legal representative with dossiers');
}

test('a citizen profile joins person, residence, household, businesses and dossiers in one request', async () => {
  const id = await representativeWithDossiers();
  const res = await postGraphQL(stack.gatewayUrl, PROFILE, { id }, headers);
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  const citizen = res.data.citizen;
  expect(citizen.id).toBe(id);
  expect(citizen.cccd).toMatch(/^\d{12}$/);
  expect(citizen.fullName.split(' ').length).toBeGreaterThanOrEqual(2);
  expect(citizen.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(['MALE', 'FEMALE']).toContain(citizen.gender);
  expect(citizen.residence.level).toBe('COMMUNE');
  expect(citizen.residence.parent.id).toMatch(/^7(1[89]|2[0-6])$/);
  expect(citizen.household.members.map((m: any) => m.id)).toContain(id);
  expect(citizen.businesses.length).toBeGreaterThan(0);
  for (const business of citizen.businesses) expect(business.legalRepresentative.id).toBe(id);
  const dossiers = citizen.dossiers;
  expect(dossiers.totalCount).toBeGreaterThan(0);
  expect(dossiers.edges.length).toBe(Math.min(5, dossiers.totalCount));
  for (const { node } of dossiers.edges) {
    expect(node.applicant).toEqual({ __typename: 'Citizen', id });
    expect(node.procedure.name.length).toBeGreaterThan(0);
    expect(node.submittedAt).toMatch(/\+07:00$/);
  }
  expect(dossiers.pageInfo.hasNextPage).toBe(dossiers.totalCount > 5);
});

test('an unknown citizen id is null, not an error', async () => {
  const res = await postGraphQL(stack.gatewayUrl, `{ citizen(id: "C-NOT-THERE") { id fullName } }`, undefined, headers);
  expect(res.errors).toBeUndefined();
  expect(res.data.citizen).toBeNull();
});
