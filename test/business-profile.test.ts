import { grantedHeaders } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// A business page: the registry's record joined with its legal representative (population)
// and its dossiers (dossiers) through the gateway.

// The applicant and the legal representative are personal data: read as a granted agency, for its purpose.
let stack: Stack;
let headers: Record<string, string>;
beforeAll(async () => {
  stack = await startStack();
  headers = await grantedHeaders();
});
afterAll(async () => {
  await stack?.stop();
});

test('a business with its legal representative and its dossiers', async () => {
  const listing = await postGraphQL(stack.gatewayUrl, `{ dossiers(first: 100) { edges { node { applicant { __typename ... on Business { taxCode } } } } } }`, undefined, headers);
  expect(listing.errors).toBeUndefined();
  const applicant = listing.data.dossiers.edges.map((e: any) => e.node.applicant).find((a: any) => a?.__typename === 'Business');
  expect(applicant).toBeDefined();

  const res = await postGraphQL(
    stack.gatewayUrl,
    `query Business($taxCode: ID!) { business(taxCode: $taxCode) {
      taxCode name legalForm foreignInvested registeredCapitalVnd foundedOn status
      digitalTechnology usesDigitalPlatform usesEInvoice
      industry { code name section }
      address { id name level parent { name } }
      legalRepresentative { id fullName residence { name } }
      dossiers(first: 10) { totalCount edges { node { code procedure { name field } applicant { ... on Business { taxCode } } } } }
    } }`,
    { taxCode: applicant.taxCode },
    headers,
  );
  expect(res.errors).toBeUndefined();
  const business = res.data.business;
  expect(business.taxCode).toBe(applicant.taxCode);
  expect(business.registeredCapitalVnd).toMatch(/^\d+$/);
  expect(business.industry.section).toMatch(/^[A-U]$/);
  expect(business.address.level).toBe('COMMUNE');
  expect(business.legalRepresentative.fullName.length).toBeGreaterThan(3);
  expect(business.dossiers.totalCount).toBeGreaterThan(0);
  for (const { node } of business.dossiers.edges) expect(node.applicant).toEqual({ taxCode: applicant.taxCode });
});
