import { FederationFixture, FEDERATION_LINK } from './serve';

/**
 * Products: compound and multiple `@key`s (`upc`, and `sku variant { id }`), `@requires` with
 * field arguments (two fields requiring the same field, `weight`, with different arguments),
 * `@provides` at several depths (`author { name address { city } }`, `product { name }`).
 */
const PRODUCTS = [
  { upc: 'p1', sku: 'S-1', variant: { id: 'v1', color: 'red' }, name: 'Lamp', price: { USD: 12, EUR: 11 }, weightKg: 2 },
  { upc: 'p2', sku: 'S-2', variant: { id: 'v2', color: 'blue' }, name: 'Chair', price: { USD: 40, EUR: 37 }, weightKg: 5 },
  { upc: 'p3', sku: 'S-3', variant: { id: 'v3', color: null }, name: null, price: { USD: 3, EUR: 3 }, weightKg: 0.5 },
];
const USERS = [
  { id: 'u1', name: 'An', address: { city: 'Thủ Dầu Một', street: '1 Yersin' } },
  { id: 'u2', name: 'Bình', address: { city: 'Dĩ An', street: null } },
];
const REVIEWS = [
  { id: 'r1', body: 'bright', authorId: 'u1', upc: 'p1', stars: 5 },
  { id: 'r2', body: 'wobbly', authorId: 'u2', upc: 'p2', stars: 2 },
  { id: 'r3', body: 'fine', authorId: 'u1', upc: 'p2', stars: 4 },
];
const KG_PER_LB = 0.45359237;
type Product = (typeof PRODUCTS)[number];
const byUpc = (upc: string) => PRODUCTS.find((p) => p.upc === upc) ?? null;
const bySkuVariant = (sku: string, variantId: string) => PRODUCTS.find((p) => p.sku === sku && p.variant.id === variantId) ?? null;
const weight = (product: Product, unit: string) => (unit === 'LB' ? Math.round((product.weightKg / KG_PER_LB) * 100) / 100 : product.weightKg);

export const productsFixture: FederationFixture = {
  name: 'products',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: `${FEDERATION_LINK(['@key', '@shareable'])}
        type Query { products: [Product!]! product(upc: String!): Product users: [User!]! }
        type Product @key(fields: "upc") @key(fields: "sku variant { id }") {
          upc: String!
          sku: String!
          variant: Variant!
          name: String @shareable
          price(currency: String!): Int
          weight(unit: String! = "KG"): Float
        }
        type Variant @shareable { id: ID! color: String }
        type User @key(fields: "id") { id: ID! name: String @shareable address: Address @shareable }
        type Address @shareable { city: String street: String }`,
      resolvers: {
        Query: { products: () => PRODUCTS, product: (_: unknown, { upc }: { upc: string }) => byUpc(upc), users: () => USERS },
        Product: {
          __resolveReference: (ref: { upc?: string; sku?: string; variant?: { id: string } }) => (ref.upc ? byUpc(ref.upc) : bySkuVariant(ref.sku!, ref.variant!.id)),
          price: (p: Product, { currency }: { currency: string }) => (p.price as Record<string, number>)[currency] ?? null,
          weight: (p: Product, { unit }: { unit: string }) => weight(p, unit),
        },
        User: { __resolveReference: (ref: { id: string }) => USERS.find((u) => u.id === ref.id) ?? null },
      } as never,
    },
    {
      name: 'shipping',
      typeDefs: `${FEDERATION_LINK(['@key', '@shareable', '@external', '@requires'])}
        type Product @key(fields: "sku variant { id }") {
          sku: String!
          variant: Variant!
          weight(unit: String! = "KG"): Float @external
          price(currency: String!): Int @external
          "weight in kg × 10, plus the price in USD"
          shippingEstimate: Int @requires(fields: "weight(unit: \\"KG\\") price(currency: \\"USD\\")")
          "the weight in pounds, as the subgraph received it"
          weightLabel: String @requires(fields: "weight(unit: \\"LB\\")")
          inStock: Boolean!
        }
        type Variant @shareable { id: ID! color: String }`,
      resolvers: {
        Product: {
          __resolveReference: (ref: { sku: string; variant: { id: string }; weight?: number; price?: number }) => {
            const product = bySkuVariant(ref.sku, ref.variant.id);
            return product && { ...ref, inStock: product.upc !== 'p3' };
          },
          shippingEstimate: (ref: { weight?: number; price?: number }) => (typeof ref.weight === 'number' && typeof ref.price === 'number' ? Math.round(ref.weight * 10) + ref.price : null),
          weightLabel: (ref: { weight?: number }) => (ref.weight === undefined ? null : `${ref.weight} lb`),
        },
      } as never,
    },
    {
      name: 'reviews',
      typeDefs: `${FEDERATION_LINK(['@key', '@shareable', '@external', '@provides'])}
        type Query { reviews: [Review!]! review(id: ID!): Review }
        type Review {
          id: ID!
          body: String!
          stars: Int
          author: User! @provides(fields: "name address { city }")
          product: Product @provides(fields: "name")
        }
        type User @key(fields: "id") { id: ID! name: String @external address: Address @external reviews: [Review!]! }
        type Address @shareable { city: String }
        type Product @key(fields: "upc") { upc: String! name: String @external reviews: [Review!]! }`,
      resolvers: {
        Query: { reviews: () => REVIEWS, review: (_: unknown, { id }: { id: string }) => REVIEWS.find((r) => r.id === id) ?? null },
        Review: {
          // The provided fields, as the owner has them.
          author: (r: (typeof REVIEWS)[number]) => {
            const user = USERS.find((u) => u.id === r.authorId)!;
            return { id: user.id, name: user.name, address: { city: user.address.city } };
          },
          product: (r: (typeof REVIEWS)[number]) => ({ upc: r.upc, name: byUpc(r.upc)?.name ?? null }),
        },
        User: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }), reviews: (u: { id: string }) => REVIEWS.filter((r) => r.authorId === u.id) },
        Product: { __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }), reviews: (p: { upc: string }) => REVIEWS.filter((r) => r.upc === p.upc) },
      } as never,
    },
  ],
  pools: {
    values: { upc: ['p1', 'p2', 'p3'], id: ['r1', 'r2', 'r3'], currency: ['USD', 'EUR'], unit: ['KG', 'LB'] },
    failing: { upc: ['p9'], id: ['r9'], currency: ['VND'] },
  },
};
