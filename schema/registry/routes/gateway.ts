import { Router } from 'express';
import { signingSecrets } from '../domain/catalog';
import { parseUsageReport, pruneUsage, recordUsage } from '../domain/usage';
import { allow, authenticate, RouteContext } from './context';

/** What gateways use besides the supergraph: subgraph signing secrets and usage reports. */
export function gatewayRoutes(ctx: RouteContext): Router {
  const router = Router();
  const gatewayOnly = [authenticate(ctx), allow('gateway', 'admin')];
  const em = () => ctx.database.orm.em.fork();
  let lastPrune = 0;

  /** The secrets the gateway signs its calls to each subgraph with (the access-control work uses them). */
  router.get('/gateway/subgraph-secrets', ...gatewayOnly, async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ subgraphs: await signingSecrets(em()) });
  });

  /** A batch of executed operations: signatures, the coordinates they use, counts per client. */
  router.post('/usage', ...gatewayOnly, async (req, res) => {
    const operations = parseUsageReport(req.body);
    const recorded = await ctx.usageWrites.run(async () => {
      const count = await recordUsage(em(), operations);
      if (Date.now() - lastPrune > 3_600_000) {
        lastPrune = Date.now();
        await pruneUsage(em(), ctx.config.usageWindowDays);
      }
      return count;
    });
    res.status(202).json({ recorded });
  });
  return router;
}
