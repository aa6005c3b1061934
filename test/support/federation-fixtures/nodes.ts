import { FederationFixture, FEDERATION_LINK } from './serve';

/**
 * Nodes: a non-resolvable `@interfaceObject`. Subgraph a has the interface `Node` and no type
 * implementing it; subgraph b sees `Node` as an interface object it cannot resolve (`resolvable:
 * false`), and has the interface `Product` implemented by `Bread`, which a sees as a
 * non-resolvable interface object. (The shape of the "non-resolvable-interface-object" case of
 * the Federation gateway conformance suite.)
 */
const PRODUCTS = [{ __typename: 'Bread', id: 'p1', name: 'Bánh mì' }];

export const nodesFixture: FederationFixture = {
  name: 'nodes',
  subgraphs: [
    {
      name: 'a',
      typeDefs: `${FEDERATION_LINK(['@key', '@interfaceObject'])}
        interface Node @key(fields: "id") { id: ID! }
        type Product @key(fields: "id", resolvable: false) @interfaceObject { id: ID! }
        type Query { a: Node product: Product! }`,
      resolvers: {
        Query: { a: () => ({ __typename: 'Node', id: 'n1' }), product: () => ({ __typename: 'Product', id: 'p1' }) },
        Node: {
          __resolveReference: () => {
            throw new Error('Node is an interface object elsewhere: not resolvable here');
          },
          __resolveType: () => 'Node',
        },
      } as never,
    },
    {
      name: 'b',
      typeDefs: `${FEDERATION_LINK(['@key', '@interfaceObject'])}
        type Node @key(fields: "id", resolvable: false) @interfaceObject { id: ID! field: String }
        interface Product @key(fields: "id") { id: ID! }
        type Bread implements Product @key(fields: "id") { id: ID! name: String! }
        type Query { b: Node }`,
      resolvers: {
        Query: { b: () => ({ id: 'n1' }) },
        Node: { field: () => 'foo' },
        Product: { __resolveReference: (ref: { id: string }) => PRODUCTS.find((p) => p.id === ref.id) ?? null, __resolveType: () => 'Bread' },
        Bread: { __resolveReference: (ref: { id: string }) => PRODUCTS.find((p) => p.id === ref.id) ?? null },
      } as never,
    },
  ],
  pools: { values: {} },
};
