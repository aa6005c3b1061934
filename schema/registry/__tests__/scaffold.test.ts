import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../../../subgraphs/kit/project-root';
import { buildFederatedSchema } from '../../../subgraphs/kit/federation';
import { subgraphNames } from '../scaffold/names';
import { scaffoldSubgraph } from '../scaffold/scaffold';
import { composeWithBuiltIns } from '../scaffold/compose-check';
import { agencyClient, publishBuiltIns, startTestRegistry } from '../../../test/support/registry';

// `npm run subgraph:new -- NAME` produces a subgraph that compiles, composes with the built-in
// subgraphs (extending Citizen) and passes its own generated test, as generated. The test
// scaffolds into a temporary folder under subgraphs/ and removes it afterwards.

const ROOT = projectRoot();
const NAME = `sgtest-${randomBytes(3).toString('hex').replace(/^\d/, 'a')}`;
let created: { dir: string; files: string[] } | undefined;

beforeAll(() => {
  created = scaffoldSubgraph(NAME);
});
afterAll(() => {
  if (created) rmSync(created.dir, { recursive: true, force: true });
});

test('the name rules: lower-case words joined by "-", not a built-in or project folder', () => {
  expect(subgraphNames('health-insurance')).toEqual({ name: 'health-insurance', pascal: 'HealthInsurance', camel: 'healthInsurance', snake: 'health_insurance', prefix: 'HI' });
  expect(subgraphNames('education').prefix).toBe('ED');
  for (const bad of ['Health', 'health_insurance', '1health', 'health-', 'population', 'kit']) expect(() => subgraphNames(bad)).toThrow();
  expect(() => scaffoldSubgraph(NAME)).toThrow(/already exists/);
});

test('the generated files type-check under the project settings', () => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram({ rootNames: created!.files.filter((f) => f.endsWith('.ts')), options: { ...config.options, noEmit: true } });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(created!.dir))
    .map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(problems).toEqual([]);
});

test('it composes with the built-in subgraphs and extends Citizen', async () => {
  const names = subgraphNames(NAME);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { subgraph } = require(created!.dir);
  const { typeDefs } = await buildFederatedSchema(subgraph.schema);
  const composed = await composeWithBuiltIns(NAME, typeDefs);
  if (!composed.ok) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  expect(Object.keys(composed.apiSchema.getTypeMap())).toContain(`${names.pascal}Record`);
  expect(composed.supergraphSdl).toContain(`${names.camel}Records: [${names.pascal}Record!]!`);
});

test('it publishes to the registry: every generated field is classified, consistently with the built-ins', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { subgraph } = require(created!.dir);
  const { typeDefs } = await buildFederatedSchema(subgraph.schema);
  const registry = await startTestRegistry();
  try {
    await publishBuiltIns(registry);
    const agency = await agencyClient(registry, 'scaffolded', 'A scaffolded agency');
    const result = await agency.publish(NAME, { sdl: typeDefs, url: 'http://127.0.0.1:9/new/graphql' });
    expect({ status: result.status, errors: result.report.errors }).toEqual({ status: 'published', errors: [] });
  } finally {
    await registry.stop();
  }
});

test('its own generated test passes', () => {
  expect(existsSync(path.join(created!.dir, '__tests__', `${NAME}.test.ts`))).toBe(true);
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_SUBGRAPHS: 'population' };
  delete env.JEST_WORKER_ID;
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--runTestsByPath', path.join(created!.dir, '__tests__', `${NAME}.test.ts`)], { cwd: ROOT, env, encoding: 'utf8', timeout: 110_000 });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`the generated test failed:\n${output.slice(-4000)}`);
  expect(output).toMatch(/Tests:\s+4 passed, 4 total/);
}, 120_000);
