import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { buildClientSchema, buildSchema, DocumentNode, getIntrospectionQuery, GraphQLSchema, IntrospectionQuery, print, validate } from 'graphql';
import ts from 'typescript';
import { testAccessConfig, testAccessDatabase, testToken } from '../support/access';
import { postGraphQL } from '../support/graphql-client';
import { startStack, Stack } from '../support/stack';
import { fetchPossibleTypes, gatewayClient } from './apollo';
import { readme, readmeOperation, readmeOperations, readmeSection, REPO_ROOT, TOOLS_SECTION, tsBlock, fencedBlocks } from './readme-blocks';

// Issue 20, point 3: real clients against the running system, with exactly what README.md's
// "Use it from your tools" shows. The gateway runs in production mode (introspection only with
// the analyst scope) over the development grants, so the README's token (DEMO-AGENCY, scope
// analyst) and purpose (`demo`) work as written; only the gateway's port and the token's signing
// key (the test stack's) differ from `npm start`.
//
// - curl: the README's commands, run by bash, answer what a plain fetch answers;
// - @graphql-codegen/cli with the client preset and the README's codegen.ts introspects the
//   gateway and generates typed documents for every named graphql block of the README (all of
//   them, anonymous ones too, validate against the introspected schema); `tsc --noEmit` passes
//   over the generated code, the README's apollo.ts and use.ts, and checks that pin the types
//   down (@ts-expect-error lines fail the build if the types were loose); use.ts then runs;
// - @apollo/client: the README's apollo.ts (test/clients/apollo.ts) with possibleTypes from
//   introspection runs CitizenProfile, Business and DossierApplicants (a fragment on the union
//   Applicant) through InMemoryCache, and each result's data equals a plain fetch of the
//   document as Apollo sent it.

