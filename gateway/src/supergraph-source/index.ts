import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '../../../subgraphs/kit/logger';
import { LastGoodSupergraph } from './last-good';
import { fetchSigningSecrets, pollSupergraph, RegistryVersion } from './registry-client';

export { LastGoodSupergraph, LAST_GOOD_FILE } from './last-good';

export interface RegistrySupergraphSourceOptions {
  /** The registry's base URL (REGISTRY_URL). */
  registryUrl: string;
  /** The gateway's registry token (REGISTRY_TOKEN). */
  token: string;
  /** Folder of last-good-supergraph.graphql: `<DATA_DIR>/gateway`. */
  stateDir: string;
  /** The committed supergraph (SUPERGRAPH_PATH): served when neither the registry nor a last good copy is available; never written. */
  fallbackPath: string;
  /** Seconds the registry may hold a long-poll (default 25). */
  longPollSeconds?: number;
  /** Milliseconds between attempts while the registry is unreachable (REGISTRY_RETRY_MS, default 5000). */
  retryIntervalMs?: number;
  /** Milliseconds the first fetch at start may take before the gateway falls back (default 5000). */
  startTimeoutMs?: number;
  /** Check each subgraph of a new version answers before switching to it (SUPERGRAPH_HEALTH_CHECK; default false). */
  healthCheck?: boolean;
  log: Logger;
}

/** Where the supergraph being served came from. */
export type SupergraphOrigin = 'registry' | 'last-good' | 'committed';

export interface SupergraphState {
  /** Registry version, or null (the committed file). */
  version: number | null;
  /** Hex SHA-256 of the SDL. */
  hash: string;
  origin: SupergraphOrigin;
  /** UTC ISO instant it started being served. */
  since: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Follows the registry's current supergraph version for an ApolloGateway (its `supergraphSdl`
 * function form). At start: the registry's current version, else the last good one saved in
 * the data folder, else the committed schema/supergraph.graphql. Then a long-poll loop
 * (`GET /supergraph?after=<version>`, falling back to polling every `retryIntervalMs` while the
 * registry is unreachable) hands every new version to `update`: Apollo builds the new schema and
 * query planner beside the old one and swaps them in one step, so requests already executing
 * finish on the old supergraph and new ones use the new one. Each version served is saved as the
 * last good one; a version the gateway rejects is skipped until the next one.
 */
export class RegistrySupergraphSource {
  private stateValue?: SupergraphState;
  private sdl?: string;
  private readonly lastGood: LastGoodSupergraph;
  private readonly secrets = new Map<string, string>();
  private readonly stop = new AbortController();
  private registryDown = false;
  private loaded?: Promise<string>;

  constructor(private readonly options: RegistrySupergraphSourceOptions) {
    this.lastGood = new LastGoodSupergraph(options.stateDir, [options.fallbackPath]);
  }

  /** What is being served (for /readyz and logs). */
  get state(): SupergraphState | undefined {
    return this.stateValue;
  }

  /** The supergraph SDL being served. */
  get supergraphSdl(): string {
    if (this.sdl === undefined) throw new Error('RegistrySupergraphSource: load() first');
    return this.sdl;
  }

  /** The secret the registry issued for a subgraph, if it issued one. */
  signingSecret(subgraph: string): string | undefined {
    return this.secrets.get(subgraph);
  }

  /** Decides the supergraph to start with (once); the gateway can read it before Apollo starts. */
  load(): Promise<string> {
    this.loaded ??= this.initial();
    return this.loaded;
  }

  /** The SupergraphSdlHook to pass as ApolloGateway's `supergraphSdl`. */
  readonly hook: SupergraphSdlHook = async ({ update, healthCheck }) => {
    const supergraphSdl = await this.load();
    // Apollo applies this first supergraph right after the hook returns; the loop starts after
    // that (and not at all if Apollo rejected it: cleanup has run by then).
    setImmediate(() => {
      if (this.stop.signal.aborted) return;
      if (this.stateValue?.origin === 'registry') this.save();
      void this.follow(update, healthCheck);
    });
    return { supergraphSdl, cleanup: async () => this.stop.abort() };
  };

