import { deepMerge as apolloDeepMerge } from '@apollo/gateway/dist/utilities/deepMerge';
import { deepMerge } from '../deep-merge';

// The executor's deepMerge must merge exactly as @apollo/gateway's.
const cases: [string, () => unknown, () => unknown][] = [
  ['new keys', () => ({ a: 1 }), () => ({ b: { c: 2 } })],
  ['nested objects merge', () => ({ a: { x: 1, y: { z: 1 } } }), () => ({ a: { y: { w: 2 }, v: 3 } })],
  ['lists of equal length merge by element', () => ({ l: [{ a: 1 }, 2, null] }), () => ({ l: [{ b: 2 }, 3, { c: 1 }] })],
  ['lists of other lengths replace', () => ({ l: [{ a: 1 }] }), () => ({ l: [{ b: 2 }, { c: 3 }] })],
  ['undefined is skipped, null replaces', () => ({ a: 1, b: { c: 1 } }), () => ({ a: undefined, b: null })],
  ['an object over a scalar replaces it', () => ({ a: 0 }), () => ({ a: { b: 1 } })],
  ['inherited names become own properties', () => ({}), () => JSON.parse('{"constructor":{"a":1},"toString":"x","__proto__":{"polluted":true}}')],
  ['prototype-less targets', () => Object.assign(Object.create(null), { a: { b: 1 } }), () => ({ a: { c: 2 }, hasOwnProperty: 1 })],
  ['null source', () => ({ a: 1 }), () => null],
];

test.each(cases)('%s', (_name, target, source) => {
  const ours = deepMerge(target(), source());
  const theirs = apolloDeepMerge(target(), source());
  expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
  expect(Object.getPrototypeOf(ours)).toBe(Object.getPrototypeOf(theirs));
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
