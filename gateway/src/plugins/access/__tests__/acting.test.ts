import { parse, OperationDefinitionNode, FragmentDefinitionNode } from 'graphql';
import { grantProblems } from '../../../../../schema/grants/grant';
import { mutationCoordinates, unitsActedFor } from '../acting';

const grant = { agency: 'UBND-721', purposes: ['dossier-processing'], legalBasis: 'Nghị định 107/2021/NĐ-CP' };

test('an agency acts for the units of its grants in force, each once', () => {
  const grants = [
    { ...grant, actsFor: ['721', '25741'] },
    { ...grant, actsFor: ['25741', '74'], validTo: '2024-12-31' },
    { ...grant, level: 'BASIC' as const },
  ];
  expect(unitsActedFor(grants, '2024-06-01')).toEqual(['25741', '721', '74']);
  expect(unitsActedFor(grants, '2025-01-01')).toEqual(['25741', '721']);
  expect(unitsActedFor([], '2025-01-01')).toEqual([]);
});

test('a grant may give acting alone; its units must be unit ids', () => {
  expect(grantProblems({ ...grant, actsFor: ['721'] })).toEqual([]);
  expect(grantProblems({ ...grant })).toEqual(['give a level, at least one field, or the units it acts for (actsFor)']);
  expect(grantProblems({ ...grant, actsFor: ['Bến Cát'] })).toEqual(['actsFor must be a list of administrative unit ids such as "74", "721" or "25741"']);
  expect(grantProblems({ ...grant, actsFor: '721' as unknown as string[] })).toEqual(['actsFor must be a list of administrative unit ids such as "74", "721" or "25741"']);
});

test('a mutation is recorded with the root fields it calls, through fragments, without __typename', () => {
  const document = parse(`mutation M { __typename a: completeDossier(code: "x", electronicResult: true) { code } ...More ... on Mutation { rejectDossier(code: "y", reason: "z") { code } } }
    fragment More on Mutation { transferDossier(code: "x", toUnitId: "721") { code } completeDossier(code: "w", electronicResult: false) { code } }`);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const fragments = { More: document.definitions[1] as FragmentDefinitionNode };
  expect(mutationCoordinates(operation, fragments)).toEqual(['Mutation.completeDossier', 'Mutation.transferDossier', 'Mutation.rejectDossier']);
});
