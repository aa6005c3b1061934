import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { EntityClass, EntityManager } from '@mikro-orm/core';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { ConfigError, envName, subgraphConfig, SubgraphConfig } from './config';
import { ErrorCode } from './errors';
import { keepRawBody, requireGatewaySignature, signedCallerOf } from './gateway-only';
import { buildFederatedSchema, SubgraphSchemaOptions } from './federation';
import { createLogger, Logger } from './logger';
import { Database, openDatabase } from './orm';
import type { Store } from './migrations';
import type { SeedProgress } from './seed/progress';
import { seedIfEmpty } from './seed/seeding';
import { closeGracefully, shutdownTimeoutMs } from './shutdown';
import { SignedCaller, signatureChecksFor, signatureMaxAgeMs, signingSecretFor } from './signature';
import { createMetricsRegistry, httpMetrics, sqlStatementMetric, initTracing, logRequests, shutdownTracing, metricsHandler, traceRequests } from './telemetry';

/** What every resolver gets: a fresh entity manager fork and fresh loaders, per request. */
export interface SubgraphContext<L> {
  em: EntityManager;
  loaders: L;
  /** The caller as the gateway signed it (x-caller-* headers); anonymous: no sub, no agency, no scopes. */
  caller: SignedCaller;
}

/** Everything that makes one subgraph; the kit turns it into a running service. */
export interface SubgraphDefinition<L> extends Store {
  schema: SubgraphSchemaOptions;
  /** Called once per request: loaders cache per request only, never across callers. */
  createLoaders(em: EntityManager): L;
  /** True when the database already holds the seed data (then seeding is skipped). */
  isSeeded(em: EntityManager): Promise<boolean>;
  /** True for a store whose rows are written at run time only (no seed data): `npm run seed` never touches it, not even with --reset. */
  seedless?: boolean;
  /** Fills an empty database at the given scale (fraction of the province), inside the seed's transaction. */
  seed(em: EntityManager, scale: number, log: Logger, progress: SeedProgress): Promise<void>;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  database: Database;
  /** Requests that reached /graphql (admitted or refused) since start or the last reset. */
  graphqlRequests(): number;
  resetGraphqlRequests(): void;
  /** The signed caller of the latest admitted request (diagnostics and tests). */
  lastCaller(): SignedCaller | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Overrides of the configuration read from the environment. */
  config?: Partial<SubgraphConfig>;
  /** Seed an empty database on start (default true). */
  seedIfEmpty?: boolean;
}

const DEVELOPMENT = process.env.NODE_ENV === 'development';

/** Hides internals: unexpected errors reach clients as a code and a generic message. */
function formatError(log: Logger, subgraph: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === ErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
      log.error({ err: error, path: formatted.path }, 'resolver failed');
      if (DEVELOPMENT) return formatted;
      return { ...formatted, message: `Internal error in the ${subgraph} subgraph`, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    return formatted;
  };
}

export async function startSubgraph<L>(definition: SubgraphDefinition<L>, options: StartOptions = {}): Promise<RunningSubgraph> {
  const config = { ...subgraphConfig(definition.name), ...options.config };
  const log = createLogger(definition.name);
  const signatureChecks = config.signatureChecks ?? signatureChecksFor(definition.name);
  const signingSecret = config.signingSecret ?? signingSecretFor(definition.name);
  if (signatureChecks && !signingSecret) {
    throw new ConfigError(
      `${envName(definition.name, 'SIGNING_SECRET')} (or SUBGRAPH_SIGNING_SECRET) is not set: the ${definition.name} subgraph answers only requests the gateway signed with this shared secret. Set it for both, or set SUBGRAPH_SIGNATURE_CHECKS=off to accept unsigned requests (never in production).`,
    );
  }
  if (!signatureChecks) log.warn('signature checks are OFF: this subgraph accepts unsigned requests as anonymous callers');
  const database = await openDatabase(config.database, definition);
  if (options.seedIfEmpty ?? true) await seedIfEmpty(definition, database, config.seedScale, log);

  const { schema } = await buildFederatedSchema(definition.schema);
  const registry = createMetricsRegistry(definition.name);
  const { requests, duration } = httpMetrics(registry);
  sqlStatementMetric(registry, (listener) => (database.orm.em.getConnection() as unknown as { getKnex(): { on(event: 'query', l: () => void): void } }).getKnex().on('query', listener));
  const apollo = new ApolloServer<SubgraphContext<L>>({
    schema,
    includeStacktraceInErrorResponses: DEVELOPMENT,
    // The process stops itself on SIGTERM (closeGracefully, then the database): Apollo's own
    // handler would stop it concurrently and re-raise the signal, so the exit would not be 0.
    stopOnTerminationSignals: false,
    formatError: formatError(log, definition.name),
    // Federated tracing (ftv1) is only for Apollo's hosted usage reporting, which is not used here.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      {
        // Operation names here are the gateway's generated fetch names: one label value is enough.
        async requestDidStart() {
          const started = performance.now();
          return {
            async willSendResponse({ response }) {
              const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
              requests.inc({ operation: 'subgraph', outcome: body?.errors?.length ? 'error' : 'ok' });
              duration.observe({ operation: 'subgraph' }, (performance.now() - started) / 1000);
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await database.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready', database: 'up' });
    } catch {
      res.status(503).json({ status: 'not ready', database: 'down' });
    }
  });
  app.get('/metrics', metricsHandler(registry));
  let graphqlRequests = 0;
  let lastCaller: SignedCaller | undefined;
  // Benchmarks only (bench/gateways): SUBGRAPH_DELAY_MS holds each GraphQL request, to model network latency.
  const delayMs = Number(process.env.SUBGRAPH_DELAY_MS) || 0;
  app.use(
    '/graphql',
    (_req, _res, next) => {
      graphqlRequests += 1;
      if (delayMs > 0) setTimeout(next, delayMs);
      else next();
    },
    traceRequests(definition.name),
    logRequests(log),
    express.json({ limit: '2mb', verify: keepRawBody }),
    requireGatewaySignature({ subgraph: definition.name, secret: signingSecret, checks: signatureChecks, maxAgeMs: config.signatureMaxAgeMs ?? signatureMaxAgeMs(), log }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const em = database.orm.em.fork();
        const caller = signedCallerOf(res);
        lastCaller = caller;
        return { em, loaders: definition.createLoaders(em), caller };
      },
    }),
  );

  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/graphql`;
  const timeoutMs = shutdownTimeoutMs();
  log.info({ url }, 'subgraph listening');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await closeGracefully(server, timeoutMs);
      await apollo.stop();
      await database.close();
      log.info('subgraph stopped');
    })());
  return {
    name: definition.name,
    url,
    port,
    database,
    graphqlRequests: () => graphqlRequests,
    resetGraphqlRequests: () => {
      graphqlRequests = 0;
    },
    lastCaller: () => lastCaller,
    stop,
  };
}

/** Entry point of a subgraph process: start, print the URL, stop cleanly on SIGINT/SIGTERM. */
export function runSubgraphProcess<L>(definition: SubgraphDefinition<L>): void {
  initTracing(definition.name);
  startSubgraph(definition)
    .then((running) => {
      // Tell a supervising launcher (npm start) where this subgraph listens.
      process.send?.({ type: 'ready', name: definition.name, url: running.url });
      const shutdown = () => {
        // Spans still buffered are flushed (OTLP) before the process ends.
        running.stop().then(() => shutdownTracing()).then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    })
    .catch((error) => {
      console.error(`${definition.name} subgraph failed to start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
