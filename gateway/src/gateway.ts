import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createLogger } from '../../subgraphs/kit/logger';
import { closeGracefully } from '../../subgraphs/kit/shutdown';
import { createMetricsRegistry, injectTraceHeaders, logRequests, metricsHandler, traceRequests } from '../../subgraphs/kit/telemetry';
import type { GatewayConfig } from './config';
import { CompiledExecutionGateway } from './execution/compiled-gateway';
import { formatGatewayError, handleBadRequestBody, UnresolvableOperationPlugin } from './errors';
import { MetricsPlugin } from './plugins/metrics';
import { accessConfig } from './plugins/access/config';
import { setupAccess } from './plugins/access/setup';
import { requestLimitsConfig } from './plugins/limits/config';
import { refuseDeepNesting } from './plugins/limits/nesting';
import { setupRequestLimits } from './plugins/limits/setup';
import { rememberClientAddress } from './plugins/rate-limit';
import { createSubgraphAgent, DEFAULT_BREAKER_OPTIONS, SubgraphDataSource } from './subgraph-calls';
import { subgraphSigningSecrets } from './config';
import { subgraphSigner } from './subgraph-signing';
import { RegistrySupergraphSource } from './supergraph-source';
import { UsageReportingPlugin } from './plugins/usage-reporting';
import { exportMaxRows } from './export/config';
import { exportHandler } from './export/route';
import { ideRouter } from './ide/route';

export interface RunningGateway {
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to the deadline), closes the pools. */
  stop(): Promise<void>;
}


