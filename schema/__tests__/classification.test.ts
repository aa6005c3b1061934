import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { checkClassification, classificationProblems } from '../../subgraphs/kit/classification-check';
import { composeBuiltInSubgraphs, ComposedGraph } from '../compose';

/** Fields added to the contract's types by this project that select personal data, with the level they must carry. */
const PERSONAL_ADDITIONS: Record<string, string> = {
  'Citizen.residenceOn': 'BASIC', // the residence in force on a date (2025 reorganisation); as basic as Citizen.residence
};

// Every field of every built-in subgraph carries @classified, the subgraphs agree, and the
// levels are exactly the contract's [basic] / [sensitive] marks (unmarked = PUBLIC).

let composed: ComposedGraph;
beforeAll(async () => {
  composed = await composeBuiltInSubgraphs();
});

const sdls = () => Object.entries(composed.subgraphSdls).map(([name, sdl]) => ({ name, sdl }));

test('every field of the built-in subgraphs is classified, without conflicts', () => {
  const report = checkClassification(sdls());
  expect(classificationProblems(report)).toEqual([]);
  expect(Object.keys(report.levels).length).toBeGreaterThan(100);
});

const contractFile = path.resolve(__dirname, '../../../shared/CONTRACT.graphql');
(existsSync(contractFile) ? test : test.skip)('levels match the [basic] and [sensitive] marks of ../shared/CONTRACT.graphql', () => {
  const text = readFileSync(contractFile, 'utf8');
  const expected: Record<string, string> = {};
  let type = '';
  for (const line of text.split('\n')) {
    const open = /^type (\w+)/.exec(line);
    if (open) type = open[1];
    if (/^}/.test(line)) type = '';
    const mark = /\[(basic|sensitive)\]/.exec(line);
    if (!mark) continue;
    const own = /^\s+(\w+)[:(]/.exec(line);
    const contributed = /^#\s+(\w+)\.(\w+)/.exec(line);
    if (contributed) expected[`${contributed[1]}.${contributed[2]}`] = mark[1].toUpperCase();
    else if (own && type) expected[`${type}.${own[1]}`] = mark[1].toUpperCase();
  }
  // Descriptions carry the mark on the line above the field ("… [basic]" then `cccd: String`).
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const mark = /^\s+".*\[(basic|sensitive)\]"$/.exec(line);
    const field = mark && /^\s+(\w+)[:(]/.exec(lines[i + 1]);
    if (mark && field) {
      const owner = [...lines.slice(0, i)].reverse().find((l) => /^type \w+/.test(l))!;
      expected[`${/^type (\w+)/.exec(owner)![1]}.${field[1]}`] = mark[1].toUpperCase();
    }
  });
  // Personal fields this project adds beyond the contract, with the level they must carry.
  Object.assign(expected, PERSONAL_ADDITIONS);
  expect(Object.keys(expected).length).toBeGreaterThanOrEqual(14);
  const { levels } = checkClassification(sdls());
  for (const [coordinate, level] of Object.entries(expected)) expect([coordinate, levels[coordinate]]).toEqual([coordinate, level]);
  // Everything else the contract lists is public.
  const personal = Object.entries(levels).filter(([c, l]) => l !== 'PUBLIC' && !c.includes('Filter.') && c !== 'Query.citizenByCccd');
  for (const [coordinate] of personal) expect(expected).toHaveProperty([coordinate]);
});

test('the supergraph carries the classification to the gateway', () => {
  const { levels } = checkClassification([{ name: 'supergraph', sdl: composed.supergraphSdl }]);
  expect(levels['Citizen.fullName']).toBe('BASIC');
  expect(levels['Citizen.ethnicity']).toBe('SENSITIVE');
  expect(levels['AdministrativeUnit.population']).toBe('PUBLIC');
  expect(levels['CitizenFilter.nameContains']).toBe('BASIC');
});

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])';

test('an unclassified field and a conflicting classification are reported', () => {
  const report = checkClassification([
    { name: 'a', sdl: `${LINK}\ntype Citizen @key(fields: "id") { id: ID! @classified(level: PUBLIC) note: String }` },
    { name: 'b', sdl: `${LINK}\ntype Citizen @key(fields: "id") { id: ID! @classified(level: BASIC) }` },
  ]);
  expect(report.unclassified).toEqual(['a: Citizen.note']);
  expect(report.conflicts).toEqual([{ coordinate: 'Citizen.id', levels: { a: 'PUBLIC', b: 'BASIC' } }]);
  expect(classificationProblems(report)).toHaveLength(2);
});
