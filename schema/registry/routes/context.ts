import type { NextFunction, Request, Response } from 'express';
import type { Database } from '../../../subgraphs/kit/orm';
import type { Logger } from '../../../subgraphs/kit/logger';
import type { RegistryConfig } from '../config';
import { authenticate as authenticateToken, Principal } from '../domain/access';
import { RegistryError, RegistryErrorCode } from '../errors';
import type { Mutex, VersionNotifier } from '../long-poll';

/** What every route needs. */
export interface RouteContext {
  database: Database;
  config: RegistryConfig;
  log: Logger;
  notifier: VersionNotifier;
  /** Serialises publishes and rollbacks. */
  writes: Mutex;
  /** Serialises usage ingestion (counters are read, then written). */
  usageWrites: Mutex;
}

type Kind = Principal['kind'];

/** Reads `Authorization: Bearer <token>` into res.locals.principal; 401 when missing or unknown. */
export function authenticate(ctx: RouteContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
    if (!match) {
      throw new RegistryError(RegistryErrorCode.UNAUTHENTICATED, 'Send a token as "Authorization: Bearer <token>" (the bdg CLI reads REGISTRY_TOKEN or --token)');
    }
    res.locals.principal = await authenticateToken(ctx.database.orm.em.fork(), match[1], ctx.config.adminToken);
    next();
  };
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}

/** Lets through only the given kinds of caller. */
export function allow(...kinds: Kind[]) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const principal = principalOf(res);
    if (!kinds.includes(principal.kind)) {
      throw new RegistryError(RegistryErrorCode.FORBIDDEN, `This needs ${kinds.map((k) => (k === 'admin' ? 'the admin token' : `a${k === 'agency' ? 'n' : ''} ${k} token`)).join(' or ')}; you sent a${principal.kind === 'agency' || principal.kind === 'admin' ? 'n' : ''} ${principal.kind} token`);
    }
    next();
  };
}