function loadSupergraph(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the supergraph at ${path} (set SUPERGRAPH_PATH, or run "npm run compose"): ${(error as Error).message}`);
  }
}

/** The media types Apollo weighs against text/html before serving HTML on a GET (ApolloServer.prefersHTML). */
const GRAPHQL_GET_MEDIA_TYPES = ['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html'];

function browserToIde(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (!req.headers.accept || req.accepts(GRAPHQL_GET_MEDIA_TYPES) !== 'text/html') return next();
  const search = req.originalUrl.indexOf('?');
  res.redirect(302, `/ide${search >= 0 ? req.originalUrl.slice(search) : ''}`);
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const log = createLogger('gateway');
  // With REGISTRY_URL: follow the registry's current version (falling back to the last good or
  // the committed supergraph); without: serve the static file.
  const supergraphSource = config.registry
    ? new RegistrySupergraphSource({ registryUrl: config.registry.url, token: config.registry.token, stateDir: config.registry.stateDir, fallbackPath: config.supergraphPath, retryIntervalMs: config.registry.retryIntervalMs, longPollSeconds: config.registry.longPollSeconds, healthCheck: config.registry.healthCheck, log })
    : undefined;
  const supergraphSdl = supergraphSource ? await supergraphSource.load() : loadSupergraph(config.supergraphPath);
  const usage = config.registry?.usageReportIntervalMs ? UsageReportingPlugin({ registryUrl: config.registry.url, token: config.registry.token, intervalMs: config.registry.usageReportIntervalMs, log }) : undefined;
  const registry = createMetricsRegistry('gateway');
  const agent = createSubgraphAgent(config.subgraphConnections);
  const dataSources = new Map<string, SubgraphDataSource>();
  const metrics = MetricsPlugin({ registry, supergraphSdl, dataSources });
  // identify (token → caller), check (grants × purpose × classification), record (access records)
  const access = await setupAccess(config.access ?? accessConfig(), supergraphSource ? () => supergraphSource.supergraphSdl : supergraphSdl, log);
  // admit (body size, rate limit, trusted documents) and check (introspection, depth, aliases, cost)
  const limitsConfig = config.requestLimits ?? requestLimitsConfig();
  const limits = await setupRequestLimits(limitsConfig, supergraphSdl, config.development, log);

  const gateway = new CompiledExecutionGateway({ batchEntities: config.batchEntities ?? true }, {
    supergraphSdl: supergraphSource ? supergraphSource.hook : supergraphSdl,
    buildService: ({ name, url }) => {
      const routingUrl = config.subgraphUrls[name] ?? url!;
      const sign = subgraphSigner(routingUrl, supergraphSource?.signingSecret(name) ?? config.subgraphSigningSecrets?.[name] ?? subgraphSigningSecrets([name])[name]);
      const source = new SubgraphDataSource({
        name,
        url: routingUrl,
        timeoutMs: config.subgraphTimeouts?.[name] ?? config.subgraphTimeoutMs,
        maxRetries: config.subgraphMaxRetries,
        breaker: { ...DEFAULT_BREAKER_OPTIONS, resetTimeoutMs: config.breakerResetMs ?? DEFAULT_BREAKER_OPTIONS.resetTimeoutMs },
        agent,
        decorateHeaders: (headers, body, options) => {
          injectTraceHeaders(headers);
          access.forwardCaller(headers, options);
          // Last: the signature covers the caller headers as finally sent.
          sign(headers, body, options);
        },
        onCallFinished: metrics.onSubgraphCall,
        // Never across callers when personal fields are selected, never for a mutation.
        shareable: (options) =>
          (config.shareInFlight ?? true) &&
          'incomingRequestContext' in options &&
          options.incomingRequestContext.operation?.operation === 'query' &&
          (options.context as { publicOnly?: boolean }).publicOnly === true,
      });
      dataSources.set(name, source);
      return source;
    },
  });
  const apollo = new ApolloServer({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: config.development,
    // index.ts stops the gateway on SIGTERM (in-flight requests first): Apollo's own handler
    // would stop it concurrently and re-raise the signal, so the exit would not be 0.
    stopOnTerminationSignals: false,
    // graphql-js overflows its stack on very deep input: bound the tokens of one document.
    parseOptions: { maxTokens: limitsConfig.operation.maxTokens },
    persistedQueries: limits.persistedQueries,
    csrfPrevention: true,
    formatError: formatGatewayError(log, config.development),
    // No Apollo landing page: it loads scripts, fonts and an iframe from outside hosts. A browser
    // opening /graphql (or /) is sent to the offline IDE instead (browserToIde below).
    plugins: [ApolloServerPluginLandingPageDisabled(), metrics.plugin, UnresolvableOperationPlugin(), ...limits.plugins, ...(usage ? [usage] : []), access.plugin],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETag: express would hash every response body (64 µs for the standard benchmark's 87 KB
  // answer) for a header no GraphQL client revalidates with (POST answers are never fresh).
  app.set('etag', false);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready while a supergraph is loaded. Subgraph states are reported but do not make the gateway
  // unready: one dead subgraph must not take every replica out of rotation.
  app.get('/readyz', (_req, res) => {
    const subgraphs = Object.fromEntries([...dataSources].map(([name, source]) => [name, source.health()]));
    const ready = dataSources.size > 0 && !shuttingDown;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', subgraphs, supergraph_version: supergraphSource?.state?.version ?? null });
  });
  app.get('/metrics', metricsHandler(registry));
  // A browser's GET of / or /graphql (Accept preferring text/html, as Apollo decided for its
  // landing page) goes to the IDE, query string kept; GraphQL over GET (JSON accept) is unchanged.
  app.get(['/', '/graphql'], browserToIde);
  app.use('/graphql', traceRequests('gateway'), logRequests(log), express.json({ limit: limitsConfig.maxBodyBytes }), handleBadRequestBody, refuseDeepNesting(limitsConfig.operation.maxDepth), rememberClientAddress, expressMiddleware(apollo, { context: access.context }));
  // Exports (gateway/src/export): a query run page by page through `apollo`, streamed as CSV or NDJSON.
  app.use('/export', traceRequests('gateway'), logRequests(log), express.json({ limit: limitsConfig.maxBodyBytes }), handleBadRequestBody, refuseDeepNesting(limitsConfig.operation.maxDepth), rememberClientAddress, exportHandler({ apollo, schema: () => gateway.schema, access, maxRows: config.exportMaxRows ?? exportMaxRows(), log }));
  // The GraphQL IDE (gateway/src/ide): GraphiQL built into dist/ide, same-origin only.
  app.use('/ide', ideRouter({ schema: () => gateway.schema }));

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
      // Every client request has ended (or was cut at the deadline): a subgraph call still
      // running belongs to none, so it is dropped rather than awaited (close() would wait).
      await agent.destroy();
      await access.stop();
      await limits.stop();
      log.info('gateway stopped');
    })());
  return { url, port, stop };
}
