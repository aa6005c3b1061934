import type { Grant } from '../../../../../schema/grants/grant';
import { decide, DenialReason } from '../decide';

// The grant decision for one field: level × grants in force × declared purpose.

const officer = { kind: 'user' as const, subject: 'u1', agency: 'A', scopes: [] };
const basic: Grant = { agency: 'A', level: 'BASIC', purposes: ['care'], legalBasis: 'law', validFrom: '2024-01-01', validTo: '2024-12-31' };
const named: Grant = { agency: 'A', fields: ['Citizen.ethnicity'], purposes: ['census'], legalBasis: 'census law' };
const input = (grants: Grant[] | Error, purpose: string | undefined = 'care', day = '2024-06-01') => ({ caller: officer, purpose, grants, day });
const reason = (d: ReturnType<typeof decide>) => (d.allowed ? 'ALLOWED' : d.reason);

test('public fields need nothing; unclassified fields are denied to everyone', () => {
  expect(decide('Sector.name', 'PUBLIC', { caller: { kind: 'anonymous' }, grants: [], day: '2024-06-01' }).allowed).toBe(true);
  expect(reason(decide('Citizen.note', undefined, input([basic])))).toBe(DenialReason.UNCLASSIFIED);
});

test('a basic grant covers basic fields for its purposes, within its dates', () => {
  expect(decide('Citizen.fullName', 'BASIC', input([basic]))).toEqual({ allowed: true, grant: basic });
  expect(reason(decide('Citizen.fullName', 'BASIC', input([basic], 'marketing')))).toBe(DenialReason.PURPOSE_NOT_GRANTED);
  expect(reason(decide('Citizen.fullName', 'BASIC', { ...input([basic]), purpose: undefined }))).toBe(DenialReason.PURPOSE_REQUIRED);
  expect(reason(decide('Citizen.fullName', 'BASIC', input([basic], 'care', '2025-01-01')))).toBe(DenialReason.NOT_GRANTED);
  expect(reason(decide('Citizen.fullName', 'BASIC', input([basic], 'care', '2023-12-31')))).toBe(DenialReason.NOT_GRANTED);
  expect(decide('Citizen.fullName', 'BASIC', input([basic], 'care', '2024-12-31')).allowed).toBe(true); // validTo is inclusive
});

test('sensitive fields need a grant naming them; the purpose is that grant\'s', () => {
  expect(reason(decide('Citizen.ethnicity', 'SENSITIVE', input([basic])))).toBe(DenialReason.SENSITIVE_NOT_NAMED);
  expect(reason(decide('Citizen.ethnicity', 'SENSITIVE', input([basic, named], 'care')))).toBe(DenialReason.PURPOSE_NOT_GRANTED);
  expect(decide('Citizen.ethnicity', 'SENSITIVE', input([basic, named], 'census'))).toEqual({ allowed: true, grant: named });
  // Naming a field does not widen to its level.
  expect(reason(decide('Citizen.fullName', 'BASIC', input([named], 'census')))).toBe(DenialReason.NOT_GRANTED);
});

test('without caller, agency or reachable grants, personal data is denied', () => {
  expect(reason(decide('Citizen.fullName', 'BASIC', { caller: { kind: 'anonymous' }, purpose: 'care', grants: [basic], day: '2024-06-01' }))).toBe(DenialReason.AUTHENTICATION_REQUIRED);
  expect(reason(decide('Citizen.fullName', 'BASIC', { ...input([basic]), caller: { ...officer, agency: undefined } }))).toBe(DenialReason.NO_AGENCY);
  expect(reason(decide('Citizen.fullName', 'BASIC', input(new Error('registry down'))))).toBe(DenialReason.GRANTS_UNAVAILABLE);
});
