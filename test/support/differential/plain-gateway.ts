import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { signRequest, SignedCaller } from '../../../subgraphs/kit/signature';

/**
 * The reference of the differential tests: plain `ApolloGateway` + `ApolloServer` in their
 * default configuration over the same subgraphs. Its calls carry the same signed caller as the
 * shipped gateway's (the subgraphs check signatures), signed over the body as finally sent.
 */
export interface PlainGateway {
  url: string;
  stop(): Promise<void>;
}

export async function startPlainGateway(options: { supergraphSdl: string; subgraphUrls?: Record<string, string>; signingSecret?: string; caller?: SignedCaller }): Promise<PlainGateway> {
  const { signingSecret, caller } = options;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url: options.subgraphUrls?.[name] ?? url,
        fetcher: (async (target: string, init: { headers?: Record<string, string>; body?: string; method?: string }) => {
          const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
          if (signingSecret) {
            const { pathname, search } = new URL(target);
            Object.assign(headers, signRequest({ secret: signingSecret, method: init.method ?? 'POST', path: pathname + search, body: init.body ?? '', caller }));
          }
          const response = await fetch(target, { ...init, headers } as RequestInit);
          if (process.env.DIFF_TRACE) {
            const text = await response.clone().text();
            console.log(`plain → ${name}: ${init.body}\n← ${response.status} ${text.slice(0, 2000)}`);
          }
          return response;
        }) as never,
      }),
  });
  const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
