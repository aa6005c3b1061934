import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import type { Logger } from '../../../../subgraphs/kit/logger';
import { callerHeaders } from '../../../../subgraphs/kit/signature';
import { callerView } from '../../caller-view';
import { createAuthenticator } from '../auth';
import { ensureDevKeys } from '../auth/dev-keys';
import { AuditPlugin } from '../audit';
import type { AccessRecordStore } from '../audit';
import type { AccessConfig } from './config';
import { AccessContext, AccessPlugin } from './index';
import { FileGrantSource, GrantSource, RegistryGrantSource } from './grant-source';


export interface AccessSetup {
  /** The Apollo context function: identifies the caller (UNAUTHENTICATED on a bad token). */
  context(args: { req: Request }): Promise<AccessContext>;
  plugin: ApolloServerPlugin<AccessContext>;
  /** Adds the caller headers (x-caller-*) to a subgraph call; the signing step then signs them. */
  forwardCaller(headers: Record<string, string>, options: GraphQLDataSourceProcessOptions): void;
  store: AccessRecordStore;
  grants: GrantSource;
  stop(): Promise<void>;
}

/**
 * Wires identify (auth), check (access) and record (audit) from one configuration. The caller
 * reaches the subgraphs through the signing step (gateway/src/subgraph-signing.ts), which reads
 * `contextValue.caller` as set here.
 */
export async function setupAccess(config: AccessConfig, supergraphSdl: string | (() => string), log: Logger): Promise<AccessSetup> {
  const publicKeyFiles = [...(config.auth.publicKeyFiles ?? [])];
  if (config.devKeysDir) publicKeyFiles.push((await ensureDevKeys(config.devKeysDir)).publicKeyFile);
  const authenticator = createAuthenticator({ ...config.auth, publicKeyFiles });
  const grants: GrantSource = config.registryUrl ? new RegistryGrantSource(config.registryUrl, 30_000, config.registryToken) : new FileGrantSource(config.grantsFile);
  const audit = await AuditPlugin({ database: config.accessDatabase });
  const plugin = AccessPlugin({ supergraphSdl, grants, recorder: audit.recorder, strict: config.strict, log });
  return {
    context: async ({ req }) => ({ caller: await authenticator.identify(req.headers.authorization) }),
    plugin,
    forwardCaller(headers, options) {
      // Same headers and encoding as the signing step, which signs them (and would set them itself).
      const caller = callerView('context' in options ? options.context : undefined);
      const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
      caller.purpose ??= incoming?.request.http?.headers.get('x-purpose') || undefined;
      Object.assign(headers, callerHeaders(caller));
    },
    store: audit.store,
    grants,
    stop: async () => {
      grants.close?.();
      await audit.stop();
    },
  };
}
