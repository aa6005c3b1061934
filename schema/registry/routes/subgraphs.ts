import { Router } from 'express';
import { listSubgraphs } from '../domain/catalog';
import { checkProposal, historyOf, parseProposal, publishProposal } from '../domain/publishing';
import { allow, authenticate, principalOf, RouteContext } from './context';

/** What agencies use: list, check, publish, history. */
export function subgraphRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.use(authenticate(ctx));
  const em = () => ctx.database.orm.em.fork();
  const settings = { usageWindowDays: ctx.config.usageWindowDays, checkPolicy: ctx.config.checkPolicy };

  router.get('/', async (_req, res) => {
    res.json(await listSubgraphs(em()));
  });

  router.post('/:name/check', allow('agency'), async (req, res) => {
    const proposal = parseProposal(req.params.name as string, req.body ?? {});
    res.json({ report: await checkProposal(em(), settings, principalOf(res), proposal) });
  });

  router.post('/:name/publish', allow('agency'), async (req, res) => {
    const proposal = parseProposal(req.params.name as string, req.body ?? {});
    const principal = principalOf(res);
    const result = await ctx.writes.run(() => publishProposal(em(), settings, principal, proposal));
    if (result.status === 'published') {
      ctx.log.info({ subgraph: proposal.name, version: result.version.version, by: principal.kind === 'agency' ? principal.agencyId : principal.kind, forced: result.version.forced }, 'subgraph published');
      ctx.notifier.notify();
      res.status(201).json(result);
    } else if (result.status === 'refused') {
      ctx.log.info({ subgraph: proposal.name, outcome: result.report.outcome }, 'publish refused');
      res.status(422).json(result);
    } else {
      res.json(result);
    }
  });

  router.get('/:name/history', async (req, res) => {
    res.json(await historyOf(em(), req.params.name as string));
  });
  return router;
}
