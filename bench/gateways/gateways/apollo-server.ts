import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * Vanilla @apollo/gateway with @apollo/server in their default configuration (standalone
 * server), serving SUPERGRAPH_PATH on 127.0.0.1:PORT: the baseline of the benchmark.
 */
async function main(): Promise<void> {
  const supergraphSdl = readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8');
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
  console.log(`vanilla @apollo/gateway at ${url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
