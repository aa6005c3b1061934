import type { Grant } from '../../../../../schema/grants/grant';
import type { DecisionInput, Level } from '../decide';
import { accessPlanKey, ClassificationBoundCache, PlannedOperation } from '../plan-cache';

// What a cached access plan may be reused for: exactly the requests whose decisions and
// rewrite would come out the same.

const grant: Grant = { agency: 'A', level: 'BASIC', purposes: ['care'], legalBasis: 'law' };
const officer: DecisionInput = { caller: { kind: 'user', subject: 'u1', agency: 'A', scopes: [] }, purpose: 'care', grants: [grant], day: '2026-11-23' };
const key = (variables: Record<string, unknown>, input: DecisionInput = officer, hash = 'h1', operation: string | null = 'Profile') => accessPlanKey(hash, operation, variables, input);

test('scalar variables do not change the plan: every person of one operation shares it', () => {
  expect(key({ id: 'C1' })).toBe(key({ id: 'C2' }));
  expect(key({ id: 'C1', first: 5 })).toBe(key({ id: 'C2', first: 10 }));
});

test('input objects in variables do: they can name a personal filter field', () => {
  expect(key({ f: { residenceId: '718' } })).not.toBe(key({ f: { nameContains: 'nguyen' } }));
  expect(key({ f: [{ residenceId: '718' }] })).not.toBe(key({ f: [{ residenceId: '719' }] }));
});

test('every decision input is part of the key: caller, agency, purpose, grants, day', () => {
  const base = key({});
  const others = [
    key({}, { ...officer, caller: { kind: 'anonymous' } }),
    key({}, { ...officer, caller: { kind: 'user', subject: 'u1', agency: 'B', scopes: [] } }),
    key({}, { ...officer, caller: { kind: 'user', subject: 'u1', scopes: [] } }),
    key({}, { ...officer, purpose: 'marketing' }),
    key({}, { ...officer, purpose: undefined }),
    key({}, { ...officer, grants: [] }),
    key({}, { ...officer, grants: [{ ...grant, validTo: '2026-11-22' }] }), // a grant shortened (revoked) while running
    key({}, { ...officer, grants: new Error('registry down') }),
    key({}, { ...officer, day: '2026-11-24' }),
    key({}, officer, 'h2'),
    key({}, officer, 'h1', 'Other'),
  ];
  expect(new Set([base, ...others]).size).toBe(others.length + 1);
  // Another user of the same agency reads under the same grants: same plan.
  expect(key({}, { ...officer, caller: { kind: 'user', subject: 'u2', agency: 'A', scopes: [] } })).toBe(base);
});

test('no key without a query hash or with variables that cannot print', () => {
  expect(accessPlanKey(undefined, null, {}, officer)).toBeUndefined();
  const deep: Record<string, unknown> = {};
  deep.self = deep;
  expect(key({ f: deep })).toBeUndefined();
});

test('the cache is bounded and emptied when the classifications change', () => {
  const planned = (n: number) => ({ queryHash: `q${n}` }) as unknown as PlannedOperation;
  const levels: Record<string, Level> = { 'Citizen.fullName': 'BASIC' };
  const cache = new ClassificationBoundCache<PlannedOperation>(2);
  cache.set('a', planned(1));
  expect(cache.get('a', levels)).toBeUndefined(); // first sight of these levels starts afresh
  cache.set('a', planned(1));
  cache.set('b', planned(2));
  cache.set('c', planned(3));
  expect([cache.get('a', levels), cache.get('b', levels)?.queryHash, cache.get('c', levels)?.queryHash]).toEqual([undefined, 'q2', 'q3']);
  expect(cache.get('b', { ...levels })).toBeUndefined();
  expect(cache.get(undefined, levels)).toBeUndefined();
});
