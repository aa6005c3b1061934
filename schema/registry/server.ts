import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { NextFunction, Request, Response } from 'express';
import { createLogger } from '../../subgraphs/kit/logger';
import { Database, openDatabase } from '../../subgraphs/kit/orm';
import { closeGracefully } from '../../subgraphs/kit/shutdown';
import type { RegistryConfig } from './config';
import { currentVersionNumber } from './domain/versions';
import { REGISTRY_STORE } from './entities';
import { RegistryError, RegistryErrorCode } from './errors';
import { Mutex, VersionNotifier } from './long-poll';
import { adminRoutes } from './routes/admin';
import { RouteContext } from './routes/context';
import { gatewayRoutes } from './routes/gateway';
import { grantRoutes } from './routes/grants';
import { subgraphRoutes } from './routes/subgraphs';
import { supergraphRoutes } from './routes/supergraph';
import { whoamiRoutes } from './routes/whoami';

export interface RunningRegistry {
  /** Base URL, e.g. http://127.0.0.1:4100 (no trailing slash). */
  url: string;
  port: number;
  database: Database;
  stop(): Promise<void>;
}

/** The schema registry: its own database and an HTTP API for agencies, administrators and gateways. */
export async function startRegistry(config: RegistryConfig): Promise<RunningRegistry> {
  const log = createLogger('registry');
  const database = await openDatabase(config.database, REGISTRY_STORE);
  const notifier = new VersionNotifier();
  const ctx: RouteContext = { database, config, log, notifier, writes: new Mutex(), usageWrites: new Mutex() };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      const version = await currentVersionNumber(database.orm.em.fork());
      res.json({ status: 'ready', database: 'up', currentVersion: version });
    } catch {
      res.status(503).json({ status: 'not ready', database: 'down' });
    }
  });
  app.use(express.json({ limit: '5mb' }));
  app.use('/admin', adminRoutes(ctx));
  app.use('/subgraphs', subgraphRoutes(ctx));
  app.use('/supergraph', supergraphRoutes(ctx));
  app.use(gatewayRoutes(ctx));
  app.use(grantRoutes(ctx));
  app.use(whoamiRoutes(ctx));
  app.use((_req: Request, _res: Response) => {
    throw new RegistryError(RegistryErrorCode.NOT_FOUND, 'No such endpoint; see schema/registry/README.md for the API');
  });
  app.use((error: any, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof RegistryError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
    } else if (error?.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: RegistryErrorCode.BAD_REQUEST, message: 'The body is not valid JSON' } });
    } else if (error?.type === 'entity.too.large') {
      res.status(413).json({ error: { code: RegistryErrorCode.BAD_REQUEST, message: `The body is larger than ${error.limit} bytes` } });
    } else {
      log.error({ err: error }, 'request failed');
      res.status(500).json({ error: { code: RegistryErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal error in the registry (details in its log)' } });
    }
  });

  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  log.info({ url, database: config.database.kind, adminApi: Boolean(config.adminToken) }, 'registry listening');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Held long-polls answer 304 at once, so that closing does not wait for them.
      notifier.close();
      await closeGracefully(server, config.shutdownTimeoutMs);
      await database.close();
      log.info('registry stopped');
    })());
  return { url, port, database, stop };
}
