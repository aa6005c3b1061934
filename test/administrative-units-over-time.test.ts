import { grantedHeaders } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// The July 2025 reorganisation through the gateway: the new units, their residents, and the
// fields other subgraphs add to AdministrativeUnit, which know only the 2020–2025 units and
// answer null for the new ones without failing the request.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const UNIT_FIELDS = 'id name population businessStats { total } dossierStats { total } indicators { latest { value } } targets { status }';

test('a new commune answers from population; the other subgraphs give null for it, not an error', async () => {
  const res = await postGraphQL(
    stack.gatewayUrl,
    `{ heir: administrativeUnit(id: "25747@2025-07-01") { ${UNIT_FIELDS} code parent { id name } predecessors { ${UNIT_FIELDS} } }
       city: administrativeUnitOn(code: "79", on: "2025-07-01") { ${UNIT_FIELDS} children { id population businessStats { total } } }
       province: administrativeUnit(id: "74") { population successors { id } } }`,
  );
  expect(res.errors).toBeUndefined();
  const { heir, city, province } = res.data;
  expect(heir).toMatchObject({ id: '25747@2025-07-01', code: '25747', name: 'Phường Thủ Dầu Một', parent: { id: '79', name: 'Thành phố Hồ Chí Minh' } });
  expect(heir.population).toBeGreaterThan(0);
  for (const field of ['businessStats', 'dossierStats', 'indicators', 'targets']) {
    expect(heir[field]).toBeNull();
    expect(city[field]).toBeNull();
  }
  // Old ids keep working with every subgraph's fields.
  const phuCuong = heir.predecessors.find((p: any) => p.id === '25747');
  expect(phuCuong).toMatchObject({ name: 'Phường Phú Cường', businessStats: { total: expect.any(Number) }, dossierStats: { total: expect.any(Number) } });
  expect(phuCuong.indicators).not.toBeNull();

  expect(city.children).toHaveLength(36);
  expect(city.children.reduce((s: number, c: any) => s + c.population, 0)).toBe(province.population);
  expect(city.population).toBe(province.population);
  expect(province.successors).toEqual([{ id: '79' }]);
});

test('administrativeUnits(on:) and Citizen.residenceOn through the gateway; a bad date is BAD_USER_INPUT', async () => {
  const res = await postGraphQL(
    stack.gatewayUrl,
    `{ after: administrativeUnits(on: "2025-07-01") { id } before: administrativeUnits { id }
       districts: administrativeUnits(level: DISTRICT, on: "2025-08-01") { id }
       citizens(first: 5) { edges { node { residence { id successors { id } } residenceOn(on: "2025-07-01") { id parent { id } } } } } }`,
    undefined,
    await grantedHeaders(),
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.after).toHaveLength(37);
  expect(res.data.before).toHaveLength(101);
  expect(res.data.districts).toEqual([]);
  for (const { node } of res.data.citizens.edges) {
    expect(node.residence.successors.map((s: any) => s.id)).toContain(node.residenceOn.id);
    expect(node.residenceOn.parent).toEqual({ id: '79' });
  }

  // residenceOn is basic personal data: without a grant it is withheld like residence.
  const anonymous = await postGraphQL(stack.gatewayUrl, '{ citizens(first: 1) { edges { node { id residenceOn(on: "2025-07-01") { id } } } } }');
  expect(anonymous.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');

  const badDate = await postGraphQL(stack.gatewayUrl, 'query($on: Date!) { administrativeUnitOn(code: "25747", on: $on) { id } }', { on: '2025-06-31' });
  expect(badDate.status).toBeLessThan(500);
  expect(badDate.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
});
