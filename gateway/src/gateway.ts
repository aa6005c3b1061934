import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createLogger } from '../../subgraphs/kit/logger';
import { closeGracefully } from '../../subgraphs/kit/shutdown';
import { createMetricsRegistry, injectTraceHeaders, logRequests, metricsHandler, traceRequests } from '../../subgraphs/kit/telemetry';
import type { GatewayConfig } from './config';
import { formatGatewayError, handleBadRequestBody } from './errors';
import { MetricsPlugin } from './plugins/metrics';
import { createSubgraphAgent, DEFAULT_BREAKER_OPTIONS, SubgraphDataSource } from './subgraph-calls';

export interface RunningGateway {
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to the deadline), closes the pools. */
  stop(): Promise<void>;
}

/** Upper bound on tokens in one document: graphql-js overflows its stack on very deep input. */
const MAX_DOCUMENT_TOKENS = 15_000;

function loadSupergraph(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the supergraph at ${path} (set SUPERGRAPH_PATH, or run "npm run compose"): ${(error as Error).message}`);
  }
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const log = createLogger('gateway');
  const supergraphSdl = loadSupergraph(config.supergraphPath);
  const registry = createMetricsRegistry('gateway');
  const agent = createSubgraphAgent();
  const dataSources = new Map<string, SubgraphDataSource>();
  const metrics = MetricsPlugin({ registry, supergraphSdl, dataSources });

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource({
        name,
        url: config.subgraphUrls[name] ?? url!,
        timeoutMs: config.subgraphTimeouts?.[name] ?? config.subgraphTimeoutMs,
        maxRetries: config.subgraphMaxRetries,
        breaker: { ...DEFAULT_BREAKER_OPTIONS, resetTimeoutMs: config.breakerResetMs ?? DEFAULT_BREAKER_OPTIONS.resetTimeoutMs },
        agent,
        decorateHeaders: injectTraceHeaders,
        onCallFinished: metrics.onSubgraphCall,
      });
      dataSources.set(name, source);
      return source;
    },
  });
  const apollo = new ApolloServer({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: config.development,
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    formatError: formatGatewayError(log, config.development),
    plugins: [metrics.plugin],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready while a supergraph is loaded. Subgraph states are reported but do not make the gateway
  // unready: one dead subgraph must not take every replica out of rotation.
  app.get('/readyz', (_req, res) => {
    const subgraphs = Object.fromEntries([...dataSources].map(([name, source]) => [name, source.state === 'closed' ? 'up' : source.state]));
    const ready = dataSources.size > 0 && !shuttingDown;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', subgraphs });
  });
  app.get('/metrics', metricsHandler(registry));
  app.use('/graphql', traceRequests('gateway'), logRequests(log), express.json({ limit: '1mb' }), handleBadRequestBody, expressMiddleware(apollo));

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;
  log.info({ url }, 'gateway listening');

  let shuttingDown = false;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      shuttingDown = true;
      await closeGracefully(server, config.shutdownTimeoutMs);
      await apollo.stop();
      await agent.close();
      log.info('gateway stopped');
    })());
  return { url, port, stop };
}
