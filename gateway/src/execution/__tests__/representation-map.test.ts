import { RepresentationMap } from '../representation-map';

type Rep = Record<string, unknown>;

/** Whether the map takes `b` for the representation `a` was kept under. */
function same(a: Rep, b: Rep, map = new RepresentationMap<string>()): boolean {
  map.ensure(a, 'kept');
  return map.get(b) === 'kept';
}

test('representations are one exactly when their fields and values are equal, type included', () => {
  expect(same({ __typename: 'Product', upc: '1' }, { __typename: 'Product', upc: '1' })).toBe(true);
  expect(same({ __typename: 'Product', upc: '1' }, { __typename: 'Product', upc: 1 })).toBe(false);
  expect(same({ __typename: 'Product', upc: '1' }, { __typename: 'Product', upc: '1', price: null })).toBe(false);
  expect(same({ __typename: 'Product', upc: '1', price: null }, { __typename: 'Product', upc: '1' })).toBe(false);
  expect(same({ __typename: 'Product', upc: 'null' }, { __typename: 'Product', upc: null })).toBe(false);
  expect(same({ __typename: 'Product', upc: 'true' }, { __typename: 'Product', upc: true })).toBe(false);
  expect(same({ __typename: 'Unit', code: '1', on: '2025-07-01' }, { __typename: 'Unit', code: '1\u0001s2025' })).toBe(false);
  expect(same({ __typename: 'Product', upc: '1' }, { __typename: 'User', upc: '1' })).toBe(false);
});

test('a value cannot pose as a field name, nor separators inside values as fields', () => {
  expect(same({ a: 'x|b=s1:y', b: undefined }, { a: 'x', b: 'y' })).toBe(false);
  expect(same({ a: 'x|b=s1:y' }, { a: 'x', b: 'y' })).toBe(false);
  expect(same({ a: '1', b: '2' }, { a: '1|b=s1:2' })).toBe(false);
  expect(same({ a: 'b', c: 'd' }, { a: 'b' })).toBe(false);
  expect(same({ a: 'b' }, { a: 'b', b: 'c' })).toBe(false);
});

test('representations with object values are one by their JSON, or never kept when that is off', () => {
  expect(same({ __typename: 'P', dims: { w: 1 } }, { __typename: 'P', dims: { w: 1 } })).toBe(true);
  expect(same({ __typename: 'P', dims: { w: 1 } }, { __typename: 'P', dims: { w: 2 } })).toBe(false);
  expect(same({ __typename: 'P', dims: { w: 1 } }, { __typename: 'P', dims: { w: 1 } }, new RepresentationMap(false))).toBe(false);
});

test('with names, the fields are read in that order, so the order they came in does not matter', () => {
  const map = new RepresentationMap<string>();
  const names = ['__typename', 'price', 'upc'];
  map.ensure({ upc: '1', __typename: 'Product', price: 5 }, 'kept', names);
  expect(map.get({ __typename: 'Product', price: 5, upc: '1' }, names)).toBe('kept');
  expect(map.get({ __typename: 'Product', price: 6, upc: '1' }, names)).toBeUndefined();
  // Without names the object's own order counts.
  expect(map.get({ upc: '1', __typename: 'Product', price: 5 })).toBeUndefined();
});

test('ensure keeps the first value for a representation and returns it for an equal one', () => {
  const map = new RepresentationMap<number>();
  expect(map.ensure({ __typename: 'Product', upc: '1' }, 0)).toBe(0);
  expect(map.ensure({ __typename: 'Product', upc: '2' }, 1)).toBe(1);
  expect(map.ensure({ __typename: 'Product', upc: '1' }, 2)).toBe(0);
  expect(map.ensure({ __typename: 'P', dims: { w: 1 } }, 3)).toBe(3);
  expect(map.ensure({ __typename: 'P', dims: { w: 1 } }, 4)).toBe(3);
});
