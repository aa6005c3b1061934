import { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { EntityManager } from '@mikro-orm/core';
import { grantProblems } from './grant';
import { GrantNotFoundError, grantService, InvalidGrantError } from './service';

export interface GrantRouterOptions {
  /** A fresh entity manager of the registry's database. */
  em(): EntityManager;
  /** Lets through the administrator only (POST, revoke). */
  requireAdmin: RequestHandler;
  /** Lets through readers of grants: the gateway and the administrator (GET). */
  requireReader: RequestHandler;
}

/**
 * The grants API of the registry: `GET /grants[?agency=]` (gateways cache it), `POST /grants`
 * (administrator: one grant as JSON), `POST /grants/:id/revoke` (administrator), `POST /grants/import`
 * (administrator: `{grants: [...]}` into an empty table). Errors are
 * `{ error: { code, message } }` with 400 INVALID_GRANT or 404 GRANT_NOT_FOUND.
 */
export function grantRouter(options: GrantRouterOptions): Router {
  const router = Router();
  router.get('/grants', options.requireReader, async (req, res) => {
    const agency = typeof req.query.agency === 'string' ? req.query.agency : undefined;
    res.setHeader('cache-control', 'no-store');
    res.json({ grants: await grantService.list(options.em(), { agency }) });
  });
  router.post('/grants', options.requireAdmin, async (req, res) => {
    res.status(201).json({ grant: await grantService.add(options.em(), req.body ?? {}) });
  });
  /** Fills an empty grants table from `{ grants: [...] }` (all validated first); `{ imported: 0 }` when it already has grants. */
  router.post('/grants/import', options.requireAdmin, async (req, res) => {
    const grants: unknown = req.body?.grants;
    if (!Array.isArray(grants)) throw new InvalidGrantError(['the body must be {"grants": [...]}']);
    const problems = grants.flatMap((g, i) => grantProblems(g ?? {}).map((p) => `grant ${i}: ${p}`));
    if (problems.length) throw new InvalidGrantError(problems);
    res.json({ imported: await grantService.importIfEmpty(options.em(), grants) });
  });
  router.post('/grants/:id/revoke', options.requireAdmin, async (req, res) => {
    await grantService.revoke(options.em(), String(req.params.id));
    res.json({ revoked: req.params.id });
  });
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof InvalidGrantError) return void res.status(400).json({ error: { code: 'INVALID_GRANT', message: error.message, problems: error.problems } });
    if (error instanceof GrantNotFoundError) return void res.status(404).json({ error: { code: 'GRANT_NOT_FOUND', message: error.message } });
    next(error);
  });
  return router;
}