const run = promisify(execFile);
const DEV_GRANTS = path.join(REPO_ROOT, 'schema/grants.dev.json');
const README_ORIGIN = 'http://127.0.0.1:4000';
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
const CODEGEN = path.join(REPO_ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js');

let stack: Stack;
let origin: string;
let token: string;
let headers: Record<string, string>;
let schema: GraphQLSchema;
let work: string;

beforeAll(async () => {
  const accessDatabase = testAccessDatabase();
  stack = await startStack({ gateway: { access: await testAccessConfig(accessDatabase, { grantsFile: DEV_GRANTS }) } });
  origin = new URL(stack.gatewayUrl).origin;
  // What `npm run -s token -- --agency DEMO-AGENCY --scopes analyst` mints, signed with the stack's key.
  token = await testToken({ agency: 'DEMO-AGENCY', scopes: ['analyst'] });
  headers = { authorization: `Bearer ${token}`, 'x-purpose': 'demo' };
  const introspection = await postGraphQL<IntrospectionQuery>(stack.gatewayUrl, getIntrospectionQuery(), undefined, headers);
  expect(introspection.errors).toBeUndefined();
  schema = buildClientSchema(introspection.data!);
  work = mkdtempSync(path.join(os.tmpdir(), 'bdg-clients-'));
  // A client project: its own folder, the repository's packages (installed as a client would).
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
});
afterAll(async () => {
  await stack?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The README's text for this stack: its gateway instead of the local start's port 4000. */
function here(text: string): string {
  return text.split(README_ORIGIN).join(origin);
}

/** Non-null scalar values in a response's data. */
function leaves(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + leaves(v), 0);
  if (typeof value === 'object') return Object.entries(value).reduce((n, [k, v]) => n + (k === '__typename' ? 0 : leaves(v)), 0);
  return 1;
}

async function data(document: DocumentNode | string, variables?: Record<string, unknown>): Promise<any> {
  const res = await postGraphQL(stack.gatewayUrl, typeof document === 'string' ? document : print(document), variables, headers);
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.data;
}

/** Variables for the README's operations that make their answers non-trivial in the seeded data. */
async function exampleVariables(): Promise<{ id: string; taxCode: string; procedure: string }> {
  let id: string | undefined;
  let taxCode: string | undefined;
  let after: string | null = null;
  for (let page = 0; page < 20 && !(id && taxCode); page += 1) {
    const d: any = await data(
      `query($after: String) { businesses(first: 100, after: $after) { edges { node { taxCode dossiers(first: 1) { totalCount }
         legalRepresentative { id dossiers(first: 1) { totalCount } } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const { node } of d.businesses.edges) {
      if (!taxCode && node.dossiers.totalCount > 0) taxCode = node.taxCode;
      if (!id && node.legalRepresentative?.dossiers?.totalCount > 0) id = node.legalRepresentative.id;
    }
    if (!d.businesses.pageInfo.hasNextPage) break;
    after = d.businesses.pageInfo.endCursor;
  }
  // A procedure whose first ten dossiers (by code, as the filtered connection orders them) come from both kinds of applicant.
  const firstTen = new Map<string, string[]>();
  let procedure: string | undefined;
  after = null;
  for (let page = 0; page < 40 && !procedure; page += 1) {
    const d: any = await data(
      `query($after: String) { dossiers(first: 100, after: $after) { edges { node { procedure { code } applicant { __typename } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const { node } of d.dossiers.edges) {
      const kinds = firstTen.get(node.procedure.code) ?? [];
      if (kinds.length < 10) kinds.push(node.applicant?.__typename);
      firstTen.set(node.procedure.code, kinds);
      if (!procedure && kinds.includes('Citizen') && kinds.includes('Business')) procedure = node.procedure.code;
    }
    if (!d.dossiers.pageInfo.hasNextPage) break;
    after = d.dossiers.pageInfo.endCursor;
  }
  if (!id || !taxCode || !procedure) throw new Error(`the seed lacks an example: citizen ${id}, business ${taxCode}, procedure ${procedure}`);
  return { id, taxCode, procedure };
}

test('the README has the tools section right after "Example queries", and apollo.ts is test/clients/apollo.ts', () => {
  const text = readme();
  const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  expect(headings[headings.indexOf('Example queries') + 1]).toBe(TOOLS_SECTION.slice(3));
  const file = readFileSync(path.join(__dirname, 'apollo.ts'), 'utf8');
  const shown = file.split('// README apollo.ts begin\n')[1].split('// README apollo.ts end\n')[0];
  expect(tsBlock(readmeSection(TOOLS_SECTION), 'src/apollo.ts')).toBe(shown);
});

test("curl: the README's commands answer what a plain fetch answers", async () => {
  const sh = fencedBlocks(readmeSection(TOOLS_SECTION), 'sh').find((b) => b.includes('curl'));
  expect(sh).toBeDefined();
  const commands = sh!.replace(/\\\n/g, ' ').split('\n').filter((line) => line.startsWith('curl '));
  expect(commands).toHaveLength(3);
  const outputs: string[] = [];
  for (const command of commands) {
    const { stdout } = await run('bash', ['-c', here(command)], { cwd: work, env: { ...process.env, TOKEN: token } });
    outputs.push(stdout);
  }

  // 1: an operation with variables, as JSON in -d '…'.
  const body = JSON.parse(commands[0].match(/ -d '(.*)'$/)![1]);
  const curled = JSON.parse(outputs[0]);
  expect(curled.errors).toBeUndefined();
  expect(curled.data).toStrictEqual(await data(body.query, body.variables));
  expect(curled.data.procedure.name).toEqual(expect.any(String));
  expect(curled.data.dossiers.totalCount).toBeGreaterThan(0);
  expect(curled.data.dossiers.edges[0].node.applicant.__typename).toMatch(/^(Citizen|Business)$/);

  // 2: introspection (the analyst scope).
  const members = JSON.parse(outputs[1]);
  expect(members.errors).toBeUndefined();
  expect(members.data.__type.possibleTypes.map((t: { name: string }) => t.name).sort()).toEqual(['Business', 'Citizen']);

  // 3: the schema as SDL, without a token.
  const sdl = readFileSync(path.join(work, 'schema.graphql'), 'utf8');
  expect(sdl).toContain('union Applicant = Citizen | Business');
  expect(Object.keys(buildSchema(sdl).getTypeMap()).sort()).toEqual(Object.keys(schema.getTypeMap()).sort());
});

test("codegen's client preset over the README's operations: typed documents that tsc accepts, and use.ts runs", async () => {
  const section = readmeSection(TOOLS_SECTION);
  const operations = readmeOperations();
  const named = operations.filter((o) => o.name);
  expect(named.map((o) => o.name)).toEqual(expect.arrayContaining(['CitizenProfile', 'Business', 'DossierApplicants']));
  // Every block, named or not, is valid against the schema the gateway introspects.
  for (const operation of operations) expect([operation.source, validate(schema, operation.document).map((e) => e.message)]).toEqual([operation.source, []]);

  const src = path.join(work, 'src');
  mkdirSync(src, { recursive: true });
  writeFileSync(path.join(work, 'codegen.ts'), tsBlock(section, 'codegen.ts'));
  operations.forEach((operation, i) => writeFileSync(path.join(src, `readme-${String(i + 1).padStart(2, '0')}.graphql`), operation.source));
  // `npx graphql-codegen` in the client project (it finds codegen.ts), with the README's TOKEN.
  const codegen = await run(process.execPath, [CODEGEN], { cwd: work, env: { ...process.env, GATEWAY_URL: stack.gatewayUrl, TOKEN: token } }).catch((error) => error);
  expect([codegen.code, codegen.stderr]).toEqual([undefined, expect.anything()]);
  const generated = readFileSync(path.join(src, 'gql/graphql.ts'), 'utf8');
  for (const operation of named) {
    expect(generated).toContain(`export const ${operation.name}Document = `);
    expect(generated).toContain(`export type ${operation.name}QueryVariables = `);
    for (const fragment of operation.fragments) expect(generated).toContain(`export const ${fragment}FragmentDoc = `);
  }

  writeFileSync(path.join(src, 'apollo.ts'), tsBlock(section, 'src/apollo.ts'));
  writeFileSync(path.join(src, 'use.ts'), here(tsBlock(section, 'src/use.ts')));
  // Checks that fail the compilation unless the generated types are exact.
  writeFileSync(
    path.join(src, 'types-check.ts'),
    `import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import type { ApolloClient } from '@apollo/client/core';
import { useFragment } from './gql';
import { ${named.map((o) => `${o.name}Document`).join(', ')}, ApplicantSummaryFragmentDoc } from './gql/graphql';

type Profile = ResultOf<typeof CitizenProfileDocument>;
export const fullName = (p: Profile): string | null | undefined => p.citizen?.fullName;
export const submittedAt = (p: Profile): string | undefined => p.citizen?.dossiers?.edges[0]?.node.submittedAt;
// @ts-expect-error the README's profile does not select ethnicity
export const ethnicity = (p: Profile) => p.citizen?.ethnicity;
export const withId: VariablesOf<typeof CitizenProfileDocument> = { id: 'C0000001' };
// @ts-expect-error CitizenProfile needs its $id
export const withoutId: VariablesOf<typeof CitizenProfileDocument> = {};

type Node = ResultOf<typeof DossierApplicantsDocument>['dossiers']['edges'][number]['node'];
export function applicantName(node: Node): string | null | undefined {
  const applicant = useFragment(ApplicantSummaryFragmentDoc, node.applicant);
  if (applicant?.__typename === 'Citizen') return applicant.fullName;
  if (applicant?.__typename === 'Business') return applicant.name;
  return undefined;
}
// @ts-expect-error the fragment is masked: its fields are read through useFragment
export const masked = (node: Node) => node.applicant?.taxCode;

export async function typedQuery(client: ApolloClient<unknown>): Promise<string | undefined> {
  const { data } = await client.query({ query: BusinessDocument, variables: { taxCode: '3700000000' } });
  // @ts-expect-error Business takes $taxCode
  await client.query({ query: BusinessDocument, variables: { id: 'C0000001' } });
  return data.business?.legalForm;
}
export const documents = [${named.map((o) => `${o.name}Document`).join(', ')}];
`,
  );
  const compilerOptions = { target: 'ES2022', module: 'commonjs', moduleResolution: 'node', lib: ['ES2023'], types: ['node'], strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true };
  writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['codegen.ts', 'src'] }, null, 2));
  const tsc = await run(process.execPath, [TSC, '--noEmit', '-p', work], { cwd: work }).catch((error) => error);
  expect([tsc.code, tsc.stdout]).toEqual([undefined, '']);

  // use.ts, as `npx tsx src/use.ts` would run it: compiled file by file, then run with node.
  const sources = [...readdirSync(src).filter((f) => f.endsWith('.ts')), ...readdirSync(path.join(src, 'gql')).map((f) => `gql/${f}`)];
  for (const file of sources.filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(src, file), 'utf8'), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true } });
    writeFileSync(path.join(src, file.replace(/\.ts$/, '.js')), outputText);
  }
  const used = await run(process.execPath, [path.join(src, 'use.js')], { cwd: work, env: { ...process.env, TOKEN: token } });
  const expected: any = await data(addTypenameToDocument(readmeOperation('DossierApplicants').document), { procedure: '2.010073' });
  const lines = expected.dossiers.edges.map(({ node }: any) =>
    node.applicant.__typename === 'Citizen' ? `${node.code} citizen ${node.applicant.fullName}` : `${node.code} business ${node.applicant.taxCode} ${node.applicant.name}`,
  );
  expect(lines.length).toBeGreaterThan(0);
  expect(used.stdout.trimEnd().split('\n')).toEqual(lines);
});

