/** The two registry calls the gateway makes to follow the current supergraph. */

export interface RegistryVersion {
  version: number;
  hash: string;
  supergraphSdl: string;
}

export type PollAnswer = { changed: true; current: RegistryVersion } | { changed: false };

export class RegistryUnavailableError extends Error {
  override name = 'RegistryUnavailableError';
}

async function get(url: string, token: string, timeoutMs: number, signal?: AbortSignal): Promise<Response> {
  const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
  try {
    return await fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, signal: AbortSignal.any(signals) });
  } catch (error) {
    throw new RegistryUnavailableError(`registry unreachable at ${url}: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`);
  }
}

/**
 * `GET /supergraph?after=<version>&wait=<s>`: the current version as soon as it differs from
 * `after` (0 = "I have none from the registry"), or "unchanged" after the wait. Without
 * `after`, the current version at once. Throws RegistryUnavailableError when it cannot tell.
 */
export async function pollSupergraph(registryUrl: string, token: string, options: { after?: number; waitSeconds?: number; timeoutMs: number; signal?: AbortSignal }): Promise<PollAnswer> {
  const query = options.after === undefined ? '' : `?after=${options.after}&wait=${options.waitSeconds ?? 25}`;
  const response = await get(`${registryUrl.replace(/\/+$/, '')}/supergraph${query}`, token, options.timeoutMs, options.signal);
  if (response.status === 304) {
    await response.arrayBuffer().catch(() => undefined);
    return { changed: false };
  }
  const body = (await response.json().catch(() => undefined)) as (RegistryVersion & { error?: { message?: string } }) | undefined;
  if (response.status !== 200 || typeof body?.supergraphSdl !== 'string' || typeof body.version !== 'number') {
    throw new RegistryUnavailableError(`registry answered ${response.status}${body?.error?.message ? `: ${body.error.message}` : ''}`);
  }
  return { changed: true, current: { version: body.version, hash: body.hash, supergraphSdl: body.supergraphSdl } };
}

/** `GET /gateway/subgraph-secrets`: the secret the gateway signs calls to each subgraph with. */
export async function fetchSigningSecrets(registryUrl: string, token: string, timeoutMs: number, signal?: AbortSignal): Promise<Map<string, string>> {
  const response = await get(`${registryUrl.replace(/\/+$/, '')}/gateway/subgraph-secrets`, token, timeoutMs, signal);
  const body = (await response.json().catch(() => undefined)) as { subgraphs?: { name: string; secret: string }[] } | undefined;
  if (response.status !== 200 || !Array.isArray(body?.subgraphs)) throw new RegistryUnavailableError(`registry answered ${response.status} for the subgraph secrets`);
  return new Map(body.subgraphs.map((s) => [s.name, s.secret]));
}
