import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { CompiledExecutionGateway } from '../compiled-gateway';

// A request remembers what its subgraphs answered for each entity (entity-answers.ts) only when
// it is a query: in a mutation, a field read after a root field may have changed since it was
// read before. Three subgraphs on real HTTP: `shop` sells a product, `depot` restocks it (each
// a mutation), `stock` says how many are left; the plan reads `left` of the same product, with
// the same representation, after each (root mutation fields of different subgraphs run in turn).

let stock = 10;
const servers: ApolloServer[] = [];
let gatewayServer: ApolloServer;
let url: string;

const shop = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Product @key(fields: "upc") { upc: String! }
  type Query { product(upc: String!): Product }
  type Mutation { sell(upc: String!): Product }
`);
const depot = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Product @key(fields: "upc") { upc: String! }
  type Mutation { restock(upc: String!): Product }
`);
const stockSdl = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Product @key(fields: "upc") { upc: String! left: Int }
`);

async function serve(schema: ReturnType<typeof buildSubgraphSchema>): Promise<string> {
  const server = new ApolloServer({ schema });
  servers.push(server);
  return (await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } })).url;
}

beforeAll(async () => {
  const shopUrl = await serve(buildSubgraphSchema({
    typeDefs: shop,
    resolvers: { Query: { product: (_: unknown, { upc }: { upc: string }) => ({ upc }) }, Mutation: { sell: (_: unknown, { upc }: { upc: string }) => ((stock -= 1), { upc }) } },
  }));
  const depotUrl = await serve(buildSubgraphSchema({
    typeDefs: depot,
    resolvers: { Mutation: { restock: (_: unknown, { upc }: { upc: string }) => ((stock += 5), { upc }) } },
  }));
  const stockUrl = await serve(buildSubgraphSchema({
    typeDefs: stockSdl,
    resolvers: { Product: { __resolveReference: (product: { upc: string }) => ({ upc: product.upc, left: stock }) } },
  }));
  const composed = composeServices([{ name: 'shop', typeDefs: shop, url: shopUrl }, { name: 'depot', typeDefs: depot, url: depotUrl }, { name: 'stock', typeDefs: stockSdl, url: stockUrl }]);
  if (composed.errors) throw composed.errors[0];
  gatewayServer = new ApolloServer({ gateway: new CompiledExecutionGateway({ batchEntities: true }, { supergraphSdl: composed.supergraphSdl }) });
  ({ url } = await startStandaloneServer(gatewayServer, { listen: { port: 0, host: '127.0.0.1' } }));
});

afterAll(async () => {
  await gatewayServer?.stop();
  await Promise.all(servers.map((s) => s.stop()));
});

const post = async (query: string) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();

test('in a mutation, each read of an entity after a root field goes to its subgraph', async () => {
  stock = 10;
  const answer = await post('mutation { sold: sell(upc: "1") { left } restocked: restock(upc: "1") { left } }');
  expect(answer).toEqual({ data: { sold: { left: 9 }, restocked: { left: 14 } } });
});