  private async initial(): Promise<string> {
    const { log } = this.options;
    try {
      const answer = await pollSupergraph(this.options.registryUrl, this.options.token, { timeoutMs: this.options.startTimeoutMs ?? 5_000 });
      if (answer.changed) {
        await this.refreshSecrets();
        this.serve(answer.current.supergraphSdl, answer.current.version, 'registry', answer.current.hash);
        log.info({ version: answer.current.version }, 'serving the registry\'s current supergraph');
        return answer.current.supergraphSdl;
      }
    } catch (error) {
      this.registryDown = true;
      log.warn({ err: error, registry: this.options.registryUrl }, 'registry unavailable at start');
    }
    const stored = this.lastGood.read();
    if (stored) {
      for (const [name, secret] of Object.entries(stored.signingSecrets ?? {})) this.secrets.set(name, secret);
      this.serve(stored.supergraphSdl, stored.version, 'last-good', stored.hash || undefined);
      log.warn({ version: stored.version, file: this.lastGood.file }, 'serving the last good supergraph until the registry answers');
      return stored.supergraphSdl;
    }
    const committed = readFileSync(this.options.fallbackPath, 'utf8');
    this.serve(committed, null, 'committed');
    log.warn({ file: this.options.fallbackPath }, 'no supergraph from the registry and none saved: serving the committed supergraph');
    return committed;
  }

  private serve(supergraphSdl: string, version: number | null, origin: SupergraphOrigin, hash = sha256(supergraphSdl)): void {
    this.sdl = supergraphSdl;
    this.stateValue = { version, hash, origin, since: new Date().toISOString() };
  }

  private save(): void {
    try {
      this.lastGood.write({ supergraphSdl: this.supergraphSdl, version: this.stateValue!.version, hash: this.stateValue!.hash, signingSecrets: Object.fromEntries(this.secrets) });
    } catch (error) {
      this.options.log.warn({ err: error, file: this.lastGood.file }, 'could not save the last good supergraph');
    }
  }

  private async refreshSecrets(): Promise<void> {
    const secrets = await fetchSigningSecrets(this.options.registryUrl, this.options.token, 10_000, this.stop.signal);
    for (const [name, secret] of secrets) this.secrets.set(name, secret);
  }

  /** The long-poll loop; ends at cleanup. */
  private async follow(update: (sdl: string) => void, healthCheck: (sdl: string) => Promise<void>): Promise<void> {
    const { log, registryUrl, token } = this.options;
    const retryMs = this.options.retryIntervalMs ?? 5_000;
    const waitSeconds = this.options.longPollSeconds ?? 25;
    // The registry version this gateway has seen (served, or rejected): wait for the next one.
    let seen = this.stateValue?.version ?? 0;
    while (!this.stop.signal.aborted) {
      let next: RegistryVersion;
      try {
        const answer = await pollSupergraph(registryUrl, token, { after: seen, waitSeconds, timeoutMs: (waitSeconds + 10) * 1000, signal: this.stop.signal });
        if (this.registryDown) log.info('registry reachable again');
        this.registryDown = false;
        if (!answer.changed) continue;
        next = answer.current;
      } catch (error) {
        if (this.stop.signal.aborted) return;
        if (!this.registryDown) log.warn({ err: error }, `registry unavailable: keeping supergraph ${this.stateValue?.version ?? '(committed)'}, retrying every ${retryMs} ms`);
        this.registryDown = true;
        await sleep(retryMs, this.stop.signal);
        continue;
      }
      if (next.hash === this.stateValue?.hash) {
        // Same content under another number (e.g. a rollback to what is served): nothing to swap.
        seen = next.version;
        this.serve(next.supergraphSdl, next.version, 'registry', next.hash);
        this.save();
        continue;
      }
      try {
        await this.refreshSecrets();
        if (this.options.healthCheck) await healthCheck(next.supergraphSdl);
      } catch (error) {
        if (this.stop.signal.aborted) return;
        log.warn({ err: error, version: next.version }, 'not switching yet: secrets or subgraph health check failed; retrying');
        await sleep(retryMs, this.stop.signal);
        continue;
      }
      if (this.stop.signal.aborted) return;
      try {
        update(next.supergraphSdl);
      } catch (error) {
        seen = next.version;
        log.error({ err: error, version: next.version }, 'the gateway rejected a supergraph version; still serving the previous one');
        continue;
      }
      seen = next.version;
      const previous = this.stateValue?.version;
      this.serve(next.supergraphSdl, next.version, 'registry', next.hash);
      this.save();
      log.info({ from: previous, to: next.version }, 'supergraph updated');
    }
  }
}