describe('Apollo Client with possibleTypes from introspection', () => {
  test('possibleTypes name the members of the union Applicant', async () => {
    const possibleTypes = await fetchPossibleTypes(stack.gatewayUrl, headers);
    expect([...possibleTypes.Applicant].sort()).toEqual(['Business', 'Citizen']);
  });

  test("three README operations through InMemoryCache give what a plain fetch of Apollo's document gives", async () => {
    const variables = await exampleVariables();
    const client = gatewayClient(stack.gatewayUrl, headers, await fetchPossibleTypes(stack.gatewayUrl, headers));
    const cases: [string, Record<string, unknown>][] = [
      ['CitizenProfile', { id: variables.id }],
      ['Business', { taxCode: variables.taxCode }],
      ['DossierApplicants', { procedure: variables.procedure }],
    ];
    const results: Record<string, any> = {};
    for (const [name, vars] of cases) {
      const document = readmeOperation(name).document;
      // What Apollo sends: the document with __typename added to every selection set.
      const sent: string[] = [];
      const realFetch = globalThis.fetch;
      globalThis.fetch = (input, init) => {
        sent.push(JSON.parse(String(init?.body)).query);
        return realFetch(input, init);
      };
      let result;
      try {
        result = await client.query({ query: document, variables: vars });
      } finally {
        globalThis.fetch = realFetch;
      }
      const asSent = print(addTypenameToDocument(document));
      expect(sent).toEqual([asSent]);
      expect(result.errors).toBeUndefined();
      expect(result.data).toStrictEqual(await data(asSent, vars));
      expect(leaves(result.data)).toBeGreaterThan(5);
      results[name] = result.data;
    }

    const citizen = results.CitizenProfile.citizen;
    expect(citizen).toMatchObject({ __typename: 'Citizen', id: variables.id, cccd: expect.stringMatching(/^\d{12}$/), fullName: expect.any(String) });
    expect(citizen.dossiers.totalCount).toBeGreaterThan(0);
    expect(citizen.businesses.length).toBeGreaterThan(0);
    const business = results.Business.business;
    expect(business).toMatchObject({ __typename: 'Business', name: expect.any(String), legalRepresentative: { fullName: expect.any(String) } });
    expect(business.dossiers.edges.length).toBeGreaterThan(0);
    // The fragment on Applicant matched both members (possibleTypes), with their own fields.
    const applicants = results.DossierApplicants.dossiers.edges.map((e: any) => e.node.applicant);
    expect(applicants).toContainEqual({ __typename: 'Citizen', id: expect.any(String), fullName: expect.any(String), residence: { __typename: 'AdministrativeUnit', name: expect.any(String) } });
    expect(applicants).toContainEqual({ __typename: 'Business', taxCode: expect.any(String), name: expect.any(String), legalForm: expect.any(String) });
  });

  test('without possibleTypes the cache cannot match the fragment on Applicant, and the data differs from the fetch', async () => {
    const { procedure } = await exampleVariables();
    const document = readmeOperation('DossierApplicants').document;
    const result = await gatewayClient(stack.gatewayUrl, headers, {}).query({ query: document, variables: { procedure } });
    const fetched = await data(addTypenameToDocument(document), { procedure });
    expect(result.data).not.toEqual(fetched);
    const applicants = result.data.dossiers.edges.map((e: any) => e.node.applicant);
    expect(applicants.length).toBeGreaterThan(0);
    for (const applicant of applicants) expect(Object.keys(applicant)).toEqual(['__typename']);
  });
});
