import { Router } from 'express';
import { RolloutEvent, SupergraphVersion } from '../entities';
import { rollbackTo } from '../domain/publishing';
import { currentVersion, currentVersionNumber, viewOf } from '../domain/versions';
import { badRequest, notFound } from '../errors';
import { allow, authenticate, principalOf, RouteContext } from './context';

/** How often a held long-poll re-reads the current version (changes made by another registry process). */
const RECHECK_MS = 2_000;

function optionalWholeNumber(raw: unknown, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw badRequest(`${name} must be a whole number, got ${JSON.stringify(raw)}`);
  return value;
}

/** The current supergraph (long-poll for gateways), the versions, and rollback. */
export function supergraphRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.use(authenticate(ctx));
  const em = () => ctx.database.orm.em.fork();

  /**
   * GET /supergraph[?after=N[&wait=S]]: the current version with its SDL. With `after`, answers
   * as soon as the current version differs from N, or 304 after S seconds (default and maximum
   * REGISTRY_LONG_POLL_MAX_S) — the gateway's way to follow the registry without polling hard.
   */
  router.get('/', async (req, res) => {
    const after = optionalWholeNumber(req.query.after, 'after');
    const waitSeconds = Math.min(optionalWholeNumber(req.query.wait, 'wait') ?? ctx.config.longPollMaxSeconds, ctx.config.longPollMaxSeconds);
    if (after !== undefined) {
      const deadline = Date.now() + waitSeconds * 1000;
      const gone = new AbortController();
      res.on('close', () => gone.abort());
      while ((await currentVersionNumber(em())) === (after === 0 ? null : after)) {
        const remaining = deadline - Date.now();
        if (remaining <= 0 || gone.signal.aborted || ctx.notifier.isClosed) {
          res.status(304).end();
          return;
        }
        await ctx.notifier.wait(Math.min(remaining, RECHECK_MS), gone.signal);
      }
    }
    const current = await currentVersion(em());
    if (!current) throw notFound('No supergraph has been published yet');
    res.json({ ...viewOf(current, current.version), supergraphSdl: current.supergraphSdl });
  });

  router.get('/versions', async (req, res) => {
    const limit = Math.min(optionalWholeNumber(req.query.limit, 'limit') ?? 50, 500);
    const current = await currentVersionNumber(em());
    const versions = await em().find(SupergraphVersion, {}, { orderBy: { version: 'desc' }, limit, fields: ['version', 'hash', 'createdAt', 'author', 'subgraphName', 'summary', 'subgraphs'] as any });
    res.json({ currentVersion: current, versions: versions.map((v) => viewOf(v, current)) });
  });

  /** Every change of the current version (publishes and rollbacks), newest first: who, when, from, to. */
  router.get('/rollouts', async (req, res) => {
    const limit = Math.min(optionalWholeNumber(req.query.limit, 'limit') ?? 50, 500);
    const events = await em().find(RolloutEvent, {}, { orderBy: { id: 'desc' }, limit });
    res.json({ rollouts: events.map((e) => ({ at: e.at, actor: e.actor, reason: e.reason, version: e.version, previousVersion: e.previousVersion ?? null })) });
  });

  router.get('/versions/:version', async (req, res) => {
    const number = optionalWholeNumber(req.params.version, 'version');
    const version = number === undefined ? null : await em().findOne(SupergraphVersion, { version: number });
    if (!version) throw notFound(`There is no supergraph version ${req.params.version}`);
    res.json({ ...viewOf(version, await currentVersionNumber(em())), supergraphSdl: version.supergraphSdl, apiSchemaSdl: version.apiSchemaSdl });
  });

  router.post('/rollback', allow('admin', 'agency'), async (req, res) => {
    const principal = principalOf(res);
    const result = await ctx.writes.run(() => rollbackTo(em(), principal, req.body?.version));
    if (result.status === 'rolled-back') {
      ctx.log.info({ from: result.previousVersion, to: result.version.version, by: principal.kind === 'agency' ? principal.agencyId : principal.kind }, 'supergraph rolled back');
      ctx.notifier.notify();
    }
    res.json(result);
  });
  return router;
}
