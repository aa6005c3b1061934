import { CLASSIFICATION_SPEC_URL, CLASSIFIED_DIRECTIVE_NAME } from '../../../subgraphs/kit/classification';

/**
 * The four subgraphs' schemas, as the shared supergraph shows them (Federation 2; User by id,
 * Product by upc, Review by id; inventory `@requires` price and weight; reviews `@provides`
 * the author's username). With `classified`, every field carries `@classified(level: PUBLIC)`
 * (composed into the supergraph with `@composeDirective`), because this project's gateway
 * denies unclassified fields; the other gateways ignore the directive, and the query plans are
 * the same (supergraph.ts checks the composition against the shared supergraph).
 */
export type StandardSubgraph = 'accounts' | 'products' | 'inventory' | 'reviews';
export const STANDARD_SUBGRAPHS: readonly StandardSubgraph[] = ['accounts', 'inventory', 'products', 'reviews'];

function header(classified: boolean): string {
  const federation = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@composeDirective"])';
  if (!classified) return federation;
  return `${federation}
extend schema @link(url: "${CLASSIFICATION_SPEC_URL}", import: ["@${CLASSIFIED_DIRECTIVE_NAME}"]) @composeDirective(name: "@${CLASSIFIED_DIRECTIVE_NAME}")
directive @${CLASSIFIED_DIRECTIVE_NAME}(level: DataClass!) on FIELD_DEFINITION | INPUT_FIELD_DEFINITION | ARGUMENT_DEFINITION
enum DataClass { PUBLIC BASIC SENSITIVE }`;
}

const BODIES: Record<StandardSubgraph, (p: string) => string> = {
  accounts: (p) => `
type Query {
  me: User${p}
  user(id: ID!): User${p}
  users: [User]${p}
}
type User @key(fields: "id") {
  id: ID!${p}
  name: String${p}
  username: String @shareable${p}
  birthday: Int${p}
}`,
  products: (p) => `
type Query {
  topProducts(first: Int = 5): [Product]${p}
}
type Product @key(fields: "upc") {
  upc: String!${p}
  name: String${p}
  price: Int${p}
  weight: Int${p}
}`,
  inventory: (p) => `
type Product @key(fields: "upc") {
  upc: String!${p}
  weight: Int @external${p}
  price: Int @external${p}
  inStock: Boolean${p}
  shippingEstimate: Int @requires(fields: "price weight")${p}
}`,
  reviews: (p) => `
type Review @key(fields: "id") {
  id: ID!${p}
  body: String${p}
  author: User @provides(fields: "username")${p}
  product: Product${p}
}
type User @key(fields: "id") {
  id: ID!${p}
  username: String @external${p}
  reviews: [Review]${p}
}
type Product @key(fields: "upc") {
  upc: String!${p}
  reviews: [Review]${p}
}`,
};

export function standardSubgraphSdl(name: StandardSubgraph, options: { classified: boolean }): string {
  const p = options.classified ? ` @${CLASSIFIED_DIRECTIVE_NAME}(level: PUBLIC)` : '';
  return `${header(options.classified)}\n${BODIES[name](p)}\n`;
}
