import { GraphQLError } from 'graphql';
import { FederationFixture, FEDERATION_LINK } from './serve';

/**
 * Inventory: `@shareable` fields of different nullability across subgraphs (`Item.name` is
 * `String!` in inventory, `String` in pricing, where one item has none), `@override`
 * (`Item.stock` moved to pricing; inventory's old resolver answers -1, so an answer from it shows),
 * and non-null fields made null across subgraphs: pricing has no entity for item i4 (its
 * `_entities` answer is null) and fails `Item.label: String!` for item i3.
 */
const ITEMS = [
  { id: 'i1', name: 'Bolt', code: 'B-1', stock: 40, price: 2 },
  { id: 'i2', name: 'Nut', code: 'N-1', stock: 0, price: 1 },
  { id: 'i3', name: 'Gear', code: 'G-1', stock: 7, price: 15 },
  { id: 'i4', name: 'Spring', code: 'S-1', stock: 3, price: 4 },
];
const PRICED = ITEMS.filter((item) => item.id !== 'i4');
const DEALS = [
  { id: 'i2', name: 'Nut' },
  { id: 'i3', name: null },
];

export const inventoryFixture: FederationFixture = {
  name: 'inventory',
  subgraphs: [
    {
      name: 'inventory',
      typeDefs: `${FEDERATION_LINK(['@key', '@shareable'])}
        type Query { items: [Item!]! item(id: ID!): Item }
        type Item @key(fields: "id") { id: ID! name: String! @shareable code: String! stock: Int }`,
      resolvers: {
        Query: { items: () => ITEMS, item: (_: unknown, { id }: { id: string }) => ITEMS.find((i) => i.id === id) ?? null },
        Item: { __resolveReference: (ref: { id: string }) => ITEMS.find((i) => i.id === ref.id) ?? null, stock: () => -1 },
      } as never,
    },
    {
      name: 'pricing',
      typeDefs: `${FEDERATION_LINK(['@key', '@shareable', '@override'])}
        type Query { deals: [Item!]! }
        type Item @key(fields: "id") { id: ID! name: String @shareable stock: Int @override(from: "inventory") price: Int! label: String! discount: Discount }
        type Discount { percent: Int! until: String }`,
      resolvers: {
        Query: { deals: () => DEALS },
        Item: {
          __resolveReference: (ref: { id: string }) => {
            const item = PRICED.find((i) => i.id === ref.id);
            return item ? { ...item, ...DEALS.find((d) => d.id === ref.id) } : null;
          },
          stock: (ref: { id: string }) => ITEMS.find((i) => i.id === ref.id)?.stock ?? null,
          price: (ref: { id: string }) => ITEMS.find((i) => i.id === ref.id)?.price ?? null,
          label: (ref: { id: string }) => {
            if (ref.id === 'i3') throw new GraphQLError('no label for i3', { extensions: { code: 'LABEL_MISSING' } });
            return `#${ref.id}`;
          },
          discount: (ref: { id: string }) => (ref.id === 'i2' ? { percent: 10, until: null } : ref.id === 'i3' ? { percent: null, until: '2025-01-01' } : null),
        },
      } as never,
    },
  ],
  pools: { values: { id: ['i1', 'i2', 'i3', 'i4'] }, failing: { id: ['i9'] } },
};
