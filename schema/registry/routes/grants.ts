import { Router } from 'express';
import { grantRouter } from '../../grants/router';
import { allow, authenticate, RouteContext } from './context';

/**
 * The grants, stored in the registry's database (table access_grant): `GET /grants` for the
 * gateway's access plugin (RegistryGrantSource reads `{ grants: [...] }` with its gateway token)
 * and the administrator; `POST /grants`, `POST /grants/:id/revoke` and `POST /grants/import`
 * (fills an empty table, e.g. with the development grants on first `npm start`) for the
 * administrator only.
 */
export function grantRoutes(ctx: RouteContext): Router {
  // A Router is a request handler: authenticate the bearer token, then check its kind.
  const guard = (...kinds: Parameters<typeof allow>) => Router().use(authenticate(ctx), allow(...kinds));
  return grantRouter({ em: () => ctx.database.orm.em.fork(), requireAdmin: guard('admin'), requireReader: guard('gateway', 'admin') });
}
