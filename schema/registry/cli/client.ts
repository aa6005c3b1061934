import type { CheckReport, SchemaChange } from '../checks/types';
import type { AgencyView, IssuedToken } from '../domain/access';
import type { SubgraphListing } from '../domain/catalog';
import type { PublishResult, RollbackResult } from '../domain/publishing';
import type { VersionView } from '../domain/versions';
import type { WhoAmI } from '../routes/whoami';

/** Why a call failed: the registry could not be reached, or it answered with an error. */
export class RegistryClientError extends Error {
  override name = 'RegistryClientError';
  constructor(
    message: string,
    /** HTTP status; undefined when the registry could not be reached. */
    readonly status?: number,
    /** The registry's error code (UNAUTHENTICATED, FORBIDDEN, …). */
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface HistoryEntry {
  id: number;
  version: number;
  publishedAt: string;
  agency: string;
  tokenLabel: string;
  url: string;
  sdlHash: string;
  forced: boolean;
  summary: string;
  changes: SchemaChange[];
}

export interface CurrentSupergraph extends VersionView {
  supergraphSdl: string;
}

/**
 * The registry's HTTP API as functions: used by the bdg CLI, by `npm start` to register the
 * built-in subgraphs (the same path as any agency), and by the tests.
 */
export class RegistryClient {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly token?: string,
    private readonly timeoutMs = 60_000,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Sends a request; answers with status and parsed body, or throws RegistryClientError (unreachable, or a status not in `accept`). */
  async request<T>(method: string, path: string, body?: unknown, accept: number[] = [200, 201, 202]): Promise<{ status: number; body: T }> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new RegistryClientError(`Cannot reach the registry at ${this.baseUrl} (${cause}); is it running? Set REGISTRY_URL or --registry`);
    }
    const text = await response.text();
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new RegistryClientError(`The registry at ${this.baseUrl} answered ${response.status} with a body that is not JSON`, response.status);
    }
    if (!accept.includes(response.status)) {
      throw new RegistryClientError(parsed?.error?.message ?? `The registry answered ${response.status}`, response.status, parsed?.error?.code);
    }
    return { status: response.status, body: parsed as T };
  }

  /** Who the token is and what it may do (any valid token; 401 otherwise). */
  async whoami(): Promise<WhoAmI> {
    return (await this.request<WhoAmI>('GET', '/whoami')).body;
  }

  // --- administrator ---

  async createAgency(id: string, name: string): Promise<{ agency: AgencyView; created: boolean }> {
    return (await this.request<{ agency: AgencyView; created: boolean }>('POST', '/admin/agencies', { id, name })).body;
  }

  async listAgencies(): Promise<AgencyView[]> {
    return (await this.request<{ agencies: AgencyView[] }>('GET', '/admin/agencies')).body.agencies;
  }

  async issueAgencyToken(agencyId: string, options: { label?: string; replace?: boolean } = {}): Promise<IssuedToken> {
    return (await this.request<IssuedToken>('POST', `/admin/agencies/${encodeURIComponent(agencyId)}/tokens`, options)).body;
  }

  async issueGatewayToken(options: { label?: string; replace?: boolean } = {}): Promise<IssuedToken> {
    return (await this.request<IssuedToken>('POST', '/admin/gateway-tokens', options)).body;
  }

  // --- agencies ---

  async check(name: string, sdl: string, url?: string): Promise<CheckReport> {
    return (await this.request<{ report: CheckReport }>('POST', `/subgraphs/${encodeURIComponent(name)}/check`, { sdl, url })).body.report;
  }

  /** A refused publish is a result (status "refused", HTTP 422), not an exception. */
  async publish(name: string, options: { sdl: string; url?: string; force?: boolean }): Promise<PublishResult> {
    return (await this.request<PublishResult>('POST', `/subgraphs/${encodeURIComponent(name)}/publish`, options, [200, 201, 422])).body;
  }

  async listSubgraphs(): Promise<{ currentVersion: number | null; subgraphs: SubgraphListing[] }> {
    return (await this.request<{ currentVersion: number | null; subgraphs: SubgraphListing[] }>('GET', '/subgraphs')).body;
  }

  async history(name: string): Promise<{ name: string; agency: string; publishes: HistoryEntry[] }> {
    return (await this.request<{ name: string; agency: string; publishes: HistoryEntry[] }>('GET', `/subgraphs/${encodeURIComponent(name)}/history`)).body;
  }

  async versions(limit = 50): Promise<{ currentVersion: number | null; versions: VersionView[] }> {
    return (await this.request<{ currentVersion: number | null; versions: VersionView[] }>('GET', `/supergraph/versions?limit=${limit}`)).body;
  }

  /** One version with its supergraph and client-facing schema. */
  async version(version: number): Promise<CurrentSupergraph & { apiSchemaSdl: string }> {
    return (await this.request<CurrentSupergraph & { apiSchemaSdl: string }>('GET', `/supergraph/versions/${version}`)).body;
  }

  /** The current supergraph; null when nothing has been published yet. */
  async current(): Promise<CurrentSupergraph | null> {
    const { status, body } = await this.request<CurrentSupergraph>('GET', '/supergraph', undefined, [200, 404]);
    return status === 404 ? null : body;
  }

  async rollback(version: number): Promise<RollbackResult> {
    return (await this.request<RollbackResult>('POST', '/supergraph/rollback', { version })).body;
  }

  // --- gateways ---

  async reportUsage(operations: unknown[]): Promise<{ recorded: number }> {
    return (await this.request<{ recorded: number }>('POST', '/usage', { operations })).body;
  }

  async signingSecrets(): Promise<{ name: string; secret: string }[]> {
    return (await this.request<{ subgraphs: { name: string; secret: string }[] }>('GET', '/gateway/subgraph-secrets')).body.subgraphs;
  }
}
