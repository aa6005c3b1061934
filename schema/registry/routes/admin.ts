import { Router } from 'express';
import { issueToken, listAgencies, revokeToken, upsertAgency } from '../domain/access';
import { RegistryError, RegistryErrorCode } from '../errors';
import { allow, authenticate, RouteContext } from './context';

/** The administrator's API: agencies and tokens. Needs REGISTRY_ADMIN_TOKEN. */
export function adminRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.use((_req, _res, next) => {
    if (!ctx.config.adminToken) throw new RegistryError(RegistryErrorCode.ADMIN_DISABLED, 'The admin API is off: start the registry with REGISTRY_ADMIN_TOKEN set');
    next();
  });
  router.use(authenticate(ctx), allow('admin'));
  const em = () => ctx.database.orm.em.fork();

  router.post('/agencies', async (req, res) => {
    const { agency, created } = await upsertAgency(em(), req.body ?? {});
    res.status(created ? 201 : 200).json({ agency, created });
  });
  router.get('/agencies', async (_req, res) => {
    res.json({ agencies: await listAgencies(em()) });
  });
  router.post('/agencies/:id/tokens', async (req, res) => {
    const issued = await issueToken(em(), { role: 'agency', agencyId: req.params.id, label: req.body?.label, replace: req.body?.replace });
    ctx.log.info({ agency: issued.agencyId, label: issued.label, revoked: issued.revoked }, 'agency token issued');
    res.status(201).json(issued);
  });
  router.post('/gateway-tokens', async (req, res) => {
    const issued = await issueToken(em(), { role: 'gateway', label: req.body?.label, replace: req.body?.replace });
    ctx.log.info({ label: issued.label, revoked: issued.revoked }, 'gateway token issued');
    res.status(201).json(issued);
  });
  router.post('/tokens/:id/revoke', async (req, res) => {
    await revokeToken(em(), req.params.id);
    res.json({ revoked: req.params.id });
  });
  return router;
}
