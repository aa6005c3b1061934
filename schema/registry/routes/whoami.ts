import { Router } from 'express';
import { Agency, RegisteredSubgraph } from '../entities';
import { authenticate, principalOf, RouteContext } from './context';

/** What `GET /whoami` answers: who the token is and what it may do. */
export interface WhoAmI {
  kind: 'admin' | 'agency' | 'gateway';
  /** The agency of an agency token; null for the admin and gateway tokens. */
  agency: { id: string; name: string; subgraphs: string[] } | null;
  /** The token's label (agency and gateway tokens); null for the admin token. */
  tokenLabel: string | null;
  /** What the token may do, one line each (the API's rules, as the routes enforce them). */
  permissions: string[];
}

const READ = 'read: subgraph list and history, supergraph versions and rollouts';

const PERMISSIONS: Record<WhoAmI['kind'], string[]> = {
  admin: [READ, 'agencies: create, list, issue and revoke tokens', 'gateway tokens: issue', 'grants: add, list, revoke, import', 'supergraph rollback: any version', 'gateway: subgraph signing secrets, usage reports'],
  agency: [READ, 'subgraph check and publish: the names the agency owns, and unclaimed names', 'supergraph rollback: when every differing subgraph is the agency\'s own'],
  gateway: [READ, 'supergraph: follow the current version', 'gateway: subgraph signing secrets, usage reports', 'grants: list'],
};

/** `GET /whoami`: any valid token; 401 without one (what `bdg whoami` and `bdg login` ask). */
export function whoamiRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.get('/whoami', authenticate(ctx), async (_req, res) => {
    const principal = principalOf(res);
    let agency: WhoAmI['agency'] = null;
    if (principal.kind === 'agency') {
      const em = ctx.database.orm.em.fork();
      const found = await em.findOne(Agency, { id: principal.agencyId });
      const owned = await em.find(RegisteredSubgraph, { agencyId: principal.agencyId }, { orderBy: { name: 'asc' } });
      agency = { id: principal.agencyId, name: found?.name ?? principal.agencyId, subgraphs: owned.map((s) => s.name) };
    }
    const body: WhoAmI = { kind: principal.kind, agency, tokenLabel: principal.kind === 'admin' ? null : principal.label, permissions: PERMISSIONS[principal.kind] };
    res.setHeader('cache-control', 'no-store');
    res.json(body);
  });
  return router;
}
